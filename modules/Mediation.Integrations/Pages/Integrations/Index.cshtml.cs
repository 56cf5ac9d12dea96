using System.Globalization;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Web;
using Mediation.Integrations.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Integrations.Pages.Integrations;

/// <summary>The registered systems and the callback delivery log, newest first, paged; a system's row filters the log to it.</summary>
[Authorize(Policy = IntegrationsPermissions.Systems.Manage)]
internal sealed class IndexModel(SystemAppService systems) : PageModel
{
    // From the query only: Razor Pages' own route value "page" (this page's path) would be read first and never parse as a number,
    // so the next page's link showed the first page (found when such a binding failure became a 400).
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public Guid? SystemId { get; set; }

    public PagedList<IntegratingSystemDto> Systems { get; private set; } = new([], 1, Paging.WebPageList.PageSize, 0);

    public PagedList<CallbackDeliveryDto> Deliveries { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Systems = await systems.ListAsync(Paging.WebPageList, ct);
        Deliveries = await systems.DeliveriesAsync(SystemId, Paging.From(Math.Max(PageNumber, 1), 50), ct);
    }

    public string PageLink(int page) => SystemId is { } id ? $"/Integrations?systemId={id}&page={page}" : $"/Integrations?page={page}";

    public static string Time(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
