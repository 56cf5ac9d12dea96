using Mediation.Core.Auditing;
using Mediation.Core.Web;
using System.Net;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Mediation.Web.Http;

/// <summary>
/// Headers every response carries: scripts and styles only from our own files (the pages have no inline script or
/// handler), no framing, no MIME sniffing, no referrer leaving the site.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// The page cookie rides along on any request the browser makes, also one a foreign site triggers. A state-changing API
/// call authenticated by that cookie (not by a bearer token, which no foreign site has) must therefore carry the
/// antiforgery token in the <c>RequestVerificationToken</c> header, as the pages' own scripts do.
/// </summary>
public sealed class ApiCookieForgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, ProblemWriter problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (ApiRequests.IsApi(request)
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.User.Identity?.IsAuthenticated == true
            && !await HasValidHeaderTokenAsync(context))
        {
            await problems.WriteAsync(context, StatusCodes.Status403Forbidden, CoreErrorCodes.AntiforgeryTokenMissing);
            return;
        }
        await next(context);
    }

    // Only the header counts: a form field would be what a forged cross-site form can send along with the cookie.
    private async Task<bool> HasValidHeaderTokenAsync(HttpContext context)
    {
        if (context.Request.Headers[AntiforgeryHeader].Count == 0) return false;
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public const string AntiforgeryHeader = "RequestVerificationToken";
}

public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// X-Forwarded-For/-Proto are believed only from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses)
    /// or <c>ForwardedHeaders:KnownNetworks</c> (CIDR). Without them the headers are ignored: anyone could otherwise write
    /// any address into the audit trail.
    /// </summary>
    public static IApplicationBuilder UseConfiguredForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var proxies = configuration.GetSection(Section + ":KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection(Section + ":KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return app;

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        return app.UseForwardedHeaders(options);
    }
}
