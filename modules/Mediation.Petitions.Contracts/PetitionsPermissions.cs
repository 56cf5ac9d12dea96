using Mediation.Core.Security;

namespace Mediation.Petitions;

public static class PetitionsPermissions
{
    public static class Petitions
    {
        public const string Read = "Petitions.Petitions.Read";
        /// <summary>Register from any channel, check duplicates, upload attachments.</summary>
        public const string Register = "Petitions.Petitions.Register";
        /// <summary>Accept, not accept, object to a misrouted transfer (Art. 23); link a repeat (Art. 26).</summary>
        public const string Decide = "Petitions.Petitions.Decide";
        /// <summary>Pause and resume handling, issue the reply, review and re-examination opinions, propose a joint meeting.</summary>
        public const string Handle = "Petitions.Petitions.Handle";
        /// <summary>访调对接: hand an accepted civil dispute over to a mediation committee.</summary>
        public const string HandOver = "Petitions.Petitions.HandOver";
    }

    public static class Extensions
    {
        /// <summary>Art. 34: the extension is approved by the body's head, not by the handler.</summary>
        public const string Approve = "Petitions.Extensions.Approve";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Petitions.Read, [RoleNames.PetitionOfficer, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Petitions.Register, [RoleNames.PetitionOfficer]),
        new(Petitions.Decide, [RoleNames.PetitionOfficer]),
        new(Petitions.Handle, [RoleNames.PetitionOfficer]),
        new(Petitions.HandOver, [RoleNames.PetitionOfficer]),
        new(Extensions.Approve, [RoleNames.Coordinator]),
    ];
}
