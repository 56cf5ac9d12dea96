using System.Runtime.CompilerServices;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>The list's order: by the time of service, the latest (the default) or the earliest first.</summary>
internal enum ServiceRecordListSort
{
    Newest,
    Oldest,
}

/// <summary>
/// The service list as its address carries it (/LegalWindows/Records?kind=…&amp;from=…): the page, GET /api/legal-windows/records and the
/// ledger export <c>legal-windows.list</c> read the same criteria, so the export holds exactly the listed rows. Dates are China days of service;
/// <see cref="On"/> is one such day (the window page's "today"), kept for the API's callers.
/// </summary>
internal sealed record ServiceRecordListCriteria(ServiceKind? Kind = null, ErrandStatus? ErrandStatus = null, DateOnly? From = null, DateOnly? To = null,
    Guid? OrgUnitId = null, Guid? AdvisorId = null, Guid? WindowId = null, ServiceRecordListSort? Sort = null, DateOnly? On = null);

/// <summary>
/// Filters, sorts and pages the window services in the database: in the caller's data scope, and for an advisor only at the windows he
/// serves (<see cref="AdvisorScope"/>).
/// </summary>
internal sealed class ServiceRecordListQuery(MediationDbContext db, AdvisorScope advisors, WindowAppService windows, IOrgUnitDirectory units,
    IDataScope scope)
{
    internal sealed record Filter(ServiceRecordListCriteria Criteria, string? UnitPath);

    /// <summary>
    /// Checked before anything is read: a reversed range, a day together with a range, a unit unknown or outside the caller's scope, a window
    /// he does not see or an advisor unknown to him is a 400 on its field.
    /// </summary>
    public async Task<Filter> FilterAsync(ServiceRecordListCriteria c, CancellationToken ct)
    {
        var validator = new InputValidator().DateRange(c.From, c.To, LegalWindowsErrorCodes.ListRangeReversed)
            .Planned(c.On, DateTimeOffset.UtcNow, "on")
            .Add(c.On is not null && (c.From is not null || c.To is not null) ? "on" : null, LegalWindowsErrorCodes.ListDayWithRange);
        var unitPath = await validator.UnitPathAsync(c.OrgUnitId, units, scope, LegalWindowsErrorCodes.ListUnitNotInScope, ct);
        if (c.WindowId is { } windowId)
            validator.Add(await (await advisors.WindowsAsync(ct)).AnyAsync(w => w.Id == windowId, ct) ? null : "windowId",
                LegalWindowsErrorCodes.ListWindowNotInScope);
        if (c.AdvisorId is { } advisorId)
            validator.Add(await db.Set<LegalAdvisor>().AnyAsync(a => a.Id == advisorId, ct) ? null : "advisorId", LegalWindowsErrorCodes.ListAdvisorUnknown);
        validator.ThrowIfInvalid();
        return new Filter(c, unitPath);
    }

    public async Task<PagedList<ServiceRecordSummaryDto>> PageAsync(Filter filter, Paging paging, CancellationToken ct)
    {
        var rows = await (await RowsAsync(filter, ct)).ToPagedListAsync(paging, ct);
        var items = await SummariesAsync(rows.Items, ct);
        return new PagedList<ServiceRecordSummaryDto>(items, rows.Page, rows.PageSize, rows.Total);
    }

    public async Task<int> CountAsync(Filter filter, CancellationToken ct) => await (await RowsAsync(filter, ct)).CountAsync(ct);

    /// <summary>Every row of the filtered list in its order, read a page at a time.</summary>
    public async IAsyncEnumerable<ServiceRecordSummaryDto> AllAsync(Filter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        for (var page = 1; ; page++)
        {
            var rows = await PageAsync(filter, new Paging(page, Paging.MaxPageSize), ct);
            foreach (var row in rows.Items) yield return row;
            if (!rows.HasMore) yield break;
        }
    }

    private async Task<IQueryable<ServiceRecord>> RowsAsync(Filter filter, CancellationToken ct)
    {
        var c = filter.Criteria;
        var records = (await advisors.RecordsAsync(ct)).AsNoTracking();
        if (c.Kind is { } kind) records = records.Where(r => r.Kind == kind);
        if (c.ErrandStatus is { } status) records = records.Where(r => r.ErrandStatus == status);
        if (c.WindowId is { } windowId) records = records.Where(r => r.WindowId == windowId);
        if (c.AdvisorId is { } advisorId) records = records.Where(r => r.AdvisorId == advisorId);
        records = records.InSubtree(units, filter.UnitPath, r => r.OrgUnitId).OnDays(c.From ?? c.On, c.To ?? c.On, r => r.ServedAt);
        return (c.Sort ?? ServiceRecordListSort.Newest) switch
        {
            ServiceRecordListSort.Oldest => records.OrderBy(r => r.ServedAt).ThenBy(r => r.Id),
            _ => records.OrderByDescending(r => r.ServedAt).ThenBy(r => r.Id),
        };
    }

    private async Task<IReadOnlyList<ServiceRecordSummaryDto>> SummariesAsync(IReadOnlyList<ServiceRecord> records, CancellationToken ct)
    {
        var names = await windows.AdvisorNamesAsync(records.Select(r => r.AdvisorId), ct);
        var windowIds = records.Select(r => r.WindowId).Distinct().ToList();
        var windowNames = await db.Set<LegalWindow>().AsNoTracking().Where(w => windowIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        return records.Select(r => new ServiceRecordSummaryDto(r.Id, r.Number, r.WindowId, r.Kind, r.ServedAt, r.PersonName, r.Matter ?? r.Topic,
            names.GetValueOrDefault(r.AdvisorId, "?"), r.ErrandStatus, r.CaseId, windowNames.GetValueOrDefault(r.WindowId))).ToList();
    }
}
