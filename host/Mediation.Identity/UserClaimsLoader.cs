using System.Collections.Concurrent;
using Mediation.Core.Identity;
using System.Security.Claims;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Identity;

/// <summary>
/// On every authenticated request: checks the account is still active and unchanged (security
/// stamp), then adds the user's unit and current permissions. A revoked grant or a moved unit
/// therefore takes effect on the next request, not at the next sign-in.
/// One query per request (issue 17: two before): the account, its unit and its roles with each role's concurrency stamp. The
/// permissions of a role come from <see cref="RolePermissionCache"/> while the role's stamp is the one they were read under;
/// every change of a role's grants renews that stamp in the same transaction (<see cref="RolePermissionService"/>), on any host.
/// What the query and the grants give is kept per process for a moment (<see cref="UserClaimsCache"/>): dropped at once by any change
/// this process saves, read again after <see cref="IdentitySettings.ClaimsCacheDuration"/> for another host's.
/// </summary>
internal sealed class UserClaimsLoader(MediationDbContext db, RolePermissionCache rolePermissions, UserClaimsCache accounts) : IClaimsTransformation
{
    private const string LoadedMarker = "mediation:loaded";

    private sealed record AccountRow(bool IsActive, string? SecurityStamp, string DisplayName, Guid OrgUnitId, string? UnitPath, string? UnitName,
        Guid? RoleId, string? RoleStamp);

    // Compiled once per model (a test process runs SQLite and PostgreSQL hosts side by side, and EF binds a compiled query to the
    // model it first ran with): building, funcletizing and looking up the LINQ tree on every request cost about a quarter of the
    // loader's CPU (issue 17, profile of the intake bench).
    private static readonly ConcurrentDictionary<IModel, Func<MediationDbContext, Guid, IAsyncEnumerable<AccountRow>>> AccountWithUnitAndRoles = new();

    private static Func<MediationDbContext, Guid, IAsyncEnumerable<AccountRow>> CompileAccountWithUnitAndRoles() => EF.CompileAsyncQuery(
        (MediationDbContext db, Guid userId) =>
            from u in db.Set<AppUser>().AsNoTracking()
            where u.Id == userId
            from o in db.Set<OrgUnit>().AsNoTracking().Where(o => o.Id == u.OrgUnitId).DefaultIfEmpty()
            from userRole in db.Set<IdentityUserRole<Guid>>().Where(ur => ur.UserId == u.Id).DefaultIfEmpty()
            from role in db.Set<AppRole>().Where(r => r.Id == userRole.RoleId).DefaultIfEmpty()
            select new AccountRow(u.IsActive, u.SecurityStamp, u.DisplayName, u.OrgUnitId, o == null ? null : o.Path, o == null ? null : o.Name,
                role == null ? null : role.Id, role == null ? null : role.ConcurrencyStamp));

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == LoadedMarker)) return principal;
        if (!Guid.TryParse(principal.FindFirstValue(MediationClaimTypes.UserId), out var userId)) return new ClaimsPrincipal(new ClaimsIdentity());

        if (!accounts.TryGet(userId, out var user))
        {
            var generation = accounts.Generation;
            var loaded = await LoadAsync(userId);
            if (loaded is null) return new ClaimsPrincipal(new ClaimsIdentity());
            accounts.Store(userId, generation, loaded);
            user = loaded;
        }
        var stamp = principal.FindFirstValue(SignInService.SecurityStampClaim);
        if (!user.IsActive || user.SecurityStamp != stamp) return new ClaimsPrincipal(new ClaimsIdentity());
        IEnumerable<string> permissions = user.Permissions;

        var identity = (ClaimsIdentity)principal.Identity;
        var enriched = new ClaimsIdentity(identity.Claims, identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        enriched.AddClaim(new Claim(LoadedMarker, "1"));
        enriched.AddClaim(new Claim(MediationClaimTypes.DisplayName, user.DisplayName));
        enriched.AddClaim(new Claim(MediationClaimTypes.OrgUnitId, user.OrgUnitId.ToString()));
        if (user is { UnitPath: { } path, UnitName: { } name })
        {
            enriched.AddClaim(new Claim(MediationClaimTypes.OrgUnitPath, path));
            enriched.AddClaim(new Claim(MediationClaimTypes.OrgUnitName, name));
        }
        // Admin duties need the second factor by permission, whichever role grants them: a session
        // signed in without a code keeps its ordinary permissions only.
        if (!principal.HasClaim(c => c.Type == MediationClaimTypes.SecondFactor))
            permissions = permissions.Where(p => AdminDuties.DutyOf(p) is null);
        foreach (var permission in permissions) enriched.AddClaim(new Claim(MediationClaimTypes.Permission, permission));
        return new ClaimsPrincipal(enriched);
    }

    /// <summary>The account, its unit and its roles in one round trip (one row per role), the roles' permissions from their cache.</summary>
    private async Task<LoadedAccount?> LoadAsync(Guid userId)
    {
        var rows = new List<AccountRow>(4);
        await foreach (var row in AccountWithUnitAndRoles.GetOrAdd(db.Model, _ => CompileAccountWithUnitAndRoles())(db, userId)) rows.Add(row);
        if (rows.FirstOrDefault() is not { } user) return null;
        var roles = rows.Where(r => r.RoleId is not null).Select(r => new RoleStamp(r.RoleId!.Value, r.RoleStamp)).Distinct().ToList();
        var permissions = (await rolePermissions.PermissionsOfAsync(db, roles, CancellationToken.None)).ToArray();
        return new LoadedAccount(user.IsActive, user.SecurityStamp, user.DisplayName, user.OrgUnitId, user.UnitPath, user.UnitName, permissions);
    }
}
