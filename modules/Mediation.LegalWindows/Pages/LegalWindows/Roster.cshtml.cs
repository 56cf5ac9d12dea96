using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>The roster editor: build a rota on the working calendar, swap a shift to another advisor with the reason.</summary>
[Authorize(Policy = LegalWindowsPermissions.Windows.Read)]
internal sealed class RosterModel(WindowAppService windows, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid WindowId { get; set; }

    [BindProperty]
    public DateOnly? From { get; set; }

    [BindProperty]
    public DateOnly? To { get; set; }

    [BindProperty]
    public Guid? ShiftId { get; set; }

    [BindProperty]
    public Guid? AdvisorId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public WindowDto Window { get; private set; } = null!;

    public IReadOnlyList<ShiftDto> Shifts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanManage => user.HasPermission(LegalWindowsPermissions.Windows.Manage);

    public bool CanSwap => user.HasPermission(LegalWindowsPermissions.Windows.SwapShift);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        From ??= Today.AddDays(7 - ((int)Today.DayOfWeek + 6) % 7);
        To ??= From.Value.AddDays(27);
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (await TryAsync("", () => windows.GenerateRosterAsync(WindowId, new GenerateRosterInput(From, To), ct)))
            return Redirect($"/LegalWindows/Roster?windowId={WindowId}");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSwapAsync(CancellationToken ct)
    {
        if (!CanSwap) return Forbid();
        if (await TryAsync("", () => windows.SwapAsync(ShiftId ?? Guid.Empty, new SwapShiftInput(AdvisorId, WindowDisplay.Blank(Reason), ConcurrencyStamp), ct)))
            return Redirect($"/LegalWindows/Roster?windowId={WindowId}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Window = await windows.GetWindowAsync(WindowId, ct);
        Shifts = await windows.ListShiftsAsync(WindowId, Today.AddDays(-7), Today.AddDays(90), ct);
    }
}
