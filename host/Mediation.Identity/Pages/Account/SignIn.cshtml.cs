using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;

namespace Mediation.Identity.Pages.Account;

[AllowAnonymous]
internal sealed class SignInModel(SignInService signIn, ProblemWriter messages) : PageModel, Mediation.Core.Web.Pages.IShowsFormErrors
{
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }
    public string? ErrorMessage { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? totpCode, string? returnUrl, CancellationToken ct)
    {
        UserName = userName;
        ReturnUrl = returnUrl;
        if (ModelState.Values.SelectMany(v => v.Errors).FirstOrDefault() is { } invalid)
        {
            // A name or password with a control character (FormTextPageFilter): no attempt is counted, nothing is written.
            UserName = null;
            ErrorMessage = invalid.ErrorMessage;
            return Page();
        }
        try
        {
            var principal = await signIn.AuthenticateAsync(userName, password, totpCode, ct);
            var identity = new System.Security.Claims.ClaimsIdentity(principal.Claims, IdentityConstants.ApplicationScheme,
                Mediation.Core.Security.MediationClaimTypes.UserName, System.Security.Claims.ClaimTypes.Role);
            await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, new System.Security.Claims.ClaimsPrincipal(identity),
                new AuthenticationProperties { IsPersistent = false });
            // Such a session carries no admin-duty permission, so the only useful next step is enrolling.
            var userId = Guid.Parse(principal.FindFirst(Mediation.Core.Security.MediationClaimTypes.UserId)!.Value);
            if (await signIn.NeedsSecondFactorEnrolmentAsync(userId, ct))
                return RedirectToPage("/Account/TwoFactor", new { required = true });
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
        }
        catch (BusinessException refused)
        {
            if (refused is TooManyRequestsException tooMany)
            {
                Response.StatusCode = tooMany.HttpStatus;
                Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
            ErrorMessage = messages.Localize(refused.Code, refused.Parameters, CultureInfo.CurrentUICulture);
            return Page();
        }
    }
}
