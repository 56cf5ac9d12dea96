using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.ServiceDesk.Application;

internal sealed class DeskRequestStatisticsSource(MediationDbContext db) : IDeskRequestStatisticsSource
{
    public async Task<IReadOnlyList<DeskRequestStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct) =>
        await RowsAsync(EveryRecord.Named<DeskRequest>(db, requestIds), ct);

    public async Task<KeysetPage<DeskRequestStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct) =>
        KeysetPage.Of(await RowsAsync(EveryRecord.PageAfter<DeskRequest>(db, after, count), ct), row => row.RequestId);

    private static async Task<List<DeskRequestStatisticsRow>> RowsAsync(IQueryable<DeskRequest> query, CancellationToken ct) =>
        await query.Select(r => new DeskRequestStatisticsRow(r.Id, r.Number, r.OrgUnitId, r.Kind, r.Status, r.SubmittedAt, r.AcknowledgedAt,
                r.AcknowledgementDueAt, r.ConcludedAt, r.Rating))
            .ToListAsync(ct);

    public Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) => EveryRecord.IdsAsync<DeskRequest>(db, ct);
}

internal sealed class DeskRequestChangeFeed(IServiceProvider services) : RecordChangeFeed<DeskRequestsChangedEto>(services)
{
    protected override DeskRequestsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = ChangedIds<DeskRequest>(changes);
        return ids.Count > 0 ? new DeskRequestsChangedEto(ids) : null;
    }
}
