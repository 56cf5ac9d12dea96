using Mediation.Cases.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

/// <summary>
/// The case list, filtered, sorted and paged in the database; every filter and the sort live in the address, so a reload or a shared
/// link shows the same list, and 导出台账 exports exactly it.
/// </summary>
[Authorize(Policy = CasesPermissions.Cases.Read)]
internal sealed class IndexModel(CaseListQuery query, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope, ICurrentUser user, TimeProvider clock)
    : FormPageModel
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

    /// <summary>Registered from this China day on.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The cases of this unit and the units below it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DisputeType? DisputeType { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseListSort? Sort { get; set; }

    /// <summary>The query's <c>page</c> (1-based); read from the query alone, since Razor Pages' route value "page" names the page itself.</summary>
    public int? PageNumber { get; private set; }

    public bool WorksCases => user.HasPermission(CasesPermissions.Sessions.Record);

    public bool CanRegister => user.HasPermission(CasesPermissions.Cases.Register);

    public DateOnly Today { get; private set; }

    public PagedList<CaseListItemDto> Cases { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    /// <summary>Why the list could not be shown as asked (a date that does not parse, a reversed range, a unit out of scope).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public CaseListCriteria Criteria => new(Status, Risk, Due, From, To, OrgUnitId, DisputeType, Sort, All);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page;
        await LoadAsync(ct);
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The ledger of the list as it is filtered, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await CheckedAsync(() => exports.EnqueueAsync(CaseListExport.ExportKind, Criteria, ct)))
            return Redirect(ExportJobDto.Page);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The address of this list on another page (null: the first), every filter kept.</summary>
    public string PageLink(int? page) => Mediation.Core.Web.PageLinks.Keeping(Request, "/Cases", page);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Units = await units.SubtreeAsync(scope.OrgUnitPath, ct);
        if (!ModelState.IsValid)
        {
            Problems = [.. ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => $"{FieldLabel(e.Key)}：{Text(CoreErrorCodes.Validation.Pattern)}")];
            return;
        }
        await CheckedAsync(async () => Cases = await query.PageAsync(await query.FilterAsync(Criteria, ct), Paging.From(PageNumber, null), ct));
    }

    private async Task<bool> CheckedAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (InputValidationException invalid)
        {
            Problems = [.. Problems, .. invalid.Errors.Select(e => $"{FieldLabel(e.Field)}：{Text(e.Code, e.Parameters)}")];
            return false;
        }
    }

    private string FieldLabel(string field) => Text(field.ToLowerInvariant() switch
    {
        "from" => "CasesUi:RegisteredFrom",
        "to" => "CasesUi:RegisteredTo",
        "orgunitid" => "CasesUi:Unit",
        "page" => "CasesUi:PageNumber",
        _ => "CasesUi:Filter",
    });
}
