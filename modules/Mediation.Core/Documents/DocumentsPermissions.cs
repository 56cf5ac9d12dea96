using Mediation.Core.Security;

namespace Mediation.Core.Documents;

public static class DocumentsPermissions
{
    public const string GroupName = "Documents";

    public static class Templates
    {
        public const string Read = GroupName + ".Templates.Read";
        public const string Manage = GroupName + ".Templates.Manage";
    }

    public static class Archive
    {
        public const string Read = GroupName + ".Archive.Read";
        public const string Verify = GroupName + ".Archive.Verify";
    }

    private static readonly string[] Readers =
        [RoleNames.Mediator, RoleNames.PetitionOfficer, RoleNames.DeskOfficer, RoleNames.LegalAdvisor, RoleNames.Coordinator, RoleNames.Statistician];

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Templates.Read, [.. Readers, RoleNames.SystemAdmin]),
        new(Templates.Manage, [RoleNames.SystemAdmin]),
        new(Archive.Read, Readers),
        new(Archive.Verify, [.. Readers, RoleNames.AuditAdmin]),
    ];
}
