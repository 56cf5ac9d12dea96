using System.Globalization;

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

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The value a datetime-local input shows for an instant, in China time.</summary>
    public static string LocalInput(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
