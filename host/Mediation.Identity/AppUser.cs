using Mediation.Core.Identity;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Identity;

/// <summary>A staff member or enterprise user. Belongs to one org unit, which fixes his data scope.</summary>
internal sealed class AppUser : IdentityUser<Guid>, IOrgScoped
{
    public string DisplayName { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    // Personal data: masked for display, AES-GCM cipher text, keyed hash for exact search.
    public string? IdCardMasked { get; private set; }
    public string? IdCardCipher { get; private set; }
    public string? IdCardHash { get; private set; }
    public string? MobileMasked { get; private set; }
    public string? MobileCipher { get; private set; }
    public string? MobileHash { get; private set; }

    public void SetIdCard(ProtectedValue? value) =>
        (IdCardMasked, IdCardCipher, IdCardHash) = (value?.Masked, value?.Cipher, value?.Hash);

    public void SetMobile(ProtectedValue? value) =>
        (MobileMasked, MobileCipher, MobileHash) = (value?.Masked, value?.Cipher, value?.Hash);
}

internal sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>A permission granted to a role; SecurityAdmin edits these.</summary>
internal sealed class RolePermission
{
    public Guid RoleId { get; init; }
    public required string Permission { get; init; }
}

/// <summary>
/// A permission whose default roles this database has been given. Recorded once, so a permission added by a later release reaches the
/// roles of an existing database at its next start, and a grant SecurityAdmin revokes afterwards is never given back.
/// </summary>
internal sealed class AppliedPermissionDefault
{
    public required string Permission { get; init; }
}
