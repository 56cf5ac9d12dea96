using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediation.Core.Domain;

namespace Mediation.Core.Web;

/// <summary>
/// Enums travel as the name of exactly one defined member. The framework's string-enum converter also
/// accepts "Blue,Red" (a flag combination of a non-flag enum) and stored 5 as a risk grade, which then
/// broke every list that read it back; here a comma list, a number or an unknown name is a field error.
/// </summary>
public sealed class StrictEnumJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The member named exactly <paramref name="text"/> (ignoring case), or null: the one rule for JSON, forms and queries.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (text is null || !Members<TEnum>.ByName.TryGetValue(text, out var found)) return false;
        value = found;
        return true;
    }

    public static bool TryParse(Type enumType, string? text, out object? value)
    {
        value = null;
        if (text is null) return false;
        var name = Enum.GetNames(enumType).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (name is null) return false;
        value = Enum.Parse(enumType, name);
        return true;
    }

    private static class Members<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);
    }

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && TryParse<TEnum>(reader.GetString(), out var value)) return value;
            throw new InputJsonException(CoreErrorCodes.Validation.NotAMember, $"not one of {string.Join(", ", Enum.GetNames<TEnum>())}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryParse<TEnum>(reader.GetString(), out var value)
                ? value
                : throw new InputJsonException(CoreErrorCodes.Validation.NotAMember, $"not one of {string.Join(", ", Enum.GetNames<TEnum>())}");

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());
    }
}

/// <summary>A JSON value that is well-formed but not acceptable for its field; the error middleware names the field from the JSON path.</summary>
public sealed class InputJsonException(string code, string message, IReadOnlyDictionary<string, object?>? parameters = null) : JsonException(message)
{
    public string Code { get; } = code;

    public IReadOnlyDictionary<string, object?> Parameters { get; } = parameters ?? new Dictionary<string, object?>();
}
