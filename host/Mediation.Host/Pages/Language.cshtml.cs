using Mediation.Core.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Host.Pages;

/// <summary>Stores the chosen language in the standard culture cookie and goes back to the page the user was on.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = TextCatalog.SupportedCultures.FirstOrDefault(c => c == culture) ?? TextCatalog.DefaultCulture;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    public IActionResult OnGet() => LocalRedirect("/");
}
