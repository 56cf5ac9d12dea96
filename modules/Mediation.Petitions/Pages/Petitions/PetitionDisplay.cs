using System.Globalization;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>How the pages show a petition's parts: masked names, matter excerpts, China-time stamps.</summary>
internal static class PetitionDisplay
{
    private const int ExcerptLength = 40;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>A person by name and unit; the login name only when no account bears it (a system step).</summary>
    public static string Actor(string? name, string? unit, string login) => name is null ? login : unit is null ? name : $"{name}（{unit}）";

    /// <summary>Lists show a petitioner by surname only (王某某 → 王＊＊).</summary>
    public static string PersonName(string name) => name.Length <= 1 ? name : name[..1] + new string('＊', name.Length - 1);

    public static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…";

    public static string Time(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    public static string LocalInput(DateTimeOffset instant) => instant.ToOffset(ChinaOffset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A clock's policy name ("petition.handling") as a text key ("PetitionsUi:Clock:petition.handling").</summary>
    public static string ClockKey(string policy) => "PetitionsUi:Clock:" + policy;
}
