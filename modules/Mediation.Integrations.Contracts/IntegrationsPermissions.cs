using Mediation.Core.Security;

namespace Mediation.Integrations;

public static class IntegrationsPermissions
{
    public static class Systems
    {
        /// <summary>Register integrating systems (12345 platform…), issue their keys, set their scope, read the callback delivery log.</summary>
        public const string Manage = "Integrations.Systems.Manage";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Systems.Manage, [RoleNames.SystemAdmin]),
    ];
}
