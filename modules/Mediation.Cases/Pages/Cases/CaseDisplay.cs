using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Mediation.Cases.Pages.Cases;

/// <summary>How the pages show a case's parts: masked person names, risk badges, China-time stamps.</summary>
internal static class CaseDisplay
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Lists show a person by surname only (王某某 → 王＊＊); organisations are public and stay whole.</summary>
    public static string PartyName(PartyKind kind, string name) =>
        kind is PartyKind.Organisation || name.Length <= 1 ? name : name[..1] + new string('＊', name.Length - 1);

    public static string RiskClass(RiskGrade grade) => "risk risk-" + grade.ToString().ToLowerInvariant();

    public static string Time(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A person by name and unit; the login name only when no account bears it.</summary>
    public static string Actor(string? name, string? unit, string login) => name is null ? login : unit is null ? name : $"{name}（{unit}）";

    /// <summary>Outcomes and court decisions are stored as codes and printed in words; the other details are text.</summary>
    public static string EventDetail(CaseEventDto e, IStringLocalizer l) => e.Kind switch
    {
        CaseEventKind.Concluded when Enum.TryParse<CaseOutcome>(e.Detail, out var outcome) => l[$"CasesUi:CaseOutcome:{outcome}"],
        CaseEventKind.CourtDecision when Enum.TryParse<CourtDecision>(e.Detail, out var decision) => l[$"CasesUi:CourtDecision:{decision}"],
        _ => e.Detail ?? "",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The value a datetime-local input shows for an instant, in China time.</summary>
    public static string LocalInput(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
