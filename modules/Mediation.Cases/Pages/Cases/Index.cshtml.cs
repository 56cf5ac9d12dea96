using Mediation.Cases.Application;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

/// <summary>
/// The case list, filtered, sorted and paged in the database; every filter and the sort live in the address, so a reload or a shared
/// link shows the same list, and 导出台账 exports exactly it.
/// </summary>
[Authorize(Policy = CasesPermissions.Cases.Read)]
internal sealed class IndexModel(CaseListQuery query, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope, ICurrentUser user, TimeProvider clock)
    : ListPageModel(units, scope, exports, clock)
{
    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskGrade? Risk { get; set; }

    /// <summary>A mediator sees his own cases unless he asks for every case in his unit's scope.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseDueFilter? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public DisputeType? DisputeType { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseListSort? Sort { get; set; }

    public bool WorksCases => user.HasPermission(CasesPermissions.Sessions.Record);

    public bool CanRegister => user.HasPermission(CasesPermissions.Cases.Register);

    public PagedList<CaseListItemDto> Cases { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public CaseListCriteria Criteria => new(Status, Risk, Due, From, To, OrgUnitId, DisputeType, Sort, All);

    protected override ListFieldLabels FieldLabels { get; } =
        new("CasesUi:RegisteredFrom", "CasesUi:RegisteredTo", "CasesUi:Unit", "CasesUi:PageNumber", "CasesUi:Filter");

    protected override string ExportKind => CaseListExport.ExportKind;

    protected override object ExportCriteria => Criteria;

    protected override async Task ReadAsync(Paging paging, CancellationToken ct)
    {
        Cases = await query.PageAsync(await query.FilterAsync(Criteria, ct), paging, ct);
    }
}
