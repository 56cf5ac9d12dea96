using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Core.Web.Pages;

/// <summary>The text keys that name a list's fields in its problems: the date range's ends, the unit, the page, and any other filter.</summary>
public sealed record ListFieldLabels(string From, string To, string Unit, string Page, string Filter);

/// <summary>
/// A list filtered, sorted and paged in the database, every filter in the address: a filter that does not parse, or that the query
/// refuses (a reversed range, a unit out of scope, a page out of range), is shown above the list with its field's name and answers 400;
/// 导出台账 queues the ledger of exactly the filtered list and sends the user to 我的导出.
/// </summary>
public abstract class ListPageModel(IOrgUnitDirectory units, IDataScope scope, IExportJobs exports, TimeProvider clock) : FormPageModel, IShowsBindingProblems
{
    /// <summary>The first China day of the list's range (of registration, receipt, filing, service: each list says which).</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>The records of this unit and the units below it.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    /// <summary>The query's <c>page</c> (1-based); read from the query alone, since Razor Pages' route value "page" names the page itself.</summary>
    public int? PageNumber { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The units the caller may filter on: his own and those below it.</summary>
    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];

    /// <summary>Why the list could not be shown as asked.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    protected abstract ListFieldLabels FieldLabels { get; }

    protected abstract string ExportKind { get; }

    /// <summary>The criteria as the address carries them, which the export reads again in the background.</summary>
    protected abstract object ExportCriteria { get; }

    /// <summary>Reads one page of the list; an <see cref="InputValidationException"/> becomes the page's problems.</summary>
    protected abstract Task ReadAsync(Paging paging, CancellationToken ct);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = page;
        await LoadAsync(ct);
        if (Problems.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>The ledger of the list as it is filtered, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await CheckedAsync(() => exports.EnqueueAsync(ExportKind, ExportCriteria, ct)))
            return Redirect(ExportJobDto.Page);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The address of this list on another page (null: the first), every filter kept.</summary>
    public string PageLink(int? page) => PageLinks.Keeping(Request, Request.Path, page);

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Units = await units.SubtreeAsync(scope.OrgUnitPath, ct);
        if (!ModelState.IsValid)
        {
            Problems = [.. ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => $"{FieldLabel(e.Key)}：{Text(CoreErrorCodes.Validation.Pattern)}")];
            return;
        }
        await CheckedAsync(() => ReadAsync(Paging.From(PageNumber, null), ct));
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
        "from" => FieldLabels.From,
        "to" => FieldLabels.To,
        "orgunitid" => FieldLabels.Unit,
        "page" => FieldLabels.Page,
        _ => FieldLabels.Filter,
    });
}
