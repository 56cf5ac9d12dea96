using Mediation.Web.OrgUnits;
using Mediation.Web.Deadlines;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Web.Pages.OrgUnits;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Mediation.Core.Security.CorePermissions.OrgUnits.Read)]
public sealed class IndexModel(OrgUnitAppService orgUnits, Mediation.Core.Security.ICurrentUser user) : PageModel
{
    public bool CanManage => user.HasPermission(Mediation.Core.Security.CorePermissions.OrgUnits.Manage);

    public IReadOnlyList<OrgUnitTreeNodeDto> Tree { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tree = await orgUnits.TreeAsync(ct);
}
