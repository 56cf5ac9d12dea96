using System.Globalization;
using System.Security.Claims;
using Mediation.Core.Auditing;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Core.Identity;

/// <summary>
/// Checks credentials for both the sign-in page and the token endpoint: lockout after repeated
/// failures, a TOTP code for the separated admin roles, and an audit row for every outcome.
/// </summary>
public sealed class SignInService(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityAuditLog auditLog, TimeProvider clock)
{
    public async Task<ClaimsPrincipal> AuthenticateAsync(string? userName, string? password, string? totpCode, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive || string.IsNullOrEmpty(password))
        {
            await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason = "unknown user or inactive" }, userName: userName, ct: ct);
            throw new UnauthenticatedException(IdentityErrorCodes.InvalidCredentials);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await auditLog.WriteAsync(AuditActions.LockedOut, new { until = user.LockoutEnd }, user.Id, user.UserName, ct: ct);
            throw new UnauthenticatedException(IdentityErrorCodes.LockedOut);
        }
        if (!result.Succeeded)
        {
            await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason = "wrong password", failures = user.AccessFailedCount }, user.Id, user.UserName, ct: ct);
            throw new UnauthenticatedException(IdentityErrorCodes.InvalidCredentials);
        }

        if (await RequiresSecondFactorAsync(user))
        {
            if (string.IsNullOrWhiteSpace(totpCode))
                throw new UnauthenticatedException(IdentityErrorCodes.TwoFactorRequired);
            var valid = await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, totpCode.Replace(" ", "", StringComparison.Ordinal));
            if (!valid)
            {
                await users.AccessFailedAsync(user);
                await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason = "wrong second factor" }, user.Id, user.UserName, ct: ct);
                throw new UnauthenticatedException(IdentityErrorCodes.InvalidTwoFactorCode);
            }
        }

        await auditLog.WriteAsync(AuditActions.SignIn, null, user.Id, user.UserName, ct: ct);
        return CreatePrincipal(user, clock.GetUtcNow());
    }

    /// <summary>The separated admin duties always need a second factor (等保2.0 level 3).</summary>
    public async Task<bool> RequiresSecondFactorAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return roles.Any(r => RoleNames.SeparatedAdminDuties.Contains(r));
    }

    /// <summary>The cookie/token carries identity only; unit and permissions are loaded fresh on each request.</summary>
    public static ClaimsPrincipal CreatePrincipal(AppUser user, DateTimeOffset issuedAt, string authenticationType = "Mediation")
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserId, user.Id.ToString()),
            new Claim(MediationClaimTypes.UserName, user.UserName!),
            new Claim(MediationClaimTypes.IssuedAt, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new Claim("AspNet.Identity.SecurityStamp", user.SecurityStamp ?? ""),
        ], authenticationType, MediationClaimTypes.UserName, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }
}
