namespace Mediation.Statistics;

/// <summary>What other modules and the host may know about the Statistics module without referencing it.</summary>
public static class StatisticsModuleInfo
{
    public const string Name = "statistics";
    public const string ApiPrefix = "/api/statistics";
}
