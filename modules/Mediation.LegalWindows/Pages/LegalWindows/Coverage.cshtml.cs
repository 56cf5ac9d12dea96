using Mediation.Core.Web.Pages;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.LegalWindows.Pages.LegalWindows;

/// <summary>一村（社区）一律师: villages without an advisor and advisors with too many villages, as lists and as the tree.</summary>
[Authorize(Policy = LegalWindowsPermissions.Windows.Read)]
internal sealed class CoverageModel(WindowAppService windows) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    public CoverageDto Coverage { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Coverage = await windows.CoverageAsync(OrgUnitId, ct);
}
