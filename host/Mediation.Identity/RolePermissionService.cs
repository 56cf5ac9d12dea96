using Mediation.Core.Identity;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Identity;

public sealed record RoleDto(string Name, IReadOnlyList<string> Permissions);

public sealed record SetRolePermissionsInput(IReadOnlyList<string>? Permissions);

/// <summary>SecurityAdmin's surface: which role holds which permission.</summary>
internal sealed class RolePermissionService(RoleManager<AppRole> roles, MediationDbContext db, PermissionCatalog catalog, SecurityAuditLog auditLog,
    ICurrentUser caller, ILogger<RolePermissionService> logger)
{
    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken ct)
    {
        var all = await db.Set<AppRole>().AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var grants = await db.Set<RolePermission>().AsNoTracking().ToListAsync(ct);
        return all.Select(r => new RoleDto(r.Name!, grants.Where(g => g.RoleId == r.Id).Select(g => g.Permission).Order().ToList())).ToList();
    }

    public IReadOnlyList<PermissionDefinition> Permissions() => catalog.Definitions;

    public async Task<RoleDto> SetPermissionsAsync(string roleName, SetRolePermissionsInput input, CancellationToken ct)
    {
        var wanted = (input.Permissions ?? []).Distinct().ToList();
        var unknown = wanted.Where(p => !catalog.Names.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new InputValidationException([new FieldError("permissions", IdentityErrorCodes.UnknownPermission, new Dictionary<string, object?> { ["permission"] = string.Join(", ", unknown) })]);
        var role = await roles.FindByNameAsync(roleName) ?? throw new EntityNotFoundException(nameof(AppRole), roleName);

        var current = await db.Set<RolePermission>().Where(g => g.RoleId == role.Id).ToListAsync(ct);
        await EnsureDutiesSeparatedAsync(role, current.Select(g => g.Permission).ToList(), wanted, ct);
        db.RemoveRange(current.Where(g => !wanted.Contains(g.Permission)));
        db.AddRange(wanted.Except(current.Select(g => g.Permission)).Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        RenewStamp(role);
        await db.SaveChangesAsync(ct);
        await auditLog.WriteAsync(AuditActions.RoleChanged, new { role = roleName, before = current.Select(g => g.Permission), after = wanted },
            entityType: nameof(AppRole), entityId: roleName, ct: ct);
        return new RoleDto(role.Name!, wanted.Order().ToList());
    }

    /// <summary>
    /// Separation of duties by permission, not by role name: the caller cannot add or remove another
    /// duty's permissions on any role (so SecurityAdmin never grants itself or anyone user management,
    /// audit reading or the job dashboard), and afterwards no role and no user holds two duties.
    /// </summary>
    private async Task EnsureDutiesSeparatedAsync(AppRole role, IReadOnlyList<string> before, IReadOnlyList<string> after, CancellationToken ct)
    {
        var callerDuties = AdminDuties.DutiesOf(catalog.Names.Where(caller.HasPermission));
        var foreign = before.Except(after).Concat(after.Except(before))
            .Where(p => AdminDuties.DutyOf(p) is { } duty && !callerDuties.Contains(duty)).Order().ToList();
        if (foreign.Count > 0)
            throw new BusinessException(IdentityErrorCodes.DutyPermissionNotGrantable, new Dictionary<string, object?> { ["permission"] = string.Join(", ", foreign) });

        var roleDuties = AdminDuties.DutiesOf(after);
        if (roleDuties.Count > 1) throw AdminDutiesSeparated(roleDuties);
        if (roleDuties.Count == 0) return;

        var holders = db.Set<IdentityUserRole<Guid>>().Where(ur => ur.RoleId == role.Id).Select(ur => ur.UserId);
        var otherGrants = await (
            from userRole in db.Set<IdentityUserRole<Guid>>().Where(ur => holders.Contains(ur.UserId) && ur.RoleId != role.Id)
            join grant in db.Set<RolePermission>() on userRole.RoleId equals grant.RoleId
            select new { userRole.UserId, grant.Permission }).ToListAsync(ct);
        foreach (var user in otherGrants.GroupBy(g => g.UserId))
        {
            var duties = AdminDuties.DutiesOf(user.Select(g => g.Permission).Concat(after));
            if (duties.Count > 1) throw AdminDutiesSeparated(duties);
        }
    }

    /// <summary>
    /// Saved with the grants: the claims loader of every host keeps a role's permissions while its stamp is unchanged
    /// (<see cref="RolePermissionCache"/>), so a new stamp makes the next request read them again. The stamp is the role's
    /// concurrency token, so two administrators editing one role at once no longer both win.
    /// </summary>
    private void RenewStamp(AppRole role) => db.Entry(role).Property(r => r.ConcurrencyStamp).CurrentValue = Guid.NewGuid().ToString();

    internal static BusinessException AdminDutiesSeparated(IEnumerable<string> duties) =>
        new(IdentityErrorCodes.AdminDutiesSeparated, new Dictionary<string, object?> { ["roles"] = string.Join(", ", duties.Order()) });

    /// <summary>
    /// Creates missing roles with every permission's default grants, then gives existing roles the defaults of each permission this
    /// database has not met before. Grants SecurityAdmin made or revoked for a permission already met stay as they are.
    /// </summary>
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var name in RoleNames.All)
        {
            if (await roles.RoleExistsAsync(name)) continue;
            var role = new AppRole(name);
            await roles.CreateAsync(role);
            db.AddRange(catalog.Definitions.Where(d => d.DefaultRoles.Contains(name)).Select(d => new RolePermission { RoleId = role.Id, Permission = d.Name }));
            await db.SaveChangesAsync(ct);
        }
        await ApplyNewPermissionDefaultsAsync(ct);
    }

    private async Task ApplyNewPermissionDefaultsAsync(CancellationToken ct)
    {
        var pending = await PendingDefaultsAsync(ct);
        if (pending.Count == 0) return;
        var names = pending.Select(d => d.Name).ToList();
        var allRoles = await db.Set<AppRole>().ToListAsync(ct);
        var roleIds = allRoles.ToDictionary(r => r.Name!, r => r.Id);
        var held = (await db.Set<RolePermission>().AsNoTracking().Where(g => names.Contains(g.Permission)).ToListAsync(ct))
            .Select(g => (g.RoleId, g.Permission)).ToHashSet();
        foreach (var definition in pending)
        {
            db.Add(new AppliedPermissionDefault { Permission = definition.Name });
            var granted = definition.DefaultRoles.Where(r => roleIds.ContainsKey(r) && !held.Contains((roleIds[r], definition.Name))).ToList();
            db.AddRange(granted.Select(r => new RolePermission { RoleId = roleIds[r], Permission = definition.Name }));
            foreach (var role in allRoles.Where(r => granted.Contains(r.Name!))) RenewStamp(role);
            if (granted.Count > 0) logger.LogInformation("Permission {Permission} granted to its default roles {Roles}", definition.Name, string.Join(", ", granted));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Hosts starting together: another one may have recorded them first, with the same grants.
            db.ChangeTracker.Clear();
            if ((await PendingDefaultsAsync(ct)).Count > 0) throw;
        }
    }

    private async Task<List<PermissionDefinition>> PendingDefaultsAsync(CancellationToken ct)
    {
        var applied = (await db.Set<AppliedPermissionDefault>().AsNoTracking().Select(a => a.Permission).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return catalog.Definitions.Where(d => !applied.Contains(d.Name)).ToList();
    }
}
