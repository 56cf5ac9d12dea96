using Mediation.Core.Data;
using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Statistics.Application;

/// <summary>
/// Keeps <see cref="MonthlyCount"/> and <see cref="DailyCount"/> equal to the sum of the facts' contributions: a fact's change subtracts
/// its old contribution and adds its new one, in both tables. Each row changes by one UPDATE that adds the difference in the database (so
/// two transactions counting into the same row do not lose either); a row that does not exist yet is inserted by the caller's
/// SaveChanges — a concurrent insert of the same row fails that transaction, and the change event that caused it is delivered again.
/// </summary>
internal sealed class MonthlyCounter(MediationDbContext db, BulkInserter bulk)
{
    /// <summary>The difference between the contributions of <paramref name="after"/> and of <paramref name="before"/>, by row.</summary>
    public static Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow> Differences<TRow>(
        IEnumerable<RecordFact> before, IEnumerable<RecordFact> after) where TRow : CountRow<TRow>, new()
    {
        var rows = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow>();
        foreach (var fact in before) Accumulate(rows, fact, -1);
        foreach (var fact in after) Accumulate(rows, fact, +1);
        foreach (var key in rows.Where(r => r.Value.IsZero).Select(r => r.Key).ToList()) rows.Remove(key);
        return rows;
    }

    public static void Accumulate<TRow>(Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow> rows, RecordFact fact,
        int sign) where TRow : CountRow<TRow>, new()
    {
        foreach (var part in CountRow.Of<TRow>(fact))
        {
            if (!rows.TryGetValue(part.Key, out var row)) rows[part.Key] = row = part.EmptyCopy();
            row.Add(part, sign);
        }
    }

    /// <summary>Moves both tables by the difference between the facts <paramref name="before"/> and <paramref name="after"/> a change.</summary>
    public async Task ApplyAsync(IReadOnlyCollection<RecordFact> before, IReadOnlyCollection<RecordFact> after, CancellationToken ct)
    {
        await ApplyAsync(Differences<MonthlyCount>(before, after).Values, ct);
        await ApplyAsync(Differences<DailyCount>(before, after).Values, ct);
    }

    /// <summary>
    /// Compares both tables with the sum of every fact's contribution (streamed, so millions of facts fit) and, when <paramref name="fix"/>,
    /// adds the difference to each row: after a recount, or for facts kept before the counts existed. Returns the rows that differed.
    /// </summary>
    public async Task<IReadOnlyList<CountRow>> ReconcileAsync(bool fix, CancellationToken ct)
    {
        var monthly = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount>();
        var daily = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), DailyCount>();
        // A fix holds every kind's lock from before the facts are read: a change event moving a fact and its counts in between would
        // otherwise be undone in the counts (they would be made equal to the facts as read before it).
        await using var transaction = fix ? await FactLocks.BeginOrJoinAsync(db, FactKeeper.Kinds, ct) : null;
        await foreach (var fact in db.Set<RecordFact>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            Accumulate(monthly, fact, +1);
            Accumulate(daily, fact, +1);
        }
        IReadOnlyList<CountRow> differences = [.. await ReconcileAsync(monthly, fix, ct), .. await ReconcileAsync(daily, fix, ct)];
        if (transaction is not null) await transaction.CommitAsync(ct);
        return differences;
    }

    private async Task<IReadOnlyList<TRow>> ReconcileAsync<TRow>(Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow> expected,
        bool fix, CancellationToken ct) where TRow : CountRow<TRow>, new()
    {
        var differences = new List<TRow>();
        await foreach (var kept in db.Set<TRow>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            var difference = kept.EmptyCopy();
            if (expected.Remove(kept.Key, out var wanted)) difference.Add(wanted, +1);
            difference.Add(kept, -1);
            if (!difference.IsZero) differences.Add(difference);
        }
        var missing = expected.Values.Where(r => !r.IsZero).ToList();
        if (fix)
        {
            await ApplyAsync(differences, ct);
            await db.SaveChangesAsync(ct);
            // In bulk (COPY on PostgreSQL, a prepared INSERT on SQLite): after a first recount every row is missing, about one a
            // hundred facts for the monthly counts and one in six for the daily ones.
            await bulk.InsertAsync(missing, ct);
            db.ChangeTracker.Clear();
        }
        return [.. differences, .. missing];
    }

    /// <summary>Differences of the same row added together (a row is updated once).</summary>
    public static IReadOnlyCollection<TRow> Merge<TRow>(IEnumerable<TRow> differences) where TRow : CountRow<TRow>, new()
    {
        var rows = new Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow>();
        foreach (var d in differences)
        {
            if (!rows.TryGetValue(d.Key, out var row)) rows[d.Key] = row = d.EmptyCopy();
            row.Add(d, +1);
        }
        return rows.Values.Where(r => !r.IsZero).ToList();
    }

    /// <summary>The counts every fact gives, summed: what the table must hold.</summary>
    public static Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow> Sum<TRow>(IEnumerable<RecordFact> facts)
        where TRow : CountRow<TRow>, new() => Differences<TRow>([], facts);

    /// <summary>Adds each difference to its row in the caller's transaction; new rows are saved by the caller's SaveChanges.</summary>
    public async Task ApplyAsync<TRow>(IEnumerable<TRow> differences, CancellationToken ct) where TRow : CountRow<TRow>, new()
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

    private IQueryable<TRow> Row<TRow>(TRow d) where TRow : CountRow<TRow>, new()
    {
        var (column, date) = (d.DateColumn, d.CountedDate);
        return db.Set<TRow>().Where(m => m.Kind == d.Kind && m.Entry == d.Entry && EF.Property<DateOnly>(m, column) == date && m.UnitKey == d.UnitKey
            && m.Category == d.Category && m.Source == d.Source && m.Other == d.Other);
    }
}
