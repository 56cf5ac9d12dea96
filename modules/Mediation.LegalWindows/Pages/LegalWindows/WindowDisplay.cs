using System.Globalization;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.LegalWindows.Pages.LegalWindows;

internal static class WindowDisplay
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Hours(TimeOnly from, TimeOnly to) =>
        from.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + to.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
