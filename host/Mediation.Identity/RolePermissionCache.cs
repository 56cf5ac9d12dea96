using System.Collections.Concurrent;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

/// <summary>A role and the concurrency stamp it carries now.</summary>
internal readonly record struct RoleStamp(Guid RoleId, string? Stamp);

/// <summary>
/// The permissions of each role, kept per process and keyed by the role's concurrency stamp (issue 17: the claims loader read
/// them on every request). The stamp is the invalidation: <see cref="RolePermissionService"/> renews it in the transaction that
/// changes the role's grants, so the next request of any host reads the new stamp with the account and loads the grants again —
/// a revoked permission is gone on the next request, as before. A grant edited in the database by hand must renew the stamp too.
/// </summary>
internal sealed class RolePermissionCache
{
    private readonly ConcurrentDictionary<Guid, (string? Stamp, string[] Permissions)> _byRole = new();
    private long _loads;

    /// <summary>How many times grants were read from the database (tests prove requests are served from the cache).</summary>
    public long Loads => Interlocked.Read(ref _loads);

    /// <summary>The distinct permissions of the roles; the roles whose stamp is not the cached one are read in one query.</summary>
    public async Task<IReadOnlyCollection<string>> PermissionsOfAsync(MediationDbContext db, IReadOnlyList<RoleStamp> roles, CancellationToken ct)
    {
        var permissions = new HashSet<string>(StringComparer.Ordinal);
        var stale = new List<RoleStamp>();
        foreach (var role in roles)
        {
            if (_byRole.TryGetValue(role.RoleId, out var cached) && cached.Stamp == role.Stamp) permissions.UnionWith(cached.Permissions);
            else stale.Add(role);
        }
        if (stale.Count == 0) return permissions;

        Interlocked.Increment(ref _loads);
        var ids = stale.Select(r => r.RoleId).ToList();
        // Read after the stamps: grants change together with their role's stamp, so these are the grants of that stamp or newer —
        // never older. Newer grants kept under an old stamp are read again by the next request, which sees the new stamp.
        var grants = await db.Set<RolePermission>().AsNoTracking().Where(g => ids.Contains(g.RoleId))
            .Select(g => new { g.RoleId, g.Permission }).ToListAsync(ct);
        foreach (var role in stale)
        {
            var held = grants.Where(g => g.RoleId == role.RoleId).Select(g => g.Permission).ToArray();
            _byRole[role.RoleId] = (role.Stamp, held);
            permissions.UnionWith(held);
        }
        return permissions;
    }
}
