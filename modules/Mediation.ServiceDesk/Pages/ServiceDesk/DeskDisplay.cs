using System.Globalization;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.ServiceDesk.Pages.ServiceDesk;

internal static class DeskDisplay
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A person as the desk's pages name him: display name and unit (as the timeline does), the name alone when no unit is known.</summary>
    public static string Person(string? name, string? unit) => name is null ? "—" : unit is null ? name : name + " · " + unit;

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string StatusKey(RequestStatus status) => $"ServiceDesk:RequestStatus:{status}";

    public static string KindKey(RequestKind kind) => $"ServiceDeskUi:Kind:{kind}";

    /// <summary>Timeline kinds are stable codes (Filed, Taken …); the page names them.</summary>
    public static string EventKey(string kind) => $"ServiceDeskUi:Event:{kind}";
}

/// <summary>The attachments section as both sides show it: the portal and the staff page differ in where a file downloads from.</summary>
internal sealed record AttachmentsView(DeskRequestDto Request, string DownloadBase, bool CanUpload)
{
    /// <summary>What a file may answer: the kind's checklist and every item a materials notice named.</summary>
    public IEnumerable<(string Value, string Text)> Materials => Request.Checklist
        .Concat(Request.MaterialsNotices.SelectMany(n => n.Items)).DistinctBy(m => m.Code).Select(m => (m.Code, m.Name));
}
