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

    public async Task<RecountDto> RecountAsync(CancellationToken ct)
    {
        var counts = new Dictionary<RecordKind, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var kind in FactKeeper.Kinds)
        {
            var ids = await keeper.AllIdsAsync(kind, ct);
            foreach (var batch in ids.Chunk(BatchSize))
            {
                await keeper.RefreshAsync(kind, batch, moveCounts: false, ct);
                db.ChangeTracker.Clear();
            }
            var present = ids.ToHashSet();
            var kept = await db.Set<RecordFact>().AsNoTracking().Where(f => f.Kind == kind).Select(f => f.RecordId).ToListAsync(ct);
            foreach (var gone in kept.Where(id => !present.Contains(id)).Chunk(BatchSize))
            {
                await keeper.StoreAsync(kind, gone, [], moveCounts: false, ct);
                db.ChangeTracker.Clear();
            }
            counts[kind] = ids.Count;
        }
        // The monthly and daily counts are made equal to the sum of the facts once, at the end: moving them by every batch's difference
        // cost an UPDATE a count row and batch, most of a recount's time (163 records a second at 6k on PostgreSQL, load 40).
        await counter.ReconcileAsync(fix: true, ct);
        logger.LogInformation("Statistics recount: {Count} records in {Seconds:F1} s ({Rate:F0} a second)", counts.Values.Sum(), clock.Elapsed.TotalSeconds,
            counts.Values.Sum() / Math.Max(0.001, clock.Elapsed.TotalSeconds));
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
