using Mediation.Core.Identity;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

/// <summary>
/// Bearer tokens whose account is inactive or whose security stamp was rotated (deactivation, lockout, role change,
/// sign-out) fail authentication — 401, so the client knows to sign in again. Checked only after authentication, a
/// stale token would be an authenticated caller without rights: 403. The framework's bearer handler has no
/// validation event, hence this wrapper around it.
/// </summary>
internal sealed class StampCheckedBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Mediation.Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var handlers = Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>();
        var bearer = await handlers.GetHandlerAsync(Context, IdentityConstants.BearerScheme)
            ?? throw new InvalidOperationException("The bearer token scheme is not registered.");
        var token = await bearer.AuthenticateAsync();
        if (!token.Succeeded) return token;

        var loaded = await Context.RequestServices.GetRequiredService<UserClaimsLoader>().TransformAsync(token.Principal);
        return loaded.Identity?.IsAuthenticated == true
            ? AuthenticateResult.Success(new AuthenticationTicket(loaded, token.Properties, Scheme.Name))
            : AuthenticateResult.Fail("The account is inactive or the token's security stamp is no longer current.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
