using Mediation.Core.Security;

namespace Mediation.Cases;

public static class CasesPermissions
{
    public static class Committees
    {
        public const string Read = "Cases.Committees.Read";
        public const string Manage = "Cases.Committees.Manage";
    }

    public static class Cases
    {
        public const string Read = "Cases.Cases.Read";
        public const string Register = "Cases.Cases.Register";
        public const string Assign = "Cases.Cases.Assign";
        public const string AssessRisk = "Cases.Cases.AssessRisk";
        public const string Conclude = "Cases.Cases.Conclude";
        /// <summary>Record the parties' consent to continue mediation beyond the one-month term.</summary>
        public const string ContinueTerm = "Cases.Cases.ContinueTerm";
    }

    public static class Sessions
    {
        public const string Record = "Cases.Sessions.Record";
    }

    public static class Visits
    {
        /// <summary>Record a follow-up visit (回访) and see the visits due.</summary>
        public const string Record = "Cases.Visits.Record";
    }

    public static class Documents
    {
        /// <summary>Print the session minutes (调解笔录) and the termination notice (终止调解告知书).</summary>
        public const string Issue = "Cases.Documents.Issue";
    }

    public static class Agreements
    {
        /// <summary>Issue the 调解协议书, mark it signed, record the court's judicial confirmation.</summary>
        public const string Manage = "Cases.Agreements.Manage";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Committees.Read, [RoleNames.Mediator, RoleNames.Coordinator, RoleNames.PetitionOfficer, RoleNames.LegalAdvisor, RoleNames.Statistician]),
        new(Committees.Manage, [RoleNames.Coordinator]),
        // Petition officers follow the cases handed over from their petitions (访调对接), within their scope.
        new(Cases.Read, [RoleNames.Mediator, RoleNames.Coordinator, RoleNames.Statistician, RoleNames.PetitionOfficer]),
        new(Cases.Register, [RoleNames.Mediator]),
        new(Cases.Assign, [RoleNames.Mediator, RoleNames.Coordinator]),
        new(Cases.AssessRisk, [RoleNames.Mediator]),
        new(Cases.Conclude, [RoleNames.Mediator]),
        new(Cases.ContinueTerm, [RoleNames.Mediator]),
        new(Sessions.Record, [RoleNames.Mediator]),
        new(Agreements.Manage, [RoleNames.Mediator]),
        new(Visits.Record, [RoleNames.Mediator]),
        new(Documents.Issue, [RoleNames.Mediator]),
    ];
}
