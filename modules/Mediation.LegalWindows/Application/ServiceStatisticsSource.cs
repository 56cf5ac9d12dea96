using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Messaging;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.LegalWindows.Application;

internal sealed class ServiceStatisticsSource(MediationDbContext db, IDeadlineClocks clocks) : IServiceStatisticsSource
{
    public async Task<IReadOnlyList<ServiceStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var ids = recordIds.Distinct().ToList();
        return await RowsAsync(Records().Where(r => ids.Contains(r.Id)), ct);
    }

    public async Task<KeysetPage<ServiceStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct)
    {
        var page = after is { } start ? Records().Where(r => r.Id.CompareTo(start) > 0) : Records();
        var rows = await RowsAsync(page.OrderBy(r => r.Id).Take(count), ct);
        return new(rows, rows.Count, rows.Count > 0 ? rows[^1].RecordId : null);
    }

    private IQueryable<ServiceRecord> Records() => db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking();

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

    public async Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) =>
        await db.Set<ServiceRecord>().IgnoreQueryFilters().AsNoTracking().Select(r => r.Id).ToListAsync(ct);
}

internal sealed class ServiceRecordChangeFeed(IServiceProvider services) : RecordChangeFeed<ServiceRecordsChangedEto>(services)
{
    protected override ServiceRecordsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = changes.Entries<ServiceRecord>().Where(IsChanged).Select(e => e.Entity.Id).Distinct().ToList();
        return ids.Count > 0 ? new ServiceRecordsChangedEto(ids) : null;
    }
}
