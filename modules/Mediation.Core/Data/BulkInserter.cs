using System.Collections;
using System.Data.Common;
using System.Text.Json;
using Mediation.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Core.Data;

/// <summary>
/// Writes whole aggregates — each root entity with its owned collections — in the caller's transaction (a provider's COPY through
/// <see cref="IBulkCopy"/>, a prepared single-row INSERT on SQLite, multi-row INSERTs otherwise), for millions of rows a generator imports (etc/generate-demo.sh): values through the model's type mappings, as EF's own inserts, but no
/// change tracker and no SaveChanges interceptor, so no audit row and no change event per record. The caller audits the import as one
/// entry (<see cref="AuditImportAsync"/>) and has what follows from the records (the statistics' facts) recounted once at the end.
/// </summary>
public sealed class BulkInserter(MediationDbContext db, AuditContext audit, IEnumerable<IBulkCopy> bulkCopy)
{
    /// <summary>The roots and, owner after owner, every row of their owned collections and references in their own tables.</summary>
    public async Task InsertAsync<T>(IReadOnlyList<T> roots, CancellationToken ct) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        await InsertAsync(type, roots.Select(r => new Row(null, r)).ToList(), ct);
    }

    /// <summary>Roots of the entity type mapped to <paramref name="clrType"/>, for a caller that writes several kinds in one transaction.</summary>
    public async Task InsertAsync(Type clrType, IReadOnlyList<object> roots, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        await InsertAsync(type, roots.Select(r => new Row(null, r)).ToList(), ct);
    }

    /// <summary>
    /// One audit entry for an import: who ran it, what kind of record, how many and from where — instead of a row per record, which
    /// at five million would be more rows than the records themselves and would be sealed one by one into the audit chain.
    /// </summary>
    public async Task AuditImportAsync(string entityType, long count, object details, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(new { count, details });
        db.Add(audit.Entry(AuditCategory.Data, AuditActions.Imported, entityType, null, json));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Parameters a command: SQLite finds a named parameter by a linear search of the statement's names, so a command of 15,000
    /// parameters bound slower than EF's row-by-row inserts (66 cases a second against 216); about a thousand keeps that search short.
    /// </summary>
    private int ParameterBudget => IsSqlite ? 1_000 : 10_000;

    private bool IsSqlite => db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;

    private sealed record Row(object? Owner, object Entity);

    private async Task InsertAsync(IEntityType type, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var ownership = type.FindOwnership();
        var ownerKey = ownership?.Properties.Select((property, i) => (property, i)).ToDictionary(p => p.property, p => ownership.PrincipalKey.Properties[p.i]);
        var values = RowValues.For(db, type, ParameterBudget);
        object? ValueOf(Row row, IProperty property)
        {
            if (!property.IsShadowProperty()) return property.GetGetter().GetClrValue(row.Entity);
            // An owned row's only shadow values are its owner's key (the identity key is left to the database).
            if (ownerKey is null || !ownerKey.TryGetValue(property, out var principal) || row.Owner is null)
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name} is a shadow property that is not the owner's key.");
            return principal.GetGetter().GetClrValue(row.Owner);
        }

        // Straight on the connection, in the caller's transaction: EF's raw-SQL path copies every parameter and runs the command
        // interceptors over statements that are none of theirs.
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
            throw new InvalidOperationException("A bulk insert runs inside the caller's transaction, so that a batch commits whole.");
        if (bulkCopy.FirstOrDefault() is { } copy)
            await copy.CopyAsync(db, values.TableName, values.ColumnList, values.Templates(transaction.Connection!),
                rows.Select(row => values.ProviderValues(row, ValueOf)), ct);
        else if (IsSqlite) await values.InsertPreparedAsync(transaction, rows.Select(row => values.ProviderValues(row, ValueOf)), ct);
        else
            foreach (var batch in rows.Chunk(values.RowsPerCommand))
            {
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                var parameters = new List<DbParameter>(batch.Length * values.Properties.Count);
                command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {values.Rows(command, batch, parameters, ValueOf)}";
                command.Parameters.AddRange(parameters.ToArray());
                await command.ExecuteNonQueryAsync(ct);
            }

        foreach (var navigation in type.GetNavigations().Where(n => n.ForeignKey.IsOwnership && !n.IsOnDependent))
        {
            var owned = navigation.TargetEntityType;
            if (owned.GetTableName() == type.GetTableName() && owned.GetSchema() == type.GetSchema())
                throw new NotSupportedException($"{owned.DisplayName()} is stored in its owner's table; the bulk path writes owned rows of their own tables only.");
            var children = new List<Row>();
            foreach (var row in rows)
            {
                var value = navigation.GetGetter().GetClrValue(row.Entity);
                if (value is null) continue;
                if (navigation.IsCollection)
                    foreach (var child in (IEnumerable)value) children.Add(new Row(row.Entity, child));
                else children.Add(new Row(row.Entity, value));
            }
            await InsertAsync(owned, children, ct);
        }
    }
}
