using System.Text.RegularExpressions;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class InputValidator_Tests
{
    [Fact]
    public void Every_invalid_field_is_reported_at_once()
    {
        var error = Should.Throw<InputValidationException>(() => new InputValidator()
            .Required("", "name")
            .MaxLength(new string('x', 11), 10, "code")
            .Matches("a b", new Regex("^[a-z]+$"), "slug")
            .InRange(-1, 0, 5, "sortOrder")
            .ThrowIfInvalid());

        error.Code.ShouldBe(CoreErrorCodes.ValidationFailed);
        error.Errors.Select(e => (e.Field, e.Code)).ShouldBe(
        [
            ("name", CoreErrorCodes.Validation.Required),
            ("code", CoreErrorCodes.Validation.MaxLength),
            ("slug", CoreErrorCodes.Validation.Pattern),
            ("sortOrder", CoreErrorCodes.Validation.OutOfRange),
        ]);
        error.Errors[1].Parameters["max"].ShouldBe(10);
    }

    [Fact]
    public void An_omitted_optional_field_is_fine_but_a_blank_one_is_not()
    {
        Should.NotThrow(() => new InputValidator().NotBlankIfPresent(null, "name").ThrowIfInvalid());
        Should.Throw<InputValidationException>(() => new InputValidator().NotBlankIfPresent("  ", "name").ThrowIfInvalid());
    }
}
