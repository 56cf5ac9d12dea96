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
        }).WithName("Auth_IssueToken").WithSummary("登录并获取访问令牌").AllowAnonymous();

        // Signing out ends the session everywhere: every cookie and token of the user carries the old stamp.
        g.MapPost("/sign-out", async (ICurrentUser user, SignInService signIn, SecurityAuditLog auditLog, CancellationToken ct) =>
        {
            await signIn.RotateSecurityStampAsync(user.Id!.Value, ct);
            await auditLog.WriteAsync(AuditActions.SignOut, new { everywhere = true }, ct: ct);
            return TypedResults.NoContent();
        }).WithName("Auth_SignOut").WithSummary("退出登录（所有会话和令牌失效）").RequireAuthorization();

        g.MapPost("/two-factor/setup", (TwoFactorEnrolment s, CancellationToken ct) => s.StartAsync(ct)).WithName("Auth_StartTwoFactorSetup").WithSummary("开始绑定动态口令（TOTP）")
            .RequireAuthorization();
        g.MapGet("/two-factor/setup/qr", async (TwoFactorEnrolment s) =>
            await s.QrCodeAsync() is { } png ? Results.File(png, "image/png") : Results.NotFound()).WithName("Auth_GetTwoFactorSetupQrCode").WithSummary("获取动态口令绑定二维码（PNG）")
            .RequireAuthorization();
        g.MapPost("/two-factor/confirm", async (ConfirmTwoFactorInput input, TwoFactorEnrolment s, CancellationToken ct) =>
        {
            await s.ConfirmAsync(input, ct);
            return TypedResults.NoContent();
        }).WithName("Auth_ConfirmTwoFactor").WithSummary("确认动态口令并启用双因素认证").RequireAuthorization();

        g.MapGet("/me", (HttpContext http, ICurrentUser user) => new MeDto(user.Id!.Value, user.UserName!, user.DisplayName,
                user.OrgUnitId, user.OrgUnitName,
                http.User.FindAll(MediationClaimTypes.Permission).Select(c => c.Value).Order().ToList())).WithName("Auth_GetCurrentUser").WithSummary("查询当前登录用户")
            .RequireAuthorization();
    }

    public static void MapIdentityEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Identity");
        g.MapGet("/users", (UserAdminService s, CancellationToken ct) => s.ListAsync(ct)).WithName("Identity_ListUsers").WithSummary("列出用户").RequirePermission(CorePermissions.Users.Read);
        g.MapGet("/users/{id:guid}", (Guid id, UserAdminService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Identity_GetUser").WithSummary("查询用户").RequirePermission(CorePermissions.Users.Read);
        g.MapPost("/users", async (CreateUserInput input, UserAdminService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/identity/users/{created.Id}", created);
        }).WithName("Identity_CreateUser").WithSummary("新建用户").RequirePermission(CorePermissions.Users.Manage);
        g.MapPut("/users/{id:guid}/roles", (Guid id, SetUserRolesInput input, UserAdminService s, CancellationToken ct) => s.SetRolesAsync(id, input, ct)).WithName("Identity_SetUserRoles").WithSummary("设置用户角色")
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/deactivate", (Guid id, UserAdminService s, CancellationToken ct) => s.SetActiveAsync(id, false, ct)).WithName("Identity_DeactivateUser").WithSummary("停用用户")
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/activate", (Guid id, UserAdminService s, CancellationToken ct) => s.SetActiveAsync(id, true, ct)).WithName("Identity_ActivateUser").WithSummary("启用用户")
            .RequirePermission(CorePermissions.Users.Manage);
        g.MapPost("/users/{id:guid}/reveal", (Guid id, UserAdminService s, CancellationToken ct) => s.RevealAsync(id, ct)).WithName("Identity_RevealUser").WithSummary("查看用户完整个人信息（留痕）")
            .RequirePermission(CorePermissions.Pii.Reveal);
        g.MapGet("/roles", (RolePermissionService s, CancellationToken ct) => s.ListAsync(ct)).WithName("Identity_ListRoles").WithSummary("列出角色及其权限").RequirePermission(CorePermissions.Roles.Manage);
        g.MapPut("/roles/{name}/permissions", (string name, SetRolePermissionsInput input, RolePermissionService s, CancellationToken ct)
            => s.SetPermissionsAsync(name, input, ct)).WithName("Identity_SetRolePermissions").WithSummary("设置角色权限").RequirePermission(CorePermissions.Roles.Manage);
        g.MapGet("/permissions", (RolePermissionService s) => s.Permissions()).WithName("Identity_ListPermissions").WithSummary("列出全部权限").RequirePermission(CorePermissions.Roles.Manage);
    }

    public static void MapAuditEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Audit");
        g.MapGet("/verify", (AuditChain chain, CancellationToken ct) => chain.VerifyAsync(ct)).WithName("Audit_VerifyChain").WithSummary("校验审计日志哈希链").RequirePermission(CorePermissions.Audit.Read);
    }
}
