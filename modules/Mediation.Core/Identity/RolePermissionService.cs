using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Identity;

public sealed record RoleDto(string Name, IReadOnlyList<string> Permissions);

public sealed record SetRolePermissionsInput(IReadOnlyList<string>? Permissions);

/// <summary>SecurityAdmin's surface: which role holds which permission.</summary>
public sealed class RolePermissionService(RoleManager<AppRole> roles, MediationDbContext db, PermissionCatalog catalog, SecurityAuditLog auditLog)
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
        db.RemoveRange(current.Where(g => !wanted.Contains(g.Permission)));
        db.AddRange(wanted.Except(current.Select(g => g.Permission)).Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(ct);
        await auditLog.WriteAsync(AuditActions.RoleChanged, new { role = roleName, before = current.Select(g => g.Permission), after = wanted },
            entityType: nameof(AppRole), entityId: roleName, ct: ct);
        return new RoleDto(role.Name!, wanted.Order().ToList());
    }

    /// <summary>Creates missing roles and, for a role created now, its default grants. Existing grants are SecurityAdmin's and stay.</summary>
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
    }
}
