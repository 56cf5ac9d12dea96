using Mediation.Core.Security;

namespace Mediation.Core.Deadlines;

public static class CalendarPermissions
{
    /// <summary>Edit a year's holidays and 调休 days (SystemAdmin). Reading the calendar only needs sign-in.</summary>
    public const string Manage = "Calendar.Manage";
}

public static class DeadlinesPermissions
{
    public static class Clocks
    {
        public const string Read = "Deadlines.Clocks.Read";
    }

    public static class Dashboard
    {
        public const string Read = "Deadlines.Dashboard.Read";

        /// <summary>A unit head's or the 综治中心's workbench card: the subtree's overdue records, one line per unit below his own.</summary>
        public const string ReadByUnit = "Deadlines.Dashboard.ReadByUnit";

        /// <summary>The dashboard page's policy: either permission, since the by-unit card's lines open it.</summary>
        public const string PagePolicy = "Deadlines.Dashboard.Page";
    }

    private static readonly string[] CaseWorkers =
        [RoleNames.Mediator, RoleNames.PetitionOfficer, RoleNames.DeskOfficer, RoleNames.LegalAdvisor, RoleNames.Coordinator];

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(CalendarPermissions.Manage, [RoleNames.SystemAdmin]),
        new(Clocks.Read, [.. CaseWorkers, RoleNames.Statistician]),
        new(Dashboard.Read, [.. CaseWorkers, RoleNames.Statistician]),
        new(Dashboard.ReadByUnit, [RoleNames.UnitHead, RoleNames.Coordinator]),
    ];
}
