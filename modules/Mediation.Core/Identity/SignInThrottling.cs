using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Identity;

/// <summary>
/// Sign-in attempts are limited twice: per client address by the rate-limiting middleware (policy
/// <see cref="Policy"/> on the token endpoint and the sign-in page), and per user name here, once the
/// name is read from the body. Both answer 429 with a problem body and Retry-After.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    public const string Policy = "sign-in";

    private readonly PartitionedRateLimiter<string> _perUserName;
    private readonly ConcurrencyLimiter _concurrent;

    public SignInThrottle(IOptions<IdentitySettings> settings)
    {
        var limits = settings.Value.SignInRateLimit;
        _concurrent = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.Concurrent, QueueLimit = limits.Queued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _perUserName = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerUserName, Window = limits.Window, QueueLimit = 0 }));
    }

    public void EnsureAllowed(string normalizedUserName)
    {
        using var lease = _perUserName.AttemptAcquire(normalizedUserName);
        if (!lease.IsAcquired)
            throw new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, RetryAfter(lease));
    }

    /// <summary>
    /// A turn among the attempts checked at once: password hashing is deliberately expensive, so a
    /// burst queues here instead of exhausting the CPU and the connection pool.
    /// </summary>
    public async Task<IDisposable> TakeTurnAsync(CancellationToken ct)
    {
        var lease = await _concurrent.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, TimeSpan.FromSeconds(1));
    }

    public void Dispose()
    {
        _perUserName.Dispose();
        _concurrent.Dispose();
    }

    internal static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);

    internal static void AddPolicy(RateLimiterOptions options, IdentitySettings settings)
    {
        var limits = settings.SignInRateLimit;
        options.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PerAddress, Window = limits.Window, QueueLimit = 0 }));
        options.OnRejected = async (context, ct) =>
        {
            var retryAfter = RetryAfter(context.Lease);
            var refused = new TooManyRequestsException(IdentityErrorCodes.TooManySignInAttempts, retryAfter);
            context.HttpContext.Response.Headers.RetryAfter = refused.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>()
                .WriteAsync(context.HttpContext, refused.HttpStatus, refused.Code, refused.Parameters);
        };
    }
}

/// <summary>
/// Failed attempts on names that are no account (or an inactive one), counted like a real
/// account's so the answers match: after the same number of failures the name "locks" too, and
/// nobody can tell an existing account from the replies. Bounded so a name spray cannot fill memory.
/// </summary>
public sealed class UnknownAccountFailures(IOptions<IdentitySettings> settings, TimeProvider clock)
{
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset LastAt)> _failures = new(StringComparer.Ordinal);

    /// <summary>Records one failure and says whether the name now counts as locked out.</summary>
    public bool FailAndCheckLocked(string normalizedUserName)
    {
        var now = clock.GetUtcNow();
        var window = settings.Value.LockoutDuration;
        if (_failures.Count >= Capacity) Prune(now, window);
        var entry = _failures.AddOrUpdate(normalizedUserName, _ => (1, now),
            (_, old) => now - old.LastAt > window ? (1, now) : (old.Failures + 1, old.Failures >= settings.Value.MaxFailedAttempts ? old.LastAt : now));
        return entry.Failures >= settings.Value.MaxFailedAttempts;
    }

    private void Prune(DateTimeOffset now, TimeSpan window)
    {
        foreach (var (name, entry) in _failures)
        {
            if (now - entry.LastAt > window) _failures.TryRemove(name, out _);
        }
        if (_failures.Count >= Capacity) _failures.Clear();
    }
}
