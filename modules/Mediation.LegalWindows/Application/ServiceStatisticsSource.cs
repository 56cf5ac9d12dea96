using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Messaging;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.LegalWindows.Application;

internal sealed class ServiceStatisticsSource(MediationDbContext db, IDeadlineClocks clocks) : IServiceStatisticsSource
{
    public Task<IReadOnlyList<ServiceStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct) =>
        RowsAsync(EveryRecord.Named<ServiceRecord>(db, recordIds), ct);

    public async Task<KeysetPage<ServiceStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct) =>
        KeysetPage.Of(await RowsAsync(EveryRecord.PageAfter<ServiceRecord>(db, after, count), ct), row => row.RecordId);

    /// <summary>The rows of the records <paramref name="query"/> selects, in its order: one projected query, then the errands' clocks.</summary>
    private async Task<IReadOnlyList<ServiceStatisticsRow>> RowsAsync(IQueryable<ServiceRecord> query, CancellationToken ct)
    {
        var records = await query
            .Select(r => new { r.Id, r.Number, r.OrgUnitId, r.Kind, r.ServedAt, r.ErrandClosedAt, Referred = r.ReferredAt != null })
            .ToListAsync(ct);
        var errands = (await clocks.DueDatesAsync(ServiceRecordAppService.RecordType, records.Where(r => r.Kind is ServiceKind.CivilAgency).Select(r => r.Id).ToList(), ct))
            .Where(c => c.Policy == LegalWindowPolicies.Errand).GroupBy(c => c.RecordId).ToDictionary(g => g.Key, g => g.First().DueDate);
        return records.Select(r => new ServiceStatisticsRow(r.Id, r.Number, r.OrgUnitId, r.Kind, r.ServedAt, r.ErrandClosedAt,
            errands.GetValueOrDefault(r.Id), r.Referred)).ToList();
    }

    public Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) => EveryRecord.IdsAsync<ServiceRecord>(db, ct);
}

internal sealed class ServiceRecordChangeFeed(IServiceProvider services) : RecordChangeFeed<ServiceRecordsChangedEto>(services)
{
    protected override ServiceRecordsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = ChangedIds<ServiceRecord>(changes);
        return ids.Count > 0 ? new ServiceRecordsChangedEto(ids) : null;
    }
}
