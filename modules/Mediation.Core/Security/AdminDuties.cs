namespace Mediation.Core.Security;

/// <summary>
/// 等保2.0 三权分立 expressed by permission: each admin duty owns the permissions listed here, and
/// the single place that says so. No role and no user may hold permissions of two duties, a
/// grant may not move another duty's permissions, and holding any of them requires a second factor.
/// Users.Read stays outside: security administration needs to see whom it grants to.
/// </summary>
public static class AdminDuties
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> PermissionsByDuty = new Dictionary<string, IReadOnlyList<string>>
    {
        [RoleNames.SystemAdmin] = [CorePermissions.Users.Manage, CorePermissions.Jobs.Dashboard],
        [RoleNames.SecurityAdmin] = [CorePermissions.Roles.Manage],
        [RoleNames.AuditAdmin] = [CorePermissions.Audit.Read],
    };

    private static readonly IReadOnlyDictionary<string, string> DutyByPermission =
        PermissionsByDuty.SelectMany(d => d.Value.Select(p => (Permission: p, Duty: d.Key))).ToDictionary(x => x.Permission, x => x.Duty);

    public static string? DutyOf(string permission) => DutyByPermission.GetValueOrDefault(permission);

    public static IReadOnlySet<string> DutiesOf(IEnumerable<string> permissions) =>
        permissions.Select(DutyOf).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static bool AnyDuty(IEnumerable<string> permissions) => permissions.Any(DutyByPermission.ContainsKey);
}
