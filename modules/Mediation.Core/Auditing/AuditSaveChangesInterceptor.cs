using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Core.Auditing;

/// <summary>
/// Adds one audit row per created, updated or deleted entity to the very SaveChanges that makes
/// the change, so a change and its audit row commit or roll back together. Secrets and cipher
/// texts are never copied into the audit: their changes show as "***".
/// Inside the caller's transaction (an asynchronous save), the rows are described before the save as ever but written after it by
/// <see cref="RowInserter"/>, in the same transaction, instead of through the change tracker: EF's tracking and command building
/// for five of a registration's eleven rows was a large part of the save's CPU (issue 17), and on SQLite the rows go through one
/// prepared INSERT. Without a transaction of the caller's, EF's own transaction commits inside SaveChanges, so the rows go with
/// the entities as before.
/// </summary>
internal sealed class AuditSaveChangesInterceptor(AuditContext audit, IEnumerable<IBulkCopy> bulkCopy) : SaveChangesInterceptor
{
    // The rows of the save in progress that are written once it has succeeded, inside the same transaction.
    private List<AuditEntry>? _afterSave;

    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditEntry), typeof(OutboxMessage), typeof(InboxMessage), typeof(IdentityUserToken<Guid>), typeof(Lease)];

    internal const int MaxTextLength = 4000;

    private static readonly string[] SecretSuffixes = ["Cipher", "Hash", "SecurityStamp", "ConcurrencyStamp", "PasswordHash"];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _afterSave = null;
        if (eventData.Context is { } context)
        {
            var rows = AuditRows(context);
            if (context is MediationDbContext && context.Database.CurrentTransaction is not null) _afterSave = rows;
            else foreach (var row in rows) context.Add(row);
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_afterSave is { } rows && eventData.Context is MediationDbContext db)
        {
            _afterSave = null;
            // A failure here fails the save: the caller's transaction then commits neither the entities nor their audit.
            if (rows.Count > 0) await new RowInserter(db, bulkCopy).InsertAsync(rows, cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _afterSave = null;
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        _afterSave = null;
        return base.SaveChangesCanceledAsync(eventData, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _afterSave = null;
        if (eventData.Context is { } context) foreach (var row in AuditRows(context)) context.Add(row);
        return base.SavingChanges(eventData, result);
    }

    private List<AuditEntry> AuditRows(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var rows = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (NotAudited.Contains(entry.Entity.GetType()) || entry.Entity is INotAudited) continue;
            if (Describe(entry) is { } row) rows.Add(row);
        }
        return rows;
    }

    private AuditEntry? Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.IsShadowProperty() && !property.Metadata.IsForeignKey()) continue;
            var name = property.Metadata.Name;
            var secret = IsSecret(name);
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[name] = secret ? Redacted(property.CurrentValue) : Summarized(property.Metadata, property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[name] = secret ? Redacted(property.OriginalValue) : Summarized(property.Metadata, property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    if (name is "ConcurrencyStamp") continue;
                    changes[name] = secret
                        ? new { old = Redacted(property.OriginalValue), @new = Redacted(property.CurrentValue) }
                        : new { old = Summarized(property.Metadata, property.OriginalValue), @new = Summarized(property.Metadata, property.CurrentValue) };
                    break;
            }
        }
        if (entry.State is EntityState.Modified && changes.Count == 0) return null;

        var action = entry.State switch
        {
            EntityState.Added => AuditActions.Created,
            EntityState.Deleted => AuditActions.Deleted,
            _ => AuditActions.Updated,
        };
        var key = entry.Metadata.FindPrimaryKey();
        var id = key is null ? null : string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
        return audit.Entry(AuditCategory.Data, action, entry.Metadata.ClrType.Name, id, JsonSerializer.Serialize(changes),
            actor: audit.ActorFor(entry.Entity));
    }

    /// <summary>
    /// The row SaveChanges would have written for an entity inserted without the change tracker; a caller writing many builds one
    /// <see cref="CreatedAuditRows"/> and reuses it.
    /// </summary>
    internal static AuditEntry Created(AuditContext audit, IEntityType type, object entity)
    {
        using var rows = new CreatedAuditRows(audit, type);
        return rows.Entry(entity);
    }

    internal static bool IsSecret(string propertyName)
    {
        // A loop, not Any with a lambda: this runs for every property of every audited entity, and the lambda's closure was an
        // allocation each time (issue 17).
        foreach (var suffix in SecretSuffixes)
            if (propertyName.EndsWith(suffix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string? Redacted(object? value) => value is null ? null : "***";

    /// <summary>
    /// Files and long texts are named by size and SHA-256, not copied: a 9 MB upload made a 12.6 MB
    /// audit row kept forever, with the personal data of an ID-card scan. The hash still proves
    /// which content the change wrote.
    /// </summary>
    internal static object? Summarized(object? value) => value switch
    {
        byte[] bytes => new { size = bytes.LongLength, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
        string text when text.Length > MaxTextLength => Digest(text),
        _ => value,
    };

    /// <summary><see cref="Summarized(object?)"/>, and a property marked <see cref="AuditedByDigestAttribute"/> by its digest at any length.</summary>
    private static object? Summarized(IReadOnlyProperty property, object? value) =>
        value is string text && property.PropertyInfo is { } info
        && ByDigest.GetOrAdd(info, p => p.IsDefined(typeof(AuditedByDigestAttribute), inherit: true))
            ? Digest(text)
            : Summarized(value);

    private static object Digest(string text) =>
        new { length = text.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))) };

    // Whether a property is audited by its digest, looked up once per property: a storm's bulk audit asks it for every column of every notice.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<System.Reflection.PropertyInfo, bool> ByDigest = new();
}

/// <summary>Bookkeeping rows outside the kernel (counters, caches) whose changes are no event anyone must be able to trace.</summary>
public interface INotAudited;
