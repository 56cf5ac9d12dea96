using Mediation.Core.Data;
using Mediation.Core.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Auditing;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    public TimeSpan SealInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait of an idle sealer: after each round that sealed nothing the wait doubles up to this. A row written in this
    /// host wakes it (<see cref="AuditSignal"/>); a row written on another host waits at most this long. Below the interval: the interval.
    /// </summary>
    public TimeSpan MaxSealInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows younger than this wait, so a slower transaction's row still joins the chain in order of commit.</summary>
    public TimeSpan SealDelay { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed record AuditChainReport(bool Intact, long Checked, long Pending, long? BrokenAtSequence, long? BrokenAtId);

/// <summary>
/// Links committed audit rows into a hash chain. Only the holder of the "audit-sealer" lease
/// seals, so several hosts never fork the chain; a row committed late simply gets the next
/// sequence number. Inside one host every caller shares the holder, so they take turns at a gate:
/// two seals that read the same pending rows would number them twice, the second after the first.
/// </summary>
public sealed class AuditChain(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> options) : IDisposable
{
    private const string LeaseName = "audit-sealer";

    /// <summary>Rows sealed per transaction.</summary>
    public const int BatchSize = 500;
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly SemaphoreSlim _sealing = new(1, 1);

    public async Task<int> SealAsync(CancellationToken ct)
    {
        await _sealing.WaitAsync(ct);
        try
        {
            return await SealBatchAsync(ct);
        }
        finally
        {
            _sealing.Release();
        }
    }

    /// <summary>
    /// Seals batch after batch while they come back full, so the chain keeps up with more than one batch per
    /// <see cref="AuditOptions.SealInterval"/>: intake writes five audit rows per registration, and one batch a second
    /// fell behind above 100 registrations a second (issue 17).
    /// </summary>
    public async Task<int> SealPendingAsync(CancellationToken ct)
    {
        var total = 0;
        int batch;
        do
        {
            batch = await SealAsync(ct);
            total += batch;
        }
        while (batch == BatchSize);
        return total;
    }

    private async Task<int> SealBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        if (!await Lease.TryAcquireAsync(db, LeaseName, _holder, TimeSpan.FromSeconds(30), ct)) return 0;

        // The rows carry the host's time (they were written with it), so the settling delay is the host's too.
        var cutoff = clock.GetUtcNow() - options.Value.SealDelay;
        var seals = AuditSeals.For(db);
        var query = PendingRows(db, cutoff);
        var pending = await (seals is null ? query : query.AsNoTracking()).ToListAsync(ct);
        if (pending.Count == 0) return 0;

        var last = await db.Set<AuditEntry>().Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEntry.GenesisHash;
        foreach (var row in pending)
        {
            row.Seal(++sequence, previous);
            previous = row.Hash!;
        }
        if (seals is null) await db.SaveChangesAsync(ct);
        else await seals.WriteAsync(db, pending, ct);
        return pending.Count;
    }

    /// <summary>
    /// The next settled rows to seal, oldest first. On PostgreSQL ordered by <c>Id + 0</c>, not <c>Id</c>: with the key itself the
    /// planner walked the primary key from the first row ever written, filtering out every sealed row to reach the pending ones at
    /// the end (it assumes they are spread evenly among the sealed) — 140 ms a call at 80,000 rows, two thirds of a core under
    /// intake (issue 17). The expression leaves it the index on <c>Sequence</c>, whose NULL entries are exactly the pending rows,
    /// and a sort of those. SQLite already searches that index and reads its NULL entries in key order, so it keeps <c>Id</c>.
    /// </summary>
    internal static IQueryable<AuditEntry> PendingRows(MediationDbContext db, DateTimeOffset cutoff)
    {
        var pending = db.Set<AuditEntry>().Where(a => a.Sequence == null && a.OccurredAt <= cutoff);
        var ordered = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
            ? pending.OrderBy(a => a.Id + 0)
            : pending.OrderBy(a => a.Id);
        return ordered.Take(BatchSize);
    }

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var rows = db.Set<AuditEntry>().AsNoTracking();
        var pending = await rows.LongCountAsync(a => a.Sequence == null, ct);

        long checkedRows = 0;
        string? previous = null;
        long? expectedSequence = null;
        long after = 0;
        while (true)
        {
            var batch = await rows.Where(a => a.Sequence != null && a.Sequence > after).OrderBy(a => a.Sequence).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var row in batch)
            {
                // The first remaining row anchors the chain (older rows may have passed retention).
                var linked = previous is null || row.PreviousHash == previous;
                var contiguous = expectedSequence is null || row.Sequence == expectedSequence;
                if (!linked || !contiguous || row.ComputeHash() != row.Hash)
                    return new AuditChainReport(false, checkedRows, pending, row.Sequence, row.Id);
                previous = row.Hash;
                expectedSequence = row.Sequence + 1;
                checkedRows++;
            }
            after = batch[^1].Sequence!.Value;
        }
        return new AuditChainReport(true, checkedRows, pending, null, null);
    }

    public void Dispose() => _sealing.Dispose();
}

/// <summary>Wakes the idle audit sealer when an audit row is written (every row is made by <see cref="AuditContext.Entry"/>).</summary>
public sealed class AuditSignal : WakeSignal;

/// <summary>
/// Seals the chain in the background: every <see cref="AuditOptions.SealInterval"/> while there are rows to seal, then less and less
/// often up to <see cref="AuditOptions.MaxSealInterval"/>; a row written in this host wakes a backed-off sealer, which seals it once
/// it has settled (<see cref="AuditOptions.SealDelay"/>). Which host seals, and that a row is sealed once, stay the chain's own
/// guarantees (the lease, the gate, the UPDATE that refuses sealed rows); this only decides when it asks.
/// </summary>
internal sealed class AuditChainService(AuditChain chain, AuditSignal signal, IPollWaits waits, IOptions<AuditOptions> options, ILogger<AuditChain> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var audit = options.Value;
        var poller = new IdlePoller(waits, signal, new IdlePollerSettings(audit.SealInterval, audit.MaxSealInterval,
            SettleAfterWake: audit.SealDelay, WakeOnlyWhenBackedOff: true, AfterFailure: audit.SealInterval * 5,
            FailureMessage: "Sealing the audit chain failed"), logger);
        return poller.RunAsync(async ct => new PollRound(await chain.SealPendingAsync(ct) > 0), stoppingToken);
    }
}
