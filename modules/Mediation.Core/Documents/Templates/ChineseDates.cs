using System.Globalization;

namespace Mediation.Core.Documents.Templates;

/// <summary>
/// Dates as official documents write them (GB/T 9704 不编虚位): 2026年3月1日, never 2026年03月01日.
/// Instants are shown in China Standard Time.
/// </summary>
public static class ChineseDates
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Format(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Format(DateTime dateTime) => DateOnly.FromDateTime(dateTime).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant) => Format(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>2026年3月1日 9:05 — a date with its time of day, for sessions and deadlines that end at an hour.</summary>
    public static string FormatWithTime(DateTime dateTime) => Format(dateTime) + " " + dateTime.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string FormatWithTime(DateTimeOffset instant) => FormatWithTime(instant.ToOffset(ChinaOffset).DateTime);

    /// <summary>Whatever a template was given: a date, a time, an instant or ISO text (from a JSON preview model); empty stays empty.</summary>
    public static string FormatAny(object? value, bool withTime = false) => value switch
    {
        null => "",
        DateOnly date => Format(date),
        DateTime dateTime => withTime ? FormatWithTime(dateTime) : Format(dateTime),
        DateTimeOffset instant => withTime ? FormatWithTime(instant) : Format(instant),
        string text when text.Length == 0 => "",
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => Format(date),
        string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) =>
            withTime ? FormatWithTime(instant) : Format(instant),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
