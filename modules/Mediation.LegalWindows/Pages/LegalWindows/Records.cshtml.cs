using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>
/// 法律服务记录: the services of the windows the user sees, filtered by kind, errand status, service dates, unit, advisor and window, sorted
/// and paged in the database; every filter lives in the address, and 导出台账 exports exactly the listed services.
/// </summary>
[Authorize(Policy = LegalWindowsPermissions.Services.Read)]
internal sealed class RecordsModel(ServiceRecordListQuery query, WindowAppService windows, IExportJobs exports, IOrgUnitDirectory units,
    IDataScope scope, ICurrentUser user, TimeProvider clock) : ListPageModel(units, scope, exports, clock)
{
    [BindProperty(SupportsGet = true)]
    public ServiceKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ErrandStatus? ErrandStatus { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? AdvisorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? WindowId { get; set; }

    [BindProperty(SupportsGet = true)]
    public ServiceRecordListSort? Sort { get; set; }

    public bool CanExport => user.HasPermission(LegalWindowsPermissions.Services.Ledger);

    public PagedList<ServiceRecordSummaryDto> Records { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<WindowDto> Windows { get; private set; } = [];

    /// <summary>The advisors of the windows the user sees, by name.</summary>
    public IReadOnlyList<WindowAdvisorDto> Advisors { get; private set; } = [];

    public ServiceRecordListCriteria Criteria => new(Kind, ErrandStatus, From, To, OrgUnitId, AdvisorId, WindowId, Sort);

    protected override ListFieldLabels FieldLabels { get; } =
        new("LegalWindowsUi:ServedFrom", "LegalWindowsUi:ServedTo", "LegalWindowsUi:Unit", "LegalWindowsUi:PageNumber", "LegalWindowsUi:Filter");

    protected override string ExportKind => ServiceRecordListExport.ExportKind;

    protected override object ExportCriteria => Criteria;

    protected override async Task ReadAsync(Paging paging, CancellationToken ct)
    {
        Windows = await windows.ListWindowsAsync(ct);
        Advisors = [.. Windows.SelectMany(w => w.Advisors).DistinctBy(a => a.AdvisorId).OrderBy(a => a.Name, StringComparer.Ordinal)];
        Records = await query.PageAsync(await query.FilterAsync(Criteria, ct), paging, ct);
    }
}
