using Mediation.Core.Security;

namespace Mediation.LegalWindows;

public static class LegalWindowsPermissions
{
    public static class Windows
    {
        /// <summary>Windows, advisors, the roster, who is on duty, the coverage view.</summary>
        public const string Read = "LegalWindows.Windows.Read";
        /// <summary>The county 司法局 / township 司法所: open windows, register advisors, attach them, build the roster.</summary>
        public const string Manage = "LegalWindows.Windows.Manage";
        /// <summary>Hand a shift to another advisor, with the reason.</summary>
        public const string SwapShift = "LegalWindows.Windows.SwapShift";
    }

    public static class Services
    {
        public const string Read = "LegalWindows.Services.Read";
        /// <summary>Record a service of the four kinds, move a 代办 errand on, print its form or receipt.</summary>
        public const string Record = "LegalWindows.Services.Record";
        /// <summary>Refer a dispute to a mediation committee with the parties' consent.</summary>
        public const string Refer = "LegalWindows.Services.Refer";
        /// <summary>The monthly service ledger in Excel.</summary>
        public const string Ledger = "LegalWindows.Services.Ledger";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Windows.Read, [RoleNames.LegalAdvisor, RoleNames.UnitHead, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Windows.Manage, [RoleNames.UnitHead]),
        new(Windows.SwapShift, [RoleNames.LegalAdvisor, RoleNames.UnitHead]),
        new(Services.Read, [RoleNames.LegalAdvisor, RoleNames.UnitHead, RoleNames.Coordinator, RoleNames.Statistician]),
        new(Services.Record, [RoleNames.LegalAdvisor]),
        new(Services.Refer, [RoleNames.LegalAdvisor]),
        new(Services.Ledger, [RoleNames.LegalAdvisor, RoleNames.UnitHead, RoleNames.Statistician]),
    ];
}
