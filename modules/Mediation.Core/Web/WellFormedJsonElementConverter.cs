using System.Text.Json;
using System.Text.Json.Serialization;
using Mediation.Core.Domain;
using Mediation.Core.Validation;

namespace Mediation.Core.Web;

/// <summary>
/// A free-form JSON value (a template model) is checked like every typed field: a lone UTF-16
/// surrogate ("\ud800x"), a NUL or another control character (<see cref="TextRules"/>) is refused while reading, not later as a 500
/// when the text is rendered, hashed or stored.
/// </summary>
public sealed class WellFormedJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        if (!IsWellFormed(element))
            throw new InputJsonException(CoreErrorCodes.Validation.InvalidText, "the text contains an unpaired UTF-16 surrogate or a control character");
        return element;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    private static bool IsWellFormed(JsonElement element)
    {
        try
        {
            return Check(element);
        }
        catch (InvalidOperationException)
        {
            return false; // GetString refuses invalid UTF-16
        }
    }

    private static bool Check(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => TextRules.IsAcceptable(element.GetString()),
        JsonValueKind.Array => element.EnumerateArray().All(Check),
        JsonValueKind.Object => element.EnumerateObject().All(p => TextRules.IsAcceptable(p.Name) && Check(p.Value)),
        _ => true,
    };
}
