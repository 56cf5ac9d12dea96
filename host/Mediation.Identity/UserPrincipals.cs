using System.Security.Claims;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

/// <summary>
/// Builds the principal a sign-in of the user would carry and lets <see cref="UserClaimsLoader"/> fill it exactly as on a request:
/// the same unit, scope and permissions, never more. Without a second-factor claim, admin duties stay out.
/// </summary>
internal sealed class UserPrincipals(MediationDbContext db, UserClaimsLoader loader) : IUserPrincipals
{
    public const string AuthenticationType = "background-work";

    public async Task<ClaimsPrincipal?> ForBackgroundWorkAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.UserName, u.SecurityStamp, u.IsActive }).SingleOrDefaultAsync(ct);
        if (user is null || !user.IsActive) return null;
        var identity = new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserId, userId.ToString()),
            new Claim(MediationClaimTypes.UserName, user.UserName ?? ""),
            new Claim(SignInService.SecurityStampClaim, user.SecurityStamp ?? ""),
        ], AuthenticationType, MediationClaimTypes.UserName, ClaimTypes.Role);
        var principal = await loader.TransformAsync(new ClaimsPrincipal(identity));
        return principal.Identity?.IsAuthenticated == true ? principal : null;
    }
}
