using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>The enterprise portal: its own requests, newest first, and the way to file one.</summary>
[Authorize(Policy = ServiceDeskPermissions.Portal.Use)]
internal sealed class PortalModel(RequestAppService requests, EnterpriseAppService enterprises) : FormPageModel
{
    public EnterpriseDto Enterprise { get; private set; } = null!;

    public IReadOnlyList<DeskRequestSummaryDto> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Enterprise = await enterprises.MineAsync(ct);
        Requests = (await requests.PortalListAsync(Paging.WebPageList, ct)).Items;
    }
}
