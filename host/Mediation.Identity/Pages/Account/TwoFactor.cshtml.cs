using System.Globalization;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Identity.Pages.Account;

/// <summary>
/// Enrolment of an authenticator for any signed-in user (issue 12, item 11). The key stays the
/// pending one until a code confirms it, so reloading or mistyping never changes what was scanned.
/// </summary>
[Authorize]
internal sealed class TwoFactorModel(TwoFactorEnrolment enrolment, ProblemWriter messages) : PageModel
{
    public TwoFactorSetupDto? Setup { get; private set; }
    public bool Required { get; private set; }
    public bool Enrolled { get; private set; }
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(bool required, CancellationToken ct)
    {
        Required = required;
        Setup = await enrolment.PendingAsync() ?? await enrolment.StartAsync(ct);
    }

    public async Task<IActionResult> OnGetQrAsync() =>
        await enrolment.QrCodeAsync() is { } png ? File(png, "image/png") : NotFound();

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken ct)
    {
        try
        {
            await enrolment.ConfirmAsync(new ConfirmTwoFactorInput(code), ct);
        }
        catch (BusinessException refused)
        {
            ErrorMessage = messages.Localize(refused.Code, refused.Parameters, CultureInfo.CurrentUICulture);
            Setup = await enrolment.PendingAsync() ?? await enrolment.StartAsync(ct);
            return Page();
        }
        // Confirming rotated the security stamp, so this cookie is dead anyway; dropping it now spares a redirect loop.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        Enrolled = true;
        return Page();
    }
}
