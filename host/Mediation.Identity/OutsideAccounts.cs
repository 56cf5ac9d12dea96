using Mediation.Core.Identity;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Identity;

internal sealed class OutsideAccounts(UserManager<AppUser> users, TimeProvider clock) : IOutsideAccounts
{
    public static readonly IReadOnlySet<string> OutsideRoles = new HashSet<string> { RoleNames.EnterpriseUser };

    public async Task ValidateAsync(string userName, string password, string passwordField, CancellationToken ct)
    {
        if (await users.FindByNameAsync(userName) is not null) throw new ConflictException(IdentityErrorCodes.UserNameTaken);
        var probe = new AppUser { UserName = userName };
        var errors = new List<FieldError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password);
            errors.AddRange(result.Errors.Select(e => new FieldError(passwordField, IdentityErrorCodes.PasswordRejected,
                new Dictionary<string, object?> { ["reason"] = e.Description })));
        }
        if (errors.Count > 0) throw new InputValidationException(errors);
    }

    public async Task<Guid> CreateAsync(string userName, string displayName, string password, Guid orgUnitId, string role, CancellationToken ct)
    {
        if (!OutsideRoles.Contains(role)) throw new InvalidOperationException($"{role} is not an outside role.");
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, OrgUnitId = orgUnitId, CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InputValidationException(created.Errors.Select(e => new FieldError("password", IdentityErrorCodes.PasswordRejected,
                new Dictionary<string, object?> { ["reason"] = e.Description })).ToList());
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) throw new InvalidOperationException($"Role {role}: {string.Join("; ", added.Errors.Select(e => e.Description))}");
        return user.Id;
    }
}
