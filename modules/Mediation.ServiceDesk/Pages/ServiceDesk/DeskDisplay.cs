using System.Globalization;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

internal static class DeskDisplay
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string StatusKey(RequestStatus status) => $"ServiceDesk:RequestStatus:{status}";

    public static string KindKey(RequestKind kind) => $"ServiceDeskUi:Kind:{kind}";

    /// <summary>Timeline kinds are stable codes (Filed, Taken …); the page names them.</summary>
    public static string EventKey(string kind) => $"ServiceDeskUi:Event:{kind}";
}
