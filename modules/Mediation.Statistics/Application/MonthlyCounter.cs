using Mediation.Core.Data;
using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Statistics.Application;

/// <summary>
/// Keeps <see cref="MonthlyCount"/> equal to the sum of the facts' contributions: a fact's change subtracts its old contribution and
/// adds its new one. Each row changes by one UPDATE that adds the difference in the database (so two transactions counting into the
/// same row do not lose either); a row that does not exist yet is inserted by the caller's SaveChanges — a concurrent insert of the same
/// row fails that transaction, and the change event that caused it is delivered again.
/// </summary>
internal sealed class MonthlyCounter(MediationDbContext db)
{
    /// <summary>The difference between the contributions of <paramref name="after"/> and of <paramref name="before"/>, by row.</summary>
    public static Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount> Differences(
        IEnumerable<RecordFact> before, IEnumerable<RecordFact> after)
    {
        var rows = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount>();
        foreach (var fact in before) Accumulate(rows, fact, -1);
        foreach (var fact in after) Accumulate(rows, fact, +1);
        foreach (var key in rows.Where(r => r.Value.IsZero).Select(r => r.Key).ToList()) rows.Remove(key);
        return rows;
    }

    public static void Accumulate(Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount> rows, RecordFact fact,
        int sign)
    {
        foreach (var part in MonthlyCount.Of(fact))
        {
            if (!rows.TryGetValue(part.Key, out var row)) rows[part.Key] = row = part.EmptyCopy();
            row.Add(part, sign);
        }
    }

    /// <summary>
    /// Compares the table with the sum of every fact's contribution (streamed, so millions of facts fit) and, when <paramref name="fix"/>,
    /// adds the difference to each row: after a recount, or for facts kept before the monthly counts existed. Returns the rows that differed.
    /// </summary>
    public async Task<IReadOnlyList<MonthlyCount>> ReconcileAsync(bool fix, CancellationToken ct)
    {
        var expected = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount>();
        await foreach (var fact in db.Set<RecordFact>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct)) Accumulate(expected, fact, +1);
        var differences = new List<MonthlyCount>();
        await foreach (var kept in db.Set<MonthlyCount>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var difference = kept.EmptyCopy();
            if (expected.Remove(kept.Key, out var wanted)) difference.Add(wanted, +1);
            difference.Add(kept, -1);
            if (!difference.IsZero) differences.Add(difference);
        }
        var missing = expected.Values.Where(r => !r.IsZero).ToList();
        if (fix)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ApplyAsync(differences, ct);
            await db.SaveChangesAsync(ct);
            foreach (var batch in missing.Chunk(2000))
            {
                db.AddRange(batch);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
        }
        return [.. differences, .. missing];
    }

    /// <summary>Differences of the same row added together (a row is updated once).</summary>
    public static IReadOnlyCollection<MonthlyCount> Merge(IEnumerable<MonthlyCount> differences)
    {
        var rows = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount>();
        foreach (var d in differences)
        {
            if (!rows.TryGetValue(d.Key, out var row)) rows[d.Key] = row = d.EmptyCopy();
            row.Add(d, +1);
        }
        return rows.Values.Where(r => !r.IsZero).ToList();
    }

    /// <summary>The counts every fact gives, summed: what the table must hold.</summary>
    public static Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount> Sum(IEnumerable<RecordFact> facts) =>
        Differences([], facts);

    /// <summary>Adds each difference to its row in the caller's transaction; new rows are saved by the caller's SaveChanges.</summary>
    public async Task ApplyAsync(IEnumerable<MonthlyCount> differences, CancellationToken ct)
    {
        foreach (var d in differences)
        {
            if (d.IsZero) continue;
            var updated = await Row(d).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Records, m => m.Records + d.Records)
                .SetProperty(m => m.Days, m => m.Days + d.Days)
                .SetProperty(m => m.Succeeded, m => m.Succeeded + d.Succeeded)
                .SetProperty(m => m.Rated, m => m.Rated + d.Rated)
                .SetProperty(m => m.RatedSatisfied, m => m.RatedSatisfied + d.RatedSatisfied)
                .SetProperty(m => m.HasDue, m => m.HasDue + d.HasDue)
                .SetProperty(m => m.OnTime, m => m.OnTime + d.OnTime)
                .SetProperty(m => m.Late, m => m.Late + d.Late), ct);
            if (updated == 0) db.Add(d);
            else if (d.Records < 0) await Row(d).Where(m => m.Records == 0).ExecuteDeleteAsync(ct);
        }
    }

    private IQueryable<MonthlyCount> Row(MonthlyCount d) => db.Set<MonthlyCount>().Where(m => m.Kind == d.Kind && m.Entry == d.Entry
        && m.Month == d.Month && m.UnitKey == d.UnitKey && m.Category == d.Category && m.Source == d.Source && m.Other == d.Other);
}
