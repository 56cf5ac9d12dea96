using Mediation.Core.Auditing;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Identity.Pages.Account;

internal sealed class SignOutModel(SecurityAuditLog auditLog, SignInService signIn, ICurrentUser user) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Rotating the stamp ends the user's other cookies and tokens too, not just this browser's.
        if (user.Id is { } id) await signIn.RotateSecurityStampAsync(id, ct);
        await auditLog.WriteAsync(AuditActions.SignOut, ct: ct);
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        return LocalRedirect("/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}
