using Mediation.Core.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Core.Pages.Account;

public sealed class SignOutModel(SecurityAuditLog auditLog) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await auditLog.WriteAsync(AuditActions.SignOut, ct: ct);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}
