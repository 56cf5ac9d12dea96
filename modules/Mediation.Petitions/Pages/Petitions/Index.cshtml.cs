using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>
/// The officer's queue, filtered, sorted and paged in the database (the running clock falling due first by default); every filter and the
/// sort live in the address, and 导出台账 exports exactly the listed rows.
/// </summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Read)]
internal sealed class IndexModel(PetitionListQuery query, PetitionPageQuery queue, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope,
    ICurrentUser user, TimeProvider clock) : ListPageModel(units, scope, exports, clock)
{
    [BindProperty(SupportsGet = true)]
    public PetitionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionDueFilter? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionListSort? Sort { get; set; }

    /// <summary>Only those whose opinion waits for my sign-off (the workbench's count links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignOff { get; set; }

    public bool CanRegister => user.HasPermission(PetitionsPermissions.Petitions.Register);

    public PagedList<PetitionSummaryDto> Petitions { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Petitioners by petition, masked: the summary does not carry them.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Petitioners { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public PetitionListCriteria Criteria => new(Status, Category, Due, From, To, OrgUnitId, Sort, SignOff);

    protected override ListFieldLabels FieldLabels { get; } =
        new("PetitionsUi:ReceivedFrom", "PetitionsUi:ReceivedTo", "PetitionsUi:Unit", "PetitionsUi:PageNumber", "PetitionsUi:Filter");

    protected override string ExportKind => PetitionListExport.ExportKind;

    protected override object ExportCriteria => Criteria;

    protected override async Task ReadAsync(Paging paging, CancellationToken ct)
    {
        Petitions = await query.PageAsync(await query.FilterAsync(Criteria, ct), paging, ct);
        Petitioners = await queue.PetitionerNamesAsync(Petitions.Items.Select(p => p.Id).ToList(), ct);
    }
}
