using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>
/// The officer's queue, filtered, sorted and paged in the database (the running clock falling due first by default); every filter and the
/// sort live in the address, and 导出台账 exports exactly the listed rows.
/// </summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Read)]
internal sealed class IndexModel(PetitionListQuery query, PetitionPageQuery queue, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope,
    ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public PetitionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionDueFilter? Due { get; set; }

    /// <summary>Received from this China day on.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The petitions of this unit and the units below it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public PetitionListSort? Sort { get; set; }

    /// <summary>Only those whose opinion waits for my sign-off (the workbench's count links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignOff { get; set; }

    /// <summary>The query's <c>page</c> (1-based); read from the query alone, since Razor Pages' route value "page" names the page itself.</summary>
    public int? PageNumber { get; private set; }

    public bool CanRegister => user.HasPermission(PetitionsPermissions.Petitions.Register);

    public DateOnly Today { get; private set; }

    public PagedList<PetitionSummaryDto> Petitions { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>Petitioners by petition, masked: the summary does not carry them.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Petitioners { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    /// <summary>Why the queue could not be shown as asked (a date that does not parse, a reversed range, a unit out of scope).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public PetitionListCriteria Criteria => new(Status, Category, Due, From, To, OrgUnitId, Sort, SignOff);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page;
        await LoadAsync(ct);
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The ledger of the queue as it is filtered, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await CheckedAsync(() => exports.EnqueueAsync(PetitionListExport.ExportKind, Criteria, ct)))
            return Redirect(ExportJobDto.Page);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The address of this queue on another page (null: the first), every filter kept.</summary>
    public string PageLink(int? page) => Mediation.Core.Web.PageLinks.Keeping(Request, "/Petitions", page);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Units = await units.SubtreeAsync(scope.OrgUnitPath, ct);
        if (!ModelState.IsValid)
        {
            Problems = [.. ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => $"{FieldLabel(e.Key)}：{Text(CoreErrorCodes.Validation.Pattern)}")];
            return;
        }
        if (await CheckedAsync(async () => Petitions = await query.PageAsync(await query.FilterAsync(Criteria, ct), Paging.From(PageNumber, null), ct)))
            Petitioners = await queue.PetitionerNamesAsync(Petitions.Items.Select(p => p.Id).ToList(), ct);
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
        "from" => "PetitionsUi:ReceivedFrom",
        "to" => "PetitionsUi:ReceivedTo",
        "orgunitid" => "PetitionsUi:Unit",
        "page" => "PetitionsUi:PageNumber",
        _ => "PetitionsUi:Filter",
    });
}
