namespace Mediation.Host.Data.Migrations;

/// <summary>
/// The permissions declared when core.AppliedPermissionDefaults was created. A database of that time had already given their defaults
/// (to each role at its creation, or by a grant migration such as GrantNoticesReadToStaff), and SecurityAdmin may have revoked some
/// since: the migration records them as applied, so only permissions declared later are granted at start-up. Fixed for good, like the
/// migration that uses it.
/// </summary>
internal static class PermissionsBeforeAppliedDefaults
{
    public static readonly string[] Names =
    [
        "Calendar.Manage",
        "Cases.Agreements.Manage", "Cases.Cases.AssessRisk", "Cases.Cases.Assign", "Cases.Cases.Conclude", "Cases.Cases.ContinueTerm",
        "Cases.Cases.Read", "Cases.Cases.Register", "Cases.Committees.Manage", "Cases.Committees.Read", "Cases.Documents.Issue",
        "Cases.Sessions.Record", "Cases.Visits.Record",
        "Core.Audit.Read", "Core.Jobs.Dashboard", "Core.Notices.Read", "Core.OrgUnits.Manage", "Core.Roles.Manage", "Core.Users.Manage",
        "Core.Users.Read",
        "Deadlines.Clocks.Read", "Deadlines.Dashboard.Read",
        "Documents.Archive.Read", "Documents.Archive.Verify", "Documents.Templates.Manage", "Documents.Templates.Read",
        "JointMeetings.Meetings.Manage", "JointMeetings.Meetings.Read", "JointMeetings.Tasks.Report",
        "LegalWindows.Services.Ledger", "LegalWindows.Services.Read", "LegalWindows.Services.Record", "LegalWindows.Services.Refer",
        "LegalWindows.Windows.Manage", "LegalWindows.Windows.Read", "LegalWindows.Windows.SwapShift",
        "Petitions.Extensions.ApproveAsUnitHead", "Petitions.Opinions.SignOffAsUnitHead", "Petitions.Petitions.Decide",
        "Petitions.Petitions.HandOver", "Petitions.Petitions.Handle", "Petitions.Petitions.Read", "Petitions.Petitions.Register",
        "Pii.Reveal",
        "ServiceDesk.Desk.Handle", "ServiceDesk.Desk.Ledger", "ServiceDesk.Desk.Read", "ServiceDesk.Desk.Supervise", "ServiceDesk.Portal.Use",
        "Statistics.Figures.Export", "Statistics.Figures.Read", "Statistics.Figures.Recount",
    ];
}
