using Mediation.Core.Data;
using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Statistics.Application;

/// <summary>
/// Recounts every fact and then the monthly and daily counts from the modules' read contracts, in batches, and drops the rows of records that no longer exist. The kept
/// rows must already equal this; <see cref="DifferencesAsync"/> says where they do not, without writing.
/// </summary>
internal sealed class RecountService(MediationDbContext db, FactKeeper keeper, MonthlyCounter counter, ILogger<RecountService> logger)
{
    public const int BatchSize = 500;

    /// <summary>
    /// Records a page of the recount: each page is one projected query of the module's table (its clocks and visits read by the page's
    /// ids, 500 a query) and one bulk write of the facts that changed.
    /// </summary>
    public const int PageSize = 2_000;

    public Task<RecountDto> RecountAsync(CancellationToken ct) => RecountAsync(PageSize, ct);

    /// <summary>
    /// The recount in pages of <paramref name="pageSize"/> records (a test reads a few records a page). <paramref name="pageRead"/> runs
    /// between a page's read and its write: a test changes a record there, as a user might at that moment.
    /// </summary>
    internal async Task<RecountDto> RecountAsync(int pageSize, CancellationToken ct, Func<RecordKind, Task>? pageRead = null)
    {
        var counts = new Dictionary<RecordKind, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var kind in FactKeeper.Kinds)
        {
            var (read, reading, writing) = (0, TimeSpan.Zero, TimeSpan.Zero);
            var started = clock.Elapsed;
            Guid? after = null;
            while (true)
            {
                // Read and written in one transaction holding the kind's lock: a change event's refresh of a record of this page waits for
                // the commit and then reads the record again, instead of its newer fact being overwritten by this older reading.
                var transaction = await FactLocks.BeginOrJoinAsync(db, [kind], ct);
                KeysetPage<RecordFact> page;
                TimeSpan wrote;
                await using (transaction)
                {
                    page = await keeper.ReadPageAsync(kind, after, pageSize, ct);
                    wrote = clock.Elapsed;
                    reading += wrote - started;
                    if (pageRead is not null) await pageRead(kind);
                    // The pages cover every id: (start, first page's last], …, (last page's last, end), so a fact whose record no longer
                    // exists (or gives none) falls in one of them and is deleted there, without a list of every id in memory.
                    await keeper.ReplaceRangeAsync(kind, after, page.Last, page.Rows, ct);
                    if (transaction is not null) await transaction.CommitAsync(ct);
                }
                db.ChangeTracker.Clear();
                started = clock.Elapsed;
                writing += started - wrote;
                read += page.Read;
                if (page.Last is null) break;
                after = page.Last;
            }
            counts[kind] = read;
            logger.LogInformation("Statistics recount: {Kind} {Count} records, reading {Reading:F1} s, writing the facts {Writing:F1} s", kind, read,
                reading.TotalSeconds, writing.TotalSeconds);
        }
        // The monthly and daily counts are made equal to the sum of the facts once, at the end: moving them by every batch's difference
        // cost an UPDATE a count row and batch, most of a recount's time (163 records a second at 6k on PostgreSQL, load 40).
        var reconciling = clock.Elapsed;
        await counter.ReconcileAsync(fix: true, ct);
        logger.LogInformation("Statistics recount: {Count} records in {Seconds:F1} s ({Rate:F0} a second; the counts reconciled in {Reconcile:F1} s)",
            counts.Values.Sum(), clock.Elapsed.TotalSeconds, counts.Values.Sum() / Math.Max(0.001, clock.Elapsed.TotalSeconds),
            (clock.Elapsed - reconciling).TotalSeconds);
        return new RecountDto(counts);
    }

    /// <summary>Records whose kept row differs from a recount (missing, extra or changed).</summary>
    public async Task<IReadOnlyList<(RecordKind Kind, Guid RecordId)>> DifferencesAsync(CancellationToken ct)
    {
        var differences = new List<(RecordKind, Guid)>();
        foreach (var kind in FactKeeper.Kinds)
        {
            var kept = await db.Set<RecordFact>().AsNoTracking().Where(f => f.Kind == kind).ToDictionaryAsync(f => f.RecordId, ct);
            foreach (var batch in (await keeper.AllIdsAsync(kind, ct)).Chunk(BatchSize))
            {
                foreach (var expected in await keeper.ReadAsync(kind, batch, ct))
                {
                    if (!kept.Remove(expected.RecordId, out var actual) || !actual.SameAs(expected)) differences.Add((kind, expected.RecordId));
                }
            }
            differences.AddRange(kept.Keys.Select(id => (kind, id)));
        }
        return differences;
    }

    /// <summary>Monthly and daily count rows that differ from the sum of the kept facts (missing, extra or changed).</summary>
    public Task<IReadOnlyList<CountRow>> CountDifferencesAsync(CancellationToken ct) => counter.ReconcileAsync(fix: false, ct);
}

/// <summary>The recount as a background job: over millions of records it takes minutes, not a request.</summary>
internal sealed class RecountJob(RecountService recount)
{
    public Task RunAsync(CancellationToken ct) => recount.RecountAsync(ct);
}
