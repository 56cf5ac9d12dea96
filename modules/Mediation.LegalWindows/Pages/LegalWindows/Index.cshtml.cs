using Mediation.Core.Web;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>Today at my window: who is on duty now and the services recorded today.</summary>
[Authorize(Policy = LegalWindowsPermissions.Windows.Read)]
internal sealed class IndexModel(WindowAppService windows, ServiceRecordListQuery records, ICurrentUser user, TimeProvider clock, IExportJobs exports)
    : FormPageModel
{
    [BindProperty]
    public LedgerForm Ledger { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? WindowId { get; set; }

    public IReadOnlyList<WindowDto> Windows { get; private set; } = [];

    public WindowDto? Window { get; private set; }

    public OnDutyDto? Duty { get; private set; }

    public IReadOnlyList<ServiceRecordSummaryDto> Today { get; private set; } = [];

    public bool CanRecord => user.HasPermission(LegalWindowsPermissions.Services.Record);

    public bool CanReadRecords => user.HasPermission(LegalWindowsPermissions.Services.Read);

    public bool CanExportLedger => user.HasPermission(LegalWindowsPermissions.Services.Ledger);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Ledger.Month ??= ChinaTime.DateOf(clock.GetUtcNow()).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    /// <summary>The month's ledger is written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostLedgerAsync(CancellationToken ct)
    {
        if (!CanExportLedger) return Forbid();
        var window = Ledger.ThisWindowOnly ? WindowId : null;
        if (await TryAsync(nameof(Ledger), () => exports.EnqueueAsync(LedgerExport.ExportKind, new LedgerExportParameters(Ledger.Month, window, null), ct)))
            return Redirect(ExportJobDto.Page);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Windows = await windows.ListWindowsAsync(ct);
        Window = WindowId is { } id ? Windows.FirstOrDefault(w => w.Id == id) : Windows.Count > 0 ? Windows[0] : null;
        if (Window is null) return;
        Duty = await windows.OnDutyAsync(Window.Id, ct);
        if (!CanReadRecords) return;
        var today = new ServiceRecordListCriteria(WindowId: Window.Id, On: ChinaTime.DateOf(clock.GetUtcNow()));
        Today = (await records.PageAsync(await records.FilterAsync(today, ct), Paging.WebPageList, ct)).Items;
    }
}

internal sealed class LedgerForm
{
    /// <summary>yyyy-MM; this month by default.</summary>
    public string? Month { get; set; }

    /// <summary>Only the shown window's rows; otherwise every window the user sees.</summary>
    public bool ThisWindowOnly { get; set; }
}
