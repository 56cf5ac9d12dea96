using Mediation.Core.Identity;
using Mediation.Core.Auditing;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

public sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

/// <summary><c>SecondFactorEnrolmentRequired</c>: the account holds admin-duty permissions but has no authenticator; the token serves only to enrol one.</summary>
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer", bool SecondFactorEnrolmentRequired = false);

public sealed record MeDto(Guid Id, string UserName, string? DisplayName, Guid? OrgUnitId, string? OrgUnitName, IReadOnlyList<string> Permissions);

internal static class IdentityEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Auth");
        g.MapPost("/token", async (TokenRequest input, SignInService signIn, IOptionsMonitor<BearerTokenOptions> bearer,
            IOptions<IdentitySettings> settings, TimeProvider clock, CancellationToken ct) =>
        {
            var principal = await signIn.AuthenticateAsync(input.UserName, input.Password, input.TotpCode, ct);
            var expiresAt = clock.GetUtcNow() + settings.Value.TokenLifetime;
            var properties = new AuthenticationProperties { ExpiresUtc = expiresAt, IssuedUtc = clock.GetUtcNow() };
            var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
            var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
            var enrol = await signIn.NeedsSecondFactorEnrolmentAsync(Guid.Parse(principal.FindFirst(MediationClaimTypes.UserId)!.Value), ct);
            return TypedResults.Ok(new TokenResponse(token, expiresAt, SecondFactorEnrolmentRequired: enrol));
        }).AllowAnonymous().WithName("IssueToken");

        // Signing out ends the session everywhere: every cookie and token of the user carries the old stamp.
        g.MapPost("/sign-out", async (ICurrentUser user, SignInService signIn, SecurityAuditLog auditLog, CancellationToken ct) =>
        {
            await signIn.RotateSecurityStampAsync(user.Id!.Value, ct);
            await auditLog.WriteAsync(AuditActions.SignOut, new { everywhere = true }, ct: ct);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithName("SignOutEverywhere");

        g.MapPost("/two-factor/setup", (TwoFactorEnrolment s, CancellationToken ct) => s.StartAsync(ct))
            .RequireAuthorization().WithName("StartTwoFactorSetup");
        g.MapGet("/two-factor/setup/qr", async (TwoFactorEnrolment s) =>
            await s.QrCodeAsync() is { } png ? Results.File(png, "image/png") : Results.NotFound())
            .RequireAuthorization().WithName("TwoFactorSetupQrCode");
        g.MapPost("/two-factor/confirm", async (ConfirmTwoFactorInput input, TwoFactorEnrolment s, CancellationToken ct) =>
        {
            await s.ConfirmAsync(input, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithName("ConfirmTwoFactor");

        g.MapGet("/me", (HttpContext http, ICurrentUser user) => new MeDto(user.Id!.Value, user.UserName!, user.DisplayName,
                user.OrgUnitId, user.OrgUnitName,
                http.User.FindAll(MediationClaimTypes.Permission).Select(c => c.Value).Order().ToList()))
            .RequireAuthorization().WithName("GetCurrentUser");
    }

    public static void MapIdentityEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Identity");
        g.MapGet("/users", (UserAdminService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(CorePermissions.Users.Read);
        g.MapGet("/users/{id:guid}", (Guid id, UserAdminService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(CorePermissions.Users.Read);
        g.MapPost("/users", async (CreateUserInput input, UserAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/identity/users/{created.Id}", created);
        }).RequirePermission(CorePermissions.Users.Manage);
        g.MapPut("/users/{id:guid}/roles", (Guid id, SetUserRolesInput input, UserAdminService s, CancellationToken ct) => s.SetRolesAsync(id, input, ct))
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/deactivate", (Guid id, UserAdminService s, CancellationToken ct) => s.SetActiveAsync(id, false, ct))
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/activate", (Guid id, UserAdminService s, CancellationToken ct) => s.SetActiveAsync(id, true, ct))
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/reveal", (Guid id, UserAdminService s, CancellationToken ct) => s.RevealAsync(id, ct))
            .RequirePermission(CorePermissions.Pii.Reveal);
        g.MapGet("/roles", (RolePermissionService s, CancellationToken ct) => s.ListAsync(ct)).RequirePermission(CorePermissions.Roles.Manage);
        g.MapPut("/roles/{name}/permissions", (string name, SetRolePermissionsInput input, RolePermissionService s, CancellationToken ct)
            => s.SetPermissionsAsync(name, input, ct)).RequirePermission(CorePermissions.Roles.Manage);
        g.MapGet("/permissions", (RolePermissionService s) => s.Permissions()).RequirePermission(CorePermissions.Roles.Manage);
    }

    public static void MapAuditEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Audit");
        g.MapGet("/verify", (AuditChain chain, CancellationToken ct) => chain.VerifyAsync(ct)).RequirePermission(CorePermissions.Audit.Read);
    }
}
