using Mediation.Web.OrgUnits;
using Mediation.Web.Deadlines;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Web.Pages.OrgUnits;

[Authorize(Policy = CorePermissions.OrgUnits.Manage)]
public sealed class EditModel(OrgUnitAppService orgUnits) : FormPageModel
{
    public OrgUnitDto Unit { get; private set; } = null!;

    public UpdateOrgUnitInput Form { get; private set; } = new(null, null, null, null);

    public async Task OnGetAsync(Guid id, CancellationToken ct) => Unit = await orgUnits.GetAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, string? name, string? issuingBodyName, string? concurrencyStamp, CancellationToken ct)
    {
        Form = new UpdateOrgUnitInput(name, null, null, concurrencyStamp, issuingBodyName ?? "");
        if (await TryAsync(nameof(Form), () => orgUnits.UpdateAsync(id, Form, ct))) return Redirect("/OrgUnits");
        Unit = await orgUnits.GetAsync(id, ct) with { Name = name ?? "", IssuingBodyName = issuingBodyName };
        return Page();
    }
}
