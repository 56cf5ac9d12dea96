using Mediation.Cases.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Cases.Pages.Sessions;

/// <summary>调解安排: the sessions still to be held in the caller's units; ?today=true is what the workbench's 今日调解 count opens.</summary>
[Authorize(Policy = CasesPermissions.Sessions.Record)]
internal sealed class IndexModel(SessionPlanAppService plans) : PageModel
{
    public IReadOnlyList<SessionPlanDto> Planned { get; private set; } = [];

    public bool TodayOnly { get; private set; }

    public async Task OnGetAsync(bool today, CancellationToken ct)
    {
        TodayOnly = today;
        Planned = await plans.ListPlannedAsync(today, ct);
    }
}
