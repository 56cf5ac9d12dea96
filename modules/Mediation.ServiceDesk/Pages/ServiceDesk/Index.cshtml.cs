using Mediation.Core.Web;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

/// <summary>The officer's queue (mine / unassigned / overdue / all, and a status), the filters kept in the address; the ledger export.</summary>
[Authorize(Policy = ServiceDeskPermissions.Desk.Read)]
internal sealed class IndexModel(RequestAppService requests, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public QueueView? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestStatus? Status { get; set; }

    public QueueView Shown => View ?? (user.HasPermission(ServiceDeskPermissions.Desk.Handle) ? QueueView.Mine : QueueView.All);

    public bool CanExport => user.HasPermission(ServiceDeskPermissions.Desk.Ledger);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<DeskRequestSummaryDto> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Requests = (await requests.QueueAsync(Shown, Status, Paging.WebPageList, ct)).Items;
    }
}
