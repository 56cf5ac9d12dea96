using Mediation.Core.Identity;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Identity;

/// <summary>At least three of the four character classes (upper, lower, digit, symbol); length is Identity's own rule.</summary>
internal sealed class PasswordClassesValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }
            .Count(present => present);
        if (classes >= 3 && (user.UserName is null || !password.Contains(user.UserName, StringComparison.OrdinalIgnoreCase)))
            return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordClasses",
            Description = "Use at least three of: upper-case letters, lower-case letters, digits, symbols; do not include the user name.",
        }));
    }
}
