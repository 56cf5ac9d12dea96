using Mediation.Core.Web;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>Today at my window: who is on duty now and the services recorded today.</summary>
[Authorize(Policy = LegalWindowsPermissions.Windows.Read)]
internal sealed class IndexModel(WindowAppService windows, ServiceRecordAppService records, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? WindowId { get; set; }

    public IReadOnlyList<WindowDto> Windows { get; private set; } = [];

    public WindowDto? Window { get; private set; }

    public OnDutyDto? Duty { get; private set; }

    public IReadOnlyList<ServiceRecordSummaryDto> Today { get; private set; } = [];

    public bool CanRecord => user.HasPermission(LegalWindowsPermissions.Services.Record);

    public bool CanReadRecords => user.HasPermission(LegalWindowsPermissions.Services.Read);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Windows = await windows.ListWindowsAsync(ct);
        Window = WindowId is { } id ? Windows.FirstOrDefault(w => w.Id == id) : Windows.Count > 0 ? Windows[0] : null;
        if (Window is null) return;
        Duty = await windows.OnDutyAsync(Window.Id, ct);
        if (CanReadRecords) Today = (await records.ListAsync(Window.Id, ChinaTime.DateOf(clock.GetUtcNow()), Paging.WebPageList, ct)).Items;
    }
}
