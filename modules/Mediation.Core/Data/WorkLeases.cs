using Mediation.Core.Auditing;

namespace Mediation.Core.Data;

/// <summary>
/// A named lease for background work one host at a time should do (a data conversion, a sweep): the lease row is
/// claimed through <see cref="LeaseClaims"/> on the database's clock, so of several hosts exactly one holds it, and a
/// crashed holder's lease runs out.
/// </summary>
public interface IWorkLeases
{
    /// <summary>True when this caller (this scope) now holds <paramref name="name"/> (or still did) for <paramref name="duration"/>.</summary>
    Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken ct);
}

internal sealed class WorkLeases(MediationDbContext db) : IWorkLeases
{
    // One holder per scope (one run of a job): two runs in one host exclude each other as runs on two hosts do.
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public Task<bool> TryTakeAsync(string name, TimeSpan duration, CancellationToken ct) => Lease.TryAcquireAsync(db, name, _holder, duration, ct);
}
