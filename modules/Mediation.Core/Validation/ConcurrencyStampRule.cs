using Mediation.Core.Domain;

namespace Mediation.Core.Validation;

/// <summary>Every change of an existing aggregate names the version the caller read: its <c>concurrencyStamp</c>.</summary>
public static class ConcurrencyStampRule
{
    public const string Field = "concurrencyStamp";

    /// <summary>A missing or blank stamp is a 400 problem (<see cref="CoreErrorCodes.ConcurrencyStampRequired"/>) naming the field.</summary>
    public static void EnsureSent(string? stampTheCallerRead)
    {
        if (!string.IsNullOrWhiteSpace(stampTheCallerRead)) return;
        throw new InputValidationException(
            [new FieldError(Field, CoreErrorCodes.Validation.Required, new Dictionary<string, object?>())], CoreErrorCodes.ConcurrencyStampRequired);
    }
}
