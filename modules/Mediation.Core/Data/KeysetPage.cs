using Mediation.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// One page of a read over every record in the database's order of ids (a recount's): <see cref="Rows"/> of the records in
/// (after, <see cref="Last"/>] that give one, <see cref="Read"/> records read (a record that gives no row is read too) and the last id
/// read, the next page's start; <see cref="Last"/> is null once there is no record after the page's start.
/// </summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, int Read, Guid? Last);

public static class KeysetPage
{
    /// <summary>The page of <paramref name="rows"/> when every record read gave one row, in the order of ids.</summary>
    public static KeysetPage<TRow> Of<TRow>(IReadOnlyList<TRow> rows, Func<TRow, Guid> idOf) =>
        new(rows, rows.Count, rows.Count > 0 ? idOf(rows[^1]) : null);
}

/// <summary>
/// Every record of one kind, whatever the caller may see and untracked: what a statistics source reads for a recount or for the
/// records a change names (the facts are counted for the whole tree; the figures' scope is applied when they are read).
/// </summary>
public static class EveryRecord
{
    public static IQueryable<TRecord> Of<TRecord>(DbContext db) where TRecord : Entity<Guid> =>
        db.Set<TRecord>().IgnoreQueryFilters().AsNoTracking();

    /// <summary>The records <paramref name="ids"/> names (repeats ignored).</summary>
    public static IQueryable<TRecord> Named<TRecord>(DbContext db, IReadOnlyCollection<Guid> ids) where TRecord : Entity<Guid>
    {
        var distinct = ids.Distinct().ToList();
        return Of<TRecord>(db).Where(r => distinct.Contains(r.Id));
    }

    /// <summary>The next keyset page: the records after <paramref name="after"/> (from the first when null), by id, at most <paramref name="count"/>.</summary>
    public static IQueryable<TRecord> PageAfter<TRecord>(DbContext db, Guid? after, int count) where TRecord : Entity<Guid>
    {
        var records = Of<TRecord>(db);
        if (after is { } start) records = records.Where(r => r.Id.CompareTo(start) > 0);
        return records.OrderBy(r => r.Id).Take(count);
    }

    public static async Task<IReadOnlyList<Guid>> IdsAsync<TRecord>(DbContext db, CancellationToken ct) where TRecord : Entity<Guid> =>
        await Of<TRecord>(db).Select(r => r.Id).ToListAsync(ct);
}
