using Mediation.Core.Security;

namespace Mediation.Statistics;

public static class StatisticsPermissions
{
    public static class Figures
    {
        /// <summary>The figures of the caller's unit and the units below it, their drill-down lists and the dashboard.</summary>
        public const string Read = "Statistics.Figures.Read";
        /// <summary>The report as PDF and Excel.</summary>
        public const string Export = "Statistics.Figures.Export";
        /// <summary>Recount every figure from the modules' records (after a restore, or to check the kept figures).</summary>
        public const string Recount = "Statistics.Figures.Recount";
    }

    public static readonly IReadOnlyList<PermissionDefinition> Definitions =
    [
        new(Figures.Read, [RoleNames.Statistician, RoleNames.UnitHead, RoleNames.Coordinator]),
        new(Figures.Export, [RoleNames.Statistician, RoleNames.UnitHead]),
        new(Figures.Recount, [RoleNames.SystemAdmin]),
    ];
}
