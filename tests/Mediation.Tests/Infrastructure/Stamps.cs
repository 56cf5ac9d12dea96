using System.Text.RegularExpressions;

namespace Mediation.Tests.Infrastructure;

/// <summary>Every change sends the concurrencyStamp its client read; a test reads it the same way, just before the change.</summary>
public static partial class Stamps
{
    public const string NotRead = "not-read";

    /// <summary>
    /// The stamp of the record an action changes, read from the record's own address: the action's address up to its last id
    /// (<c>/api/petitions/{id}/opinion/sign-off</c> → <c>/api/petitions/{id}</c>, <c>/api/calendar/2026</c> as it is).
    /// </summary>
    public static async Task<string> CurrentStampAsync(this HttpClient client, string actionUrl)
    {
        var record = RecordAddress().Match(actionUrl);
        if (!record.Success) throw new ArgumentException($"no record id in {actionUrl}", nameof(actionUrl));
        var response = await client.GetAsync(record.Value);
        // A caller who may not read the record has no stamp of it: one that matches nothing, so the change is refused for what it is.
        if (!response.IsSuccessStatusCode) return NotRead;
        return (await response.ReadJsonAsync()).GetProperty("concurrencyStamp").GetString()!;
    }

    [GeneratedRegex(@"^.*/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4})(?=/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RecordAddress();
}
