using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediation.Core.Domain;

namespace Mediation.Core.Web;

/// <summary>
/// Times go out as ISO-8601 in China Standard Time (+08:00), the clock every user reads, and are
/// normalised to UTC on the way in (PostgreSQL timestamptz accepts only UTC offsets).
/// </summary>
public sealed class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        // A time written without an offset is China time, the clock every user reads and the one the pages' forms send: the
        // server's own time zone must not decide what "09:00" means.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var written)
            && written.Kind == DateTimeKind.Unspecified && written.Year is > 1 and < 9999)
            return new DateTimeOffset(written, ChinaOffset).ToUniversalTime();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value))
        {
            // 0001-01-01T00:00+08:00 and 9999-12-31T23:59-14:00 have no UTC instant: say which field is out of range and which way,
            // not that the body is malformed.
            if (text is { Length: >= 4 } && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                if (year <= 1)
                    throw new InputJsonException(CoreErrorCodes.Validation.DateTooEarly, $"'{text}' is outside the representable range.",
                        new Dictionary<string, object?> { ["min"] = "2000-01-01" });
                if (year >= 9999)
                    throw new InputJsonException(CoreErrorCodes.Validation.DateTooLate, $"'{text}' is outside the representable range.",
                        new Dictionary<string, object?> { ["max"] = LatestPlannable() });
            }
            throw new InputJsonException(CoreErrorCodes.Validation.Pattern, $"'{text}' is not an ISO-8601 date-time.");
        }
        return value.ToUniversalTime();
    }

    // The bound the validators give a planned date (Validation.InputValidator.Planned), for the message only.
    private static string LatestPlannable() =>
        DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(ChinaOffset).DateTime).AddYears(Validation.InputValidator.PlanningHorizonYears)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToOffset(ChinaOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
