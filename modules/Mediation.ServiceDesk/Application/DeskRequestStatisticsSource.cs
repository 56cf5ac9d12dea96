using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.ServiceDesk.Application;

internal sealed class DeskRequestStatisticsSource(MediationDbContext db) : IDeskRequestStatisticsSource
{
    public async Task<IReadOnlyList<DeskRequestStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct)
    {
        var ids = requestIds.Distinct().ToList();
        return await RowsAsync(Requests().Where(r => ids.Contains(r.Id)), ct);
    }

    public async Task<KeysetPage<DeskRequestStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct)
    {
        var page = after is { } start ? Requests().Where(r => r.Id.CompareTo(start) > 0) : Requests();
        var rows = await RowsAsync(page.OrderBy(r => r.Id).Take(count), ct);
        return new(rows, rows.Count, rows.Count > 0 ? rows[^1].RequestId : null);
    }

    private IQueryable<DeskRequest> Requests() => db.Set<DeskRequest>().IgnoreQueryFilters().AsNoTracking();

    private static async Task<List<DeskRequestStatisticsRow>> RowsAsync(IQueryable<DeskRequest> query, CancellationToken ct) =>
        await query.Select(r => new DeskRequestStatisticsRow(r.Id, r.Number, r.OrgUnitId, r.Kind, r.Status, r.SubmittedAt, r.AcknowledgedAt,
                r.AcknowledgementDueAt, r.ConcludedAt, r.Rating))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) =>
        await db.Set<DeskRequest>().IgnoreQueryFilters().AsNoTracking().Select(r => r.Id).ToListAsync(ct);
}

internal sealed class DeskRequestChangeFeed(IServiceProvider services) : RecordChangeFeed<DeskRequestsChangedEto>(services)
{
    protected override DeskRequestsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = changes.Entries<DeskRequest>().Where(IsChanged).Select(e => e.Entity.Id).Distinct().ToList();
        return ids.Count > 0 ? new DeskRequestsChangedEto(ids) : null;
    }
}
