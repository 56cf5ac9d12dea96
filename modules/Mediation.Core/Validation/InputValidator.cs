using System.Text.RegularExpressions;
using Mediation.Core.Domain;

namespace Mediation.Core.Validation;

/// <summary>
/// Collects every field problem of one input before refusing it, so a form shows all its errors
/// at once. Field names are the JSON (camelCase) names the client sent.
/// </summary>
public sealed class InputValidator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public InputValidator Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    /// <summary>For partial updates: an omitted field is fine, a field sent blank is not.</summary>
    public InputValidator NotBlankIfPresent(string? value, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value)) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    public InputValidator Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    public InputValidator MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
            Add(field, CoreErrorCodes.Validation.MaxLength, ("max", max));
        return this;
    }

    public InputValidator Matches(string? value, Regex pattern, string field)
    {
        if (!string.IsNullOrEmpty(value) && !pattern.IsMatch(value))
            Add(field, CoreErrorCodes.Validation.Pattern);
        return this;
    }

    public InputValidator InRange(int? value, int min, int max, string field)
    {
        if (value is { } v && (v < min || v > max))
            Add(field, CoreErrorCodes.Validation.OutOfRange, ("min", min), ("max", max));
        return this;
    }

    /// <summary>Adds an error for <paramref name="field"/>; a null field means the check passed.</summary>
    public InputValidator Add(string? field, string code, params (string Name, object? Value)[] parameters)
    {
        if (field is null) return this;
        _errors.Add(new FieldError(field, code, parameters.ToDictionary(p => p.Name, p => p.Value)));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new InputValidationException(_errors.ToArray());
    }
}
