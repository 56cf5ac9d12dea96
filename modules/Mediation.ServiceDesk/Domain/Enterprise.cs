using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.ServiceDesk.Domain;

/// <summary>
/// A 建安 enterprise known to the desk by its 统一社会信用代码 (GB 32100—2015, check character validated). It signs up itself; a
/// desk officer approves it before its users may file. Its contact's mobile is personal data: stored encrypted, shown masked.
/// </summary>
public sealed class Enterprise : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<EnterpriseMember> _members = [];

    private Enterprise() { }

    public static Enterprise SignUp(Guid id, Guid deskUnitId, string creditCode, string name, string legalRepresentative, string contactName,
        ProtectedValue contactPhone, string? address, DateTimeOffset now)
    {
        if (!ChineseIdentifiers.IsValidCreditCode(creditCode)) throw new BusinessException(ServiceDeskErrorCodes.CreditCodeInvalid);
        return new Enterprise
        {
            Id = id, OrgUnitId = deskUnitId, CreditCode = creditCode, Name = name, LegalRepresentative = legalRepresentative, ContactName = contactName,
            ContactPhoneMasked = contactPhone.Masked, ContactPhoneCipher = contactPhone.Cipher, ContactPhoneHash = contactPhone.Hash, Address = address,
            Status = EnterpriseStatus.Pending, SignedUpAt = now,
        };
    }

    /// <summary>The desk's unit: its officers see the enterprise.</summary>
    public Guid OrgUnitId { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string LegalRepresentative { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhoneMasked { get; private set; } = "";
    public string ContactPhoneCipher { get; private set; } = "";
    public string ContactPhoneHash { get; private set; } = "";
    public string? Address { get; private set; }
    public EnterpriseStatus Status { get; private set; }
    public DateTimeOffset SignedUpAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? RejectionReason { get; private set; }

    public IReadOnlyList<EnterpriseMember> Members => _members;

    public bool IsApproved => Status is EnterpriseStatus.Approved;

    public void Approve(string? actor, DateTimeOffset now)
    {
        EnsurePending();
        Status = EnterpriseStatus.Approved;
        DecidedBy = actor;
        DecidedAt = now;
    }

    public void Reject(string reason, string? actor, DateTimeOffset now)
    {
        EnsurePending();
        Status = EnterpriseStatus.Rejected;
        RejectionReason = reason;
        DecidedBy = actor;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (Status is not EnterpriseStatus.Pending) throw new BusinessException(ServiceDeskErrorCodes.EnterpriseNotPending);
    }

    public void EnsureApproved()
    {
        if (!IsApproved) throw new BusinessException(ServiceDeskErrorCodes.EnterpriseNotApproved);
    }

    public bool IsAdmin(Guid userId) => _members.Any(m => m.UserId == userId && m.IsAdmin);

    /// <summary>The first account is the enterprise's admin; an admin adds colleagues once the enterprise is approved.</summary>
    public void AddMember(Guid userId, string userName, bool isAdmin, DateTimeOffset now) =>
        _members.Add(new EnterpriseMember(userId, userName, isAdmin, now));

    public void EnsureMayAddColleague(Guid userId)
    {
        EnsureApproved();
        if (!IsAdmin(userId)) throw new ForbiddenException(ServiceDeskErrorCodes.NotEnterpriseAdmin);
    }
}

public sealed class EnterpriseMember
{
    private EnterpriseMember() { }

    public EnterpriseMember(Guid userId, string userName, bool isAdmin, DateTimeOffset addedAt)
    {
        UserId = userId;
        UserName = userName;
        IsAdmin = isAdmin;
        AddedAt = addedAt;
    }

    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}
