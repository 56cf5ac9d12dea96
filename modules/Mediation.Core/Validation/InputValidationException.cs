using Mediation.Core.Domain;

namespace Mediation.Core.Validation;

/// <summary>One problem with one input field: a localizable code and the values its message needs.</summary>
public sealed record FieldError(string Field, string Code, IReadOnlyDictionary<string, object?> Parameters);

public sealed class InputValidationException(IReadOnlyList<FieldError> errors, string code = CoreErrorCodes.ValidationFailed)
    : BusinessException(code)
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public override int HttpStatus => 400;
}
