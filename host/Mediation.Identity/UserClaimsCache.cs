using System.Collections.Concurrent;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

/// <summary>What the claims loader reads for an account: its state, its unit and the permissions of its roles.</summary>
internal sealed record LoadedAccount(bool IsActive, string? SecurityStamp, string DisplayName, Guid OrgUnitId, string? UnitPath, string? UnitName,
    IReadOnlyCollection<string> Permissions);

/// <summary>
/// The accounts the claims loader read, kept per process for <see cref="IdentitySettings.ClaimsCacheDuration"/> (issue 17: its query
/// ran before every API request, a burst of one desk's requests read the same rows again and again). Any change this process saves
/// to an account, a unit, a role, a role's grants or a user's roles drops every copy at once (<see cref="IdentityChangeWatch"/>, and
/// the sign-in service's direct updates of the security stamp), so on this host a revoked permission, a deactivated account or a
/// rotated stamp is refused on the next request. A change made by another host or by hand in the database is seen here once the
/// copy is older than the duration: hosts tell each other nothing.
/// </summary>
internal sealed class UserClaimsCache(TimeProvider clock, IOptionsMonitor<IdentitySettings> settings)
{
    private readonly ConcurrentDictionary<Guid, (long Generation, DateTimeOffset LoadedAt, LoadedAccount Account)> _byUser = new();
    private long _generation;
    private long _loads;

    /// <summary>How many times an account was read from the database (tests prove requests are served from the copy).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>Taken before a read: a copy read while a change was saved is stored under the generation the change ended.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Drops every copy: an account, unit, role or grant changed in this process.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _byUser.Clear();
    }

    public bool TryGet(Guid userId, out LoadedAccount account)
    {
        account = null!;
        var duration = settings.CurrentValue.ClaimsCacheDuration;
        if (duration <= TimeSpan.Zero || !_byUser.TryGetValue(userId, out var cached)) return false;
        if (cached.Generation != Generation || clock.GetUtcNow() - cached.LoadedAt >= duration)
        {
            _byUser.TryRemove(new KeyValuePair<Guid, (long, DateTimeOffset, LoadedAccount)>(userId, cached));
            return false;
        }
        account = cached.Account;
        return true;
    }

    /// <summary>Keeps the account read under <paramref name="generation"/>, unless something changed since.</summary>
    public void Store(Guid userId, long generation, LoadedAccount account)
    {
        Interlocked.Increment(ref _loads);
        if (settings.CurrentValue.ClaimsCacheDuration <= TimeSpan.Zero || generation != Generation) return;
        _byUser[userId] = (generation, clock.GetUtcNow(), account);
        // A change that ended between the check and the store finds the copy already in place and drops it with the rest.
        if (generation != Generation) _byUser.TryRemove(userId, out _);
    }
}

/// <summary>
/// Drops the claims loader's copies when a save changes what they hold: after the save, and again when the caller's transaction
/// commits, so a request that read the old rows between the two does not keep them.
/// </summary>
internal sealed class IdentityChangeWatch(UserClaimsCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    // Whether the save in progress changes an account, unit, role or grant; whether one was saved since the last commit.
    private bool _changing;
    private bool _changedInTransaction;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved();
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved();
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        _changing = false;
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is AppUser or AppRole or RolePermission or OrgUnit or IdentityUserRole<Guid>)
            {
                _changing = true;
                return;
            }
        }
    }

    /// <summary>An account's row was updated past SaveChanges (the sign-in service's stamp rotation and lockout).</summary>
    public void ChangedWithoutSave()
    {
        cache.Invalidate();
        _changedInTransaction = true;
    }

    private void Saved()
    {
        if (!_changing) return;
        _changing = false;
        cache.Invalidate();
        _changedInTransaction = true;
    }

    private void Committed()
    {
        if (!_changedInTransaction) return;
        _changedInTransaction = false;
        cache.Invalidate();
    }
}
