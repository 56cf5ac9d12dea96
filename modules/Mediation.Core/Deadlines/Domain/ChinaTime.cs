namespace Mediation.Core.Deadlines.Domain;

/// <summary>China Standard Time (+08:00, no daylight saving): the clock every period is counted on.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    /// <summary>The last second of a day in China: a day period is met until then.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => new(date.ToDateTime(new TimeOnly(23, 59, 59)), Offset);

    public static DateTimeOffset StartOfDay(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>
    /// A China day as a half-open range of UTC instants, for queries: PostgreSQL takes timestamptz parameters only in UTC (the
    /// instants are the same).
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayInUtc(DateOnly date)
    {
        var start = StartOfDay(date).ToUniversalTime();
        return (start, start.AddDays(1));
    }
}
