using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Security;

/// <summary>
/// A permission a module declares in its Contracts, with the roles that hold it out of the box.
/// A database gives the defaults once per permission — to a role when it is created, to the existing roles at the first start that
/// knows the permission — and SecurityAdmin's later changes stand.
/// </summary>
public sealed record PermissionDefinition(string Name, IReadOnlyList<string> DefaultRoles);

public static class CorePermissions
{
    public static class OrgUnits
    {
        /// <summary>Read the tree and its units. Staff only: an enterprise's portal account has no reason to see the county's structure.</summary>
        public const string Read = "Core.OrgUnits.Read";
        public const string Manage = "Core.OrgUnits.Manage";
    }

    public static class Users
    {
        public const string Read = "Core.Users.Read";
        public const string Manage = "Core.Users.Manage";
    }

    public static class Roles
    {
        public const string Manage = "Core.Roles.Manage";
    }

    public static class Audit
    {
        public const string Read = "Core.Audit.Read";
    }

    public static class Jobs
    {
        public const string Dashboard = "Core.Jobs.Dashboard";
    }

    public static class Notices
    {
        /// <summary>Read the own unit's in-app notices. Not an enterprise's portal account: it belongs to the desk's unit, not to its staff.</summary>
        public const string Read = "Core.Notices.Read";
    }

    public static class Pii
    {
        /// <summary>See unmasked 身份证号 and phone numbers; every reveal is audited.</summary>
        public const string Reveal = "Pii.Reveal";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(OrgUnits.Read, [.. RoleNames.All.Where(r => r != RoleNames.EnterpriseUser)]),
        new(OrgUnits.Manage, [RoleNames.SystemAdmin]),
        new(Users.Read, [RoleNames.SystemAdmin, RoleNames.SecurityAdmin]),
        new(Users.Manage, [RoleNames.SystemAdmin]),
        new(Roles.Manage, [RoleNames.SecurityAdmin]),
        new(Audit.Read, [RoleNames.AuditAdmin]),
        new(Jobs.Dashboard, [RoleNames.SystemAdmin]),
        new(Pii.Reveal, [RoleNames.Mediator, RoleNames.PetitionOfficer]),
        new(Notices.Read, [.. RoleNames.All.Where(r => r != RoleNames.EnterpriseUser)]),
    ];
}

public sealed class PermissionCatalog
{
    public PermissionCatalog(IEnumerable<PermissionRegistration> registrations)
    {
        var all = registrations.SelectMany(r => r.Definitions).ToList();
        var duplicate = all.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Permission '{duplicate.Key}' is declared twice.");
        Definitions = all;
        Names = all.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<PermissionDefinition> Definitions { get; }

    public IReadOnlySet<string> Names { get; }
}

public sealed record PermissionRegistration(IReadOnlyList<PermissionDefinition> Definitions);

public static class PermissionServiceCollectionExtensions
{
    public static IServiceCollection AddPermissions(this IServiceCollection services, IReadOnlyList<PermissionDefinition> definitions)
    {
        services.AddSingleton(new PermissionRegistration(definitions));
        return services;
    }
}
