using Mediation.Core.Errors;
using Microsoft.AspNetCore.Localization;

namespace Mediation.Host;

/// <summary>
/// Honours Accept-Language only for /api requests. A browser's language list says little about
/// which language a government clerk wants on screen, so pages follow the explicit switch instead.
/// </summary>
internal sealed class ApiOnlyRequestCultureProvider(IRequestCultureProvider inner) : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        ApiRequests.IsApi(httpContext.Request) ? inner.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
