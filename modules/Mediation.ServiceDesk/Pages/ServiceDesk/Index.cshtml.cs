using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>
/// The officer's queue (mine / unassigned / overdue / escalated / all), filtered by status, kind, filing dates and unit, sorted and paged in
/// the database; every filter lives in the address, and 导出台账 exports exactly the listed requests. The yearly ledger stays below it.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Desk.Read)]
internal sealed class IndexModel(DeskRequestListQuery query, IExportJobs exports, IOrgUnitDirectory units, IDataScope scope, ICurrentUser user,
    TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public QueueView? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestKind? Kind { get; set; }

    /// <summary>Filed from this China day on.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The requests of this unit and the units below it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeskRequestListSort? Sort { get; set; }

    /// <summary>The query's <c>page</c> (1-based); read from the query alone, since Razor Pages' route value "page" names the page itself.</summary>
    public int? PageNumber { get; private set; }

    public QueueView Shown => View ?? query.DefaultView();

    public bool CanExport => user.HasPermission(ServiceDeskPermissions.Desk.Ledger);

    public DateOnly Today { get; private set; }

    public PagedList<DeskRequestSummaryDto> Requests { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    /// <summary>Why the queue could not be shown as asked (a date that does not parse, a reversed range, a unit out of scope).</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public DeskRequestListCriteria Criteria => new(Shown, Status, Kind, From, To, OrgUnitId, Sort);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page;
        await LoadAsync(ct);
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The ledger of the queue as it is filtered, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await CheckedAsync(() => exports.EnqueueAsync(DeskRequestListExport.ExportKind, Criteria, ct)))
            return Redirect(ExportJobDto.Page);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The address of this queue on another page (null: the first), every filter kept.</summary>
    public string PageLink(int? page) => PageLinks.Keeping(Request, "/ServiceDesk", page);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Units = await units.SubtreeAsync(scope.OrgUnitPath, ct);
        if (!ModelState.IsValid)
        {
            Problems = [.. ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => $"{FieldLabel(e.Key)}：{Text(CoreErrorCodes.Validation.Pattern)}")];
            return;
        }
        await CheckedAsync(async () => Requests = await query.PageAsync(await query.FilterAsync(Criteria, ct), Paging.From(PageNumber, null), ct));
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
        "from" => "ServiceDeskUi:FiledFrom",
        "to" => "ServiceDeskUi:FiledTo",
        "orgunitid" => "ServiceDeskUi:Unit",
        "page" => "ServiceDeskUi:PageNumber",
        _ => "ServiceDeskUi:Filter",
    });
}
