using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.LegalWindows.Domain;

/// <summary>
/// A village legal advisor (法律顾问): a 律师 or 基层法律服务工作者 of a firm, with his 执业证号, managed by the unit that engages him
/// (the county 司法局 or a township 司法所). His mobile is personal data: encrypted, hashed, shown masked.
/// </summary>
public sealed class LegalAdvisor : AggregateRoot<Guid>, IOrgScoped
{
    private LegalAdvisor() { }

    public LegalAdvisor(Guid id, Guid orgUnitId, string name, AdvisorKind kind, string firm, string licenceNumber, ProtectedValue? phone,
        Guid? userId, int currentYear)
    {
        if (!LicenceNumbers.IsValid(kind, licenceNumber, currentYear)) throw new BusinessException(LegalWindowsErrorCodes.LicenceNumberInvalid);
        Id = id;
        OrgUnitId = orgUnitId;
        Name = name;
        Kind = kind;
        Firm = firm;
        LicenceNumber = licenceNumber;
        PhoneMasked = phone?.Masked;
        PhoneCipher = phone?.Cipher;
        PhoneHash = phone?.Hash;
        UserId = userId;
    }

    public Guid OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";
    public AdvisorKind Kind { get; private set; }
    public string Firm { get; private set; } = "";
    public string LicenceNumber { get; private set; } = "";
    public string? PhoneMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }

    /// <summary>His account, when he signs in himself; he then sees only his windows' records.</summary>
    public Guid? UserId { get; private set; }
}
