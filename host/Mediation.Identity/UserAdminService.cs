using Mediation.Core.Identity;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

public sealed record UserDto(Guid Id, string UserName, string DisplayName, Guid OrgUnitId, bool IsActive,
    IReadOnlyList<string> Roles, string? IdCardNumber, string? Mobile, bool LockedOut, string ConcurrencyStamp);

public sealed record CreateUserInput(string? UserName, string? DisplayName, string? Password, Guid? OrgUnitId,
    IReadOnlyList<string>? Roles, string? IdCardNumber, string? Mobile);

public sealed record SetUserRolesInput(IReadOnlyList<string>? Roles);

public sealed record RevealedPersonalData(string? IdCardNumber, string? Mobile);

/// <summary>Users and their roles, within the caller's subtree; enforces the separation of admin duties.</summary>
internal sealed class UserAdminService(
    UserManager<AppUser> users, RoleManager<AppRole> roles, MediationDbContext db, PersonalDataProtector protector,
    SecurityAuditLog auditLog, TimeProvider clock)
{
    private static readonly string[] RevealedFields = ["idCardNumber", "mobile"];

    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct)
    {
        var list = await db.Set<AppUser>().AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<UserDto>(list.Count);
        foreach (var user in list) result.Add(await ToDtoAsync(user));
        return result;
    }

    public async Task<UserDto> GetAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindAsync(id, ct));

    public async Task<UserDto> CreateAsync(CreateUserInput input, CancellationToken ct)
    {
        var requestedRoles = input.Roles ?? [];
        new InputValidator()
            .Required(input.UserName, "userName").MaxLength(input.UserName, 64, "userName")
            .Required(input.DisplayName, "displayName").MaxLength(input.DisplayName, 100, "displayName")
            .Required(input.Password, "password")
            .Required(input.OrgUnitId, "orgUnitId")
            .Add(input.IdCardNumber is not null && !ChineseIdentifiers.IsValidIdCardNumber(ChineseIdentifiers.Normalize(input.IdCardNumber)) ? "idCardNumber" : null,
                IdentityErrorCodes.InvalidIdCardNumber)
            .Add(input.Mobile is not null && !ChineseIdentifiers.IsValidMobile(input.Mobile.Trim()) ? "mobile" : null, IdentityErrorCodes.InvalidMobile)
            .ThrowIfInvalid();
        await EnsureRolesExistAndSeparatedAsync(requestedRoles);
        if (await users.FindByNameAsync(input.UserName!.Trim()) is not null)
            throw new ConflictException(IdentityErrorCodes.UserNameTaken);

        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            OrgUnitId = input.OrgUnitId!.Value,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        if (input.IdCardNumber is not null) user.SetIdCard(protector.Protect(PersonalDataKind.IdCardNumber, input.IdCardNumber));
        if (input.Mobile is not null) user.SetMobile(protector.Protect(PersonalDataKind.Mobile, input.Mobile));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ThrowIfFailed(await users.CreateAsync(user, input.Password!), IdentityErrorCodes.PasswordRejected, "password");
        if (requestedRoles.Count > 0) ThrowIfFailed(await users.AddToRolesAsync(user, requestedRoles), IdentityErrorCodes.UnknownRole, "roles");
        await transaction.CommitAsync(ct);
        return await ToDtoAsync(user);
    }

    public async Task<UserDto> SetRolesAsync(Guid id, SetUserRolesInput input, CancellationToken ct)
    {
        var wanted = (input.Roles ?? []).Distinct().ToList();
        await EnsureRolesExistAndSeparatedAsync(wanted);
        var user = await FindAsync(id, ct);
        var current = await users.GetRolesAsync(user);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        ThrowIfFailed(await users.RemoveFromRolesAsync(user, current.Except(wanted)), IdentityErrorCodes.UnknownRole, "roles");
        ThrowIfFailed(await users.AddToRolesAsync(user, wanted.Except(current)), IdentityErrorCodes.UnknownRole, "roles");
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(ct);
        await auditLog.WriteAsync(AuditActions.RoleChanged, new { before = current, after = wanted }, entityType: nameof(AppUser), entityId: id.ToString(), ct: ct);
        return await ToDtoAsync(user);
    }

    /// <summary>Deactivating (or reactivating) rotates the security stamp: the user's cookies and tokens end on their next request.</summary>
    public async Task<UserDto> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        user.IsActive = active;
        ThrowIfFailed(await users.UpdateSecurityStampAsync(user), CoreErrorCodes.ConcurrencyConflict, "isActive");
        return await ToDtoAsync(user);
    }

    /// <summary>Shows the full 身份证号 and phone to a holder of Pii.Reveal; each reveal is audited.</summary>
    public async Task<RevealedPersonalData> RevealAsync(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        await auditLog.WriteAsync(AuditActions.PersonalDataRevealed, new { fields = RevealedFields },
            entityType: nameof(AppUser), entityId: id.ToString(), ct: ct);
        return new RevealedPersonalData(
            user.IdCardCipher is null ? null : protector.Decrypt(user.IdCardCipher),
            user.MobileCipher is null ? null : protector.Decrypt(user.MobileCipher));
    }

    /// <summary>三权分立: one person never holds two of SystemAdmin, SecurityAdmin, AuditAdmin.</summary>
    public static void EnsureAdminDutiesSeparated(IEnumerable<string> roleNames)
    {
        var duties = roleNames.Intersect(RoleNames.SeparatedAdminDuties).ToList();
        if (duties.Count > 1)
            throw new BusinessException(IdentityErrorCodes.AdminDutiesSeparated, new Dictionary<string, object?> { ["roles"] = string.Join(", ", duties) });
    }

    private async Task EnsureRolesExistAndSeparatedAsync(IReadOnlyList<string> requested)
    {
        foreach (var role in requested)
        {
            if (!await roles.RoleExistsAsync(role))
                throw new InputValidationException([new FieldError("roles", IdentityErrorCodes.UnknownRole, new Dictionary<string, object?> { ["role"] = role })]);
        }
        EnsureAdminDutiesSeparated(requested);
        var normalized = requested.Select(r => r.ToUpperInvariant()).ToList();
        var granted = await (
            from role in db.Set<AppRole>().Where(r => normalized.Contains(r.NormalizedName!))
            join grant in db.Set<RolePermission>() on role.Id equals grant.RoleId
            select grant.Permission).ToListAsync();
        var duties = AdminDuties.DutiesOf(granted);
        if (duties.Count > 1) throw RolePermissionService.AdminDutiesSeparated(duties);
    }

    private async Task<AppUser> FindAsync(Guid id, CancellationToken ct) =>
        await db.Set<AppUser>().SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AppUser), id);

    private async Task<UserDto> ToDtoAsync(AppUser user) => new(
        user.Id, user.UserName!, user.DisplayName, user.OrgUnitId, user.IsActive, [.. await users.GetRolesAsync(user)],
        user.IdCardMasked, user.MobileMasked, user.LockoutEnd > clock.GetUtcNow(), user.ConcurrencyStamp!);

    private static void ThrowIfFailed(IdentityResult result, string code, string field)
    {
        if (result.Succeeded) return;
        throw new InputValidationException(result.Errors
            .Select(e => new FieldError(field, code, new Dictionary<string, object?> { ["reason"] = e.Description })).ToList());
    }
}
