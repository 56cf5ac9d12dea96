using Mediation.Core.Security;

namespace Mediation.ServiceDesk;

public static class ServiceDeskPermissions
{
    /// <summary>Staff side: the queue, request details, enterprises and visits of the desk's unit.</summary>
    public static class Desk
    {
        public const string Read = "ServiceDesk.Desk.Read";
        /// <summary>Take a request (首问负责), transfer it, send the materials notice, conclude, record the legal route, record visits.</summary>
        public const string Handle = "ServiceDesk.Desk.Handle";
        /// <summary>The desk head: approve enterprises, review a request the enterprise rated 不满意.</summary>
        public const string Supervise = "ServiceDesk.Desk.Supervise";
        /// <summary>The 工作台账 in Excel and the three rates.</summary>
        public const string Ledger = "ServiceDesk.Desk.Ledger";
    }

    /// <summary>Outside side: an enterprise's own users file and follow their enterprise's requests, nothing else.</summary>
    public static class Portal
    {
        public const string Use = "ServiceDesk.Portal.Use";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Desk.Read, [RoleNames.DeskOfficer, RoleNames.UnitHead, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Desk.Handle, [RoleNames.DeskOfficer]),
        new(Desk.Supervise, [RoleNames.UnitHead]),
        new(Desk.Ledger, [RoleNames.DeskOfficer, RoleNames.UnitHead, RoleNames.Statistician]),
        new(Portal.Use, [RoleNames.EnterpriseUser]),
    ];
}
