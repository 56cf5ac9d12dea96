using Mediation.Core.Security;

namespace Mediation.JointMeetings;

public static class JointMeetingsPermissions
{
    public static class Meetings
    {
        /// <summary>The working group, its meetings, agenda, decisions and every task of the group, the supervision list.</summary>
        public const string Read = "JointMeetings.Meetings.Read";

        /// <summary>政法委 / 综治中心: member units, meetings, agenda, decisions, assigning and accepting tasks, 约谈 / 挂牌督办.</summary>
        public const string Manage = "JointMeetings.Meetings.Manage";
    }

    public static class Tasks
    {
        /// <summary>A member unit's liaison: sees his unit's tasks, reports progress and completion of the tasks his unit leads.</summary>
        public const string Report = "JointMeetings.Tasks.Report";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Meetings.Read, [RoleNames.Coordinator, RoleNames.Statistician]),
        new(Meetings.Manage, [RoleNames.Coordinator]),
        new(Tasks.Report, [RoleNames.UnitHead, RoleNames.PetitionOfficer, RoleNames.Mediator, RoleNames.LegalAdvisor, RoleNames.DeskOfficer]),
    ];
}
