namespace Mediation.Statistics;

public static class StatisticsErrorCodes
{
    public const string PeriodInvalid = "Statistics:PeriodInvalid";
    public const string PeriodTooLong = "Statistics:PeriodTooLong";
    public const string PartInvalid = "Statistics:PartInvalid";
}
