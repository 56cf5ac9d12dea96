using Mediation.Core.Auditing;
using Mediation.Core.Identity;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

/// <summary>
/// Sign-in attempts counted per client address, per user name and, for names that are no account, as failures
/// that "lock" like an account's. The counts live in the database, so hosts behind a balancer share them: an
/// attacker gets the configured attempts in all, not that many per host. Each count moves with one conditional
/// UPDATE on the database's clock, so parallel attempts cannot all pass the limit.
/// </summary>
internal sealed class SignInCounts(MediationDbContext db, IOptions<IdentitySettings> settings) : IAnonymousWriteThrottle
{
    /// <summary>An anonymous write (an enterprise's sign-up) per client address, on a count of its own with sign-in's limit.</summary>
    public async Task EnsureAllowedAsync(string? clientAddress, CancellationToken ct)
    {
        var limits = settings.Value.SignInRateLimit;
        if (await TryCountAsync("w:" + (clientAddress ?? "unknown"), limits.PerAddress, limits.Window, ct) is { } retryAfter)
            throw new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, retryAfter);
    }

    public async Task EnsureAllowedAsync(string? clientAddress, string normalizedUserName, CancellationToken ct)
    {
        var limits = settings.Value.SignInRateLimit;
        var refusedFor = await TryCountAsync("a:" + (clientAddress ?? "unknown"), limits.PerAddress, limits.Window, ct)
            ?? await TryCountAsync("n:" + Digest(normalizedUserName), limits.PerUserName, limits.Window, ct);
        if (refusedFor is { } retryAfter) throw new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, retryAfter);
    }

    /// <summary>
    /// Counts a failure on a name that is no account (or an inactive one) and says whether it now counts as locked:
    /// after as many failures as lock an account, for as long, so the replies do not tell the two apart.
    /// </summary>
    public async Task<bool> FailUnknownAccountAndCheckLockedAsync(string normalizedUserName, CancellationToken ct)
    {
        var max = settings.Value.MaxFailedAttempts;
        var key = "u:" + Digest(normalizedUserName);
        var now = await db.DatabaseNowAsync(ct);
        var until = now + settings.Value.LockoutDuration;
        var row = db.Set<SignInCounter>().Where(c => c.Key == key);
        // Each failure before the lock moves the end of the window (as an account's failures never expire while they
        // keep coming); the failure that locks fixes it, so the lock lasts one lockout duration.
        if (await row.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Count, c => c.WindowEndsAt <= now ? 1 : c.Count + 1)
                .SetProperty(c => c.WindowEndsAt, c => c.WindowEndsAt <= now || c.Count < max ? until : c.WindowEndsAt), ct) == 0
            && await TryInsertAsync(key, until, ct))
            return max <= 1;
        return await row.Select(c => c.Count).SingleAsync(ct) >= max;
    }

    /// <summary>Counts one attempt against <paramref name="limit"/> per window; null when allowed, else how long until the window ends.</summary>
    private async Task<TimeSpan?> TryCountAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = await db.DatabaseNowAsync(ct);
        var windowEnd = now + window;
        var row = db.Set<SignInCounter>().Where(c => c.Key == key);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await row.Where(c => c.WindowEndsAt <= now || c.Count < limit).ExecuteUpdateAsync(s => s
                    .SetProperty(c => c.Count, c => c.WindowEndsAt <= now ? 1 : c.Count + 1)
                    .SetProperty(c => c.WindowEndsAt, c => c.WindowEndsAt <= now ? windowEnd : c.WindowEndsAt), ct) == 1)
                return null;
            var state = await row.Select(c => new { c.Count, c.WindowEndsAt }).SingleOrDefaultAsync(ct);
            if (state is null)
            {
                if (limit > 0 && await TryInsertAsync(key, windowEnd, ct)) return null;
                continue;
            }
            // A row another attempt inserted after our UPDATE looked is no refusal: only a full window is.
            if (state.Count >= limit && state.WindowEndsAt > now) return state.WindowEndsAt - now;
        }
        return window;
    }

    private async Task<bool> TryInsertAsync(string key, DateTimeOffset windowEnd, CancellationToken ct)
    {
        var counter = new SignInCounter { Key = key, Count = 1, WindowEndsAt = windowEnd };
        db.Add(counter);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another attempt (on this host or another) created it first
        }
        finally
        {
            db.Entry(counter).State = EntityState.Detached;
        }
    }

    /// <summary>Names are hashed only to bound the key's length; they are no secret.</summary>
    private static string Digest(string normalizedUserName) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedUserName)))[..40];
}

/// <summary>One count of sign-in attempts (address, user name or unknown name) in its window.</summary>
internal sealed class SignInCounter : INotAudited
{
    public required string Key { get; init; }
    public int Count { get; set; }
    public DateTimeOffset WindowEndsAt { get; set; }
}

/// <summary>Forgets counts whose window ended a day ago (Hangfire, hourly), so a name spray does not accumulate rows.</summary>
internal sealed class SignInCounterPurgeJob(MediationDbContext db)
{
    public const string JobId = "core:sign-in-counter-purge";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = await db.DatabaseNowAsync(ct) - TimeSpan.FromDays(1);
        return await db.Set<SignInCounter>().Where(c => c.WindowEndsAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

/// <summary>
/// A turn among the attempts checked at once in this host: password hashing is deliberately expensive, so a burst
/// queues here instead of exhausting the CPU and the connection pool. This one is per host on purpose — it guards
/// the host's CPU, not the account.
/// </summary>
public sealed class SignInConcurrency : IDisposable
{
    private readonly ConcurrencyLimiter _concurrent;

    public SignInConcurrency(IOptions<IdentitySettings> settings)
    {
        var limits = settings.Value.SignInRateLimit;
        _concurrent = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.Concurrent, QueueLimit = limits.Queued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    public async Task<IDisposable> TakeTurnAsync(CancellationToken ct)
    {
        var lease = await _concurrent.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, TimeSpan.FromSeconds(1));
    }

    public void Dispose() => _concurrent.Dispose();
}
