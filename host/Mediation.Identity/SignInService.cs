using Mediation.Core.Identity;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Identity;

/// <summary>
/// Checks credentials for both the sign-in page and the token endpoint: rate limits per address and name,
/// lockout after repeated failures, a TOTP code for the separated admin roles, and an audit row for
/// every outcome. Unknown, inactive and locked accounts cost one password hash like any other, and
/// answer like a real account would, so replies and timing do not tell whether a name exists.
/// </summary>
internal sealed class SignInService(
    UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, MediationDbContext db, SecurityAuditLog auditLog,
    SignInCounts throttle, SignInConcurrency concurrency, IHttpContextAccessor http, TotpCodes totp, IOptions<IdentitySettings> settings,
    TimeProvider clock, IdentityChangeWatch identityChanges)
{
    public const string SecurityStampClaim = "AspNet.Identity.SecurityStamp";

    private static string? _dummyHash;

    public async Task<ClaimsPrincipal> AuthenticateAsync(string? userName, string? password, string? totpCode, CancellationToken ct)
    {
        var name = userName?.Trim() ?? "";
        var normalized = users.NormalizeName(name) ?? "";
        await throttle.EnsureAllowedAsync(http.HttpContext?.Connection.RemoteIpAddress?.ToString(), normalized, ct);
        using var turn = await concurrency.TakeTurnAsync(ct);
        var user = name.Length == 0 ? null : await users.FindByNameAsync(name);
        if (user is null || !user.IsActive || user.PasswordHash is null)
        {
            SpendOneHash(password);
            var locked = await throttle.FailUnknownAccountAndCheckLockedAsync(normalized, ct);
            await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason = user is null ? "unknown user" : "inactive" }, user?.Id, userName, ct: ct);
            throw new UnauthenticatedException(locked ? IdentityErrorCodes.LockedOut : IdentityErrorCodes.InvalidCredentials);
        }

        if (!await ReserveAttemptAsync(user, ct))
        {
            SpendOneHash(password);
            await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason = "locked out" }, user.Id, user.UserName, ct: ct);
            throw new UnauthenticatedException(IdentityErrorCodes.LockedOut);
        }

        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (verified == PasswordVerificationResult.Failed)
            throw await FailAsync(user, "wrong password", IdentityErrorCodes.InvalidCredentials, ct);

        var secondFactor = false;
        if (user.TwoFactorEnabled && await users.GetAuthenticatorKeyAsync(user) is { } key)
        {
            if (string.IsNullOrWhiteSpace(totpCode))
            {
                await ReleaseAttemptAsync(user, ct);
                await auditLog.WriteAsync(AuditActions.PasswordWithoutSecondFactor, null, user.Id, user.UserName, ct: ct);
                throw new UnauthenticatedException(IdentityErrorCodes.TwoFactorRequired);
            }
            if (totp.Match(key, totpCode) is not { } step || !await totp.ClaimAsync(user.Id, step, ct))
            {
                await auditLog.WriteAsync(AuditActions.PasswordWithoutSecondFactor, new { reason = "wrong or replayed code" }, user.Id, user.UserName, ct: ct);
                throw await FailAsync(user, "wrong or replayed second factor", IdentityErrorCodes.InvalidTwoFactorCode, ct);
            }
            secondFactor = true;
        }

        await SucceedAsync(user, verified == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password!) : null, ct);
        await auditLog.WriteAsync(AuditActions.SignIn, new { secondFactor }, user.Id, user.UserName, ct: ct);
        return CreatePrincipal(user, clock.GetUtcNow(), secondFactor);
    }

    /// <summary>
    /// Whoever holds a permission of an admin duty (三权分立, 等保2.0 level 3) needs a second factor,
    /// whichever role it came through; without an enrolled authenticator he may sign in only to enrol.
    /// </summary>
    public async Task<bool> NeedsSecondFactorEnrolmentAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        if (user.TwoFactorEnabled) return false;
        var permissions = await (
            from userRole in db.Set<IdentityUserRole<Guid>>()
            join grant in db.Set<RolePermission>() on userRole.RoleId equals grant.RoleId
            where userRole.UserId == userId
            select grant.Permission).ToListAsync(ct);
        return AdminDuties.AnyDuty(permissions);
    }

    /// <summary>
    /// Ends every cookie and token of the user: they carry the security stamp, and each request
    /// compares it with the stored one (<see cref="UserClaimsLoader"/>).
    /// </summary>
    public async Task RotateSecurityStampAsync(Guid userId, CancellationToken ct)
    {
        var stamp = NewStamp();
        await db.Set<AppUser>().IgnoreQueryFilters().Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
        identityChanges.ChangedWithoutSave();
    }

    /// <summary>The cookie/token carries identity only; unit and permissions are loaded fresh on each request.</summary>
    public static ClaimsPrincipal CreatePrincipal(AppUser user, DateTimeOffset issuedAt, bool secondFactor, string authenticationType = "Mediation")
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserId, user.Id.ToString()),
            new Claim(MediationClaimTypes.UserName, user.UserName!),
            new Claim(MediationClaimTypes.IssuedAt, issuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new Claim(SecurityStampClaim, user.SecurityStamp ?? ""),
        ], authenticationType, MediationClaimTypes.UserName, ClaimTypes.Role);
        if (secondFactor) identity.AddClaim(new Claim(MediationClaimTypes.SecondFactor, "totp"));
        return new ClaimsPrincipal(identity);
    }

    /// <summary>
    /// Takes one of the allowed attempts with a single conditional UPDATE before the password is
    /// checked, so parallel attempts cannot all read "not locked" and all be checked: exactly
    /// MaxFailedAttempts get through, the rest are refused as locked.
    /// </summary>
    private async Task<bool> ReserveAttemptAsync(AppUser user, CancellationToken ct)
    {
        if (!user.LockoutEnabled) return true;
        var now = clock.GetUtcNow();
        var max = settings.Value.MaxFailedAttempts;
        return await Users(user.Id)
            .Where(u => u.AccessFailedCount < max && (u.LockoutEnd == null || u.LockoutEnd <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), ct) == 1;
    }

    /// <summary>A correct password without the code neither fails nor succeeds: the attempt is given back.</summary>
    private async Task ReleaseAttemptAsync(AppUser user, CancellationToken ct)
    {
        if (user.LockoutEnabled)
            await Users(user.Id).Where(u => u.AccessFailedCount > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount - 1), ct);
    }

    /// <summary>The failed attempt stays counted; the one that reaches the limit locks the account and ends its sessions.</summary>
    private async Task<UnauthenticatedException> FailAsync(AppUser user, string reason, string code, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + settings.Value.LockoutDuration;
        var max = settings.Value.MaxFailedAttempts;
        var stamp = NewStamp();
        var locked = user.LockoutEnabled && await Users(user.Id).Where(u => u.AccessFailedCount >= max)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.LockoutEnd, until)
                .SetProperty(u => u.AccessFailedCount, 0)
                .SetProperty(u => u.SecurityStamp, stamp), ct) == 1;
        if (locked)
        {
            identityChanges.ChangedWithoutSave();
            await auditLog.WriteAsync(AuditActions.LockedOut, new { reason, until }, user.Id, user.UserName, ct: ct);
            return new UnauthenticatedException(IdentityErrorCodes.LockedOut);
        }
        await auditLog.WriteAsync(AuditActions.SignInFailed, new { reason }, user.Id, user.UserName, ct: ct);
        return new UnauthenticatedException(code);
    }

    private async Task SucceedAsync(AppUser user, string? rehashed, CancellationToken ct)
    {
        if (rehashed is null) await Users(user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), ct);
        else await Users(user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.PasswordHash, rehashed), ct);
    }

    private IQueryable<AppUser> Users(Guid id) => db.Set<AppUser>().IgnoreQueryFilters().Where(u => u.Id == id);

    private void SpendOneHash(string? password)
    {
        var dummy = new AppUser();
        _dummyHash ??= hasher.HashPassword(dummy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(dummy, _dummyHash, password ?? "");
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
