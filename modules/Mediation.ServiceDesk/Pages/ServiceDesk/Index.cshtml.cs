using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>
/// The officer's queue (mine / unassigned / overdue / escalated / all), filtered by status, kind, filing dates and unit, sorted and paged in
/// the database; every filter lives in the address, and 导出台账 exports exactly the listed requests. The yearly ledger stays below it.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Desk.Read)]
internal sealed class IndexModel(DeskRequestListQuery query, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope, ICurrentUser user,
    TimeProvider clock) : ListPageModel(units, scope, exports, clock)
{
    [BindProperty(SupportsGet = true)]
    public QueueView? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeskRequestListSort? Sort { get; set; }

    public QueueView Shown => View ?? query.DefaultView();

    public bool CanExport => user.HasPermission(ServiceDeskPermissions.Desk.Ledger);

    public PagedList<DeskRequestSummaryDto> Requests { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public DeskRequestListCriteria Criteria => new(Shown, Status, Kind, From, To, OrgUnitId, Sort);

    protected override ListFieldLabels FieldLabels { get; } =
        new("ServiceDeskUi:FiledFrom", "ServiceDeskUi:FiledTo", "ServiceDeskUi:Unit", "ServiceDeskUi:PageNumber", "ServiceDeskUi:Filter");

    protected override string ExportKind => DeskRequestListExport.ExportKind;

    protected override object ExportCriteria => Criteria;

    protected override async Task ReadAsync(Paging paging, CancellationToken ct)
    {
        Requests = await query.PageAsync(await query.FilterAsync(Criteria, ct), paging, ct);
    }
}
