using System.Text.Json;
using System.Text.Json.Serialization;
using Mediation.Core.Domain;

namespace Mediation.Core.Web;

/// <summary>
/// Refuses U+0000 in every JSON string while reading, as a field error. It is valid JSON and valid UTF-16, and SQLite stores it,
/// but PostgreSQL refuses it in text (SqlState 22021): the same input must get the same 400 on every provider, not a 500 on one.
/// </summary>
public sealed class NoNulStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && text.Contains('\0'))
            throw new InputJsonException(CoreErrorCodes.Validation.InvalidText, "the text contains a NUL character");
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
