using Mediation.Core.Security;

namespace Mediation.Petitions;

public static class PetitionsPermissions
{
    public static class Petitions
    {
        public const string Read = "Petitions.Petitions.Read";
        /// <summary>Register from any channel, check duplicates, upload attachments.</summary>
        public const string Register = "Petitions.Petitions.Register";
        /// <summary>Accept, not accept, object to a misrouted transfer (Art. 23); link a repeat (Art. 19 ¶3).</summary>
        public const string Decide = "Petitions.Petitions.Decide";
        /// <summary>Pause and resume handling, issue the reply, review and re-examination opinions, propose a joint meeting.</summary>
        public const string Handle = "Petitions.Petitions.Handle";
        /// <summary>访调对接: hand an accepted civil dispute over to a mediation committee.</summary>
        public const string HandOver = "Petitions.Petitions.HandOver";
    }

    public static class Extensions
    {
        /// <summary>
        /// Art. 34: "经本机关、单位负责人批准" — the body's head (UnitHead) approves, not the handler and not the 政法委 coordinator.
        /// A new name, so a database that granted the earlier permission to Coordinator does not carry that grant over.
        /// </summary>
        public const string Approve = "Petitions.Extensions.ApproveAsUnitHead";
    }

    public static class Opinions
    {
        /// <summary>
        /// The 处理意见书, 复查意见 and 复核意见 are issued in the body's name (Arts. 32, 35, 36: "有权处理的机关、单位", "提出复查意见，并予以书面答复"),
        /// so its head (负责人, UnitHead) signs them off before issue — the officer drafts, the head of that very unit signs or returns.
        /// </summary>
        public const string SignOff = "Petitions.Opinions.SignOffAsUnitHead";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Petitions.Read, [RoleNames.PetitionOfficer, RoleNames.UnitHead, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Petitions.Register, [RoleNames.PetitionOfficer]),
        new(Petitions.Decide, [RoleNames.PetitionOfficer]),
        new(Petitions.Handle, [RoleNames.PetitionOfficer]),
        new(Petitions.HandOver, [RoleNames.PetitionOfficer]),
        new(Extensions.Approve, [RoleNames.UnitHead]),
        new(Opinions.SignOff, [RoleNames.UnitHead]),
    ];
}
