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
    }

    public static class Sessions
    {
        public const string Record = "Cases.Sessions.Record";
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
        new(Cases.Read, [RoleNames.Mediator, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Cases.Register, [RoleNames.Mediator]),
        new(Cases.Assign, [RoleNames.Mediator, RoleNames.Coordinator]),
        new(Cases.AssessRisk, [RoleNames.Mediator]),
        new(Cases.Conclude, [RoleNames.Mediator]),
        new(Sessions.Record, [RoleNames.Mediator]),
        new(Agreements.Manage, [RoleNames.Mediator]),
    ];
}
