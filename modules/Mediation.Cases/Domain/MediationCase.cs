using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>
/// A dispute under people's mediation. Registration requires two or more parties, each consenting
/// (人民调解法 Art. 17), and at least one mediator of the committee. The risk grade (四色预警) is
/// set at registration and re-assessed later; every assessment is kept.
/// </summary>
public sealed class MediationCase : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<CaseParty> _parties = [];
    private readonly List<CaseMediator> _mediators = [];
    private readonly List<RiskAssessment> _riskHistory = [];

    private MediationCase() { }

    public Guid CommitteeId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public int Year { get; private set; }
    public int SequenceNumber { get; private set; }
    public string Number { get; private set; } = "";
    public DisputeType DisputeType { get; private set; }
    public string Summary { get; private set; } = "";
    public decimal? AmountInDispute { get; private set; }
    public string? Place { get; private set; }
    public CaseSource Source { get; private set; }
    public string? SourceRecordId { get; private set; }
    public CaseStatus Status { get; private set; }
    public RiskGrade RiskGrade { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public IReadOnlyList<CaseParty> Parties => _parties;
    public IReadOnlyList<CaseMediator> Mediators => _mediators;
    public IReadOnlyList<RiskAssessment> RiskHistory => _riskHistory;

    public static MediationCase Register(Guid id, MediationCommittee committee, CaseNumber number, DisputeType disputeType, string summary,
        decimal? amount, string? place, CaseSource source, string? sourceRecordId, IReadOnlyList<CaseParty> parties,
        IReadOnlyList<Guid> mediatorIds, RiskGrade riskGrade, string? riskReason, string? assessedBy, DateTimeOffset now)
    {
        if (parties.Count < 2) throw new BusinessException(CasesErrorCodes.TooFewParties);
        if (parties.Any(p => !p.ConsentsToMediation)) throw new BusinessException(CasesErrorCodes.PartyConsentMissing);
        if (mediatorIds.Count == 0) throw new BusinessException(CasesErrorCodes.NoMediator);
        if (mediatorIds.Any(m => !committee.HasMediator(m))) throw new BusinessException(CasesErrorCodes.MediatorNotInCommittee);

        var mediationCase = new MediationCase
        {
            Id = id,
            CommitteeId = committee.Id,
            OrgUnitId = committee.OrgUnitId,
            Year = number.Year,
            SequenceNumber = number.Sequence,
            Number = number.Format(committee.ShortName),
            DisputeType = disputeType,
            Summary = summary,
            AmountInDispute = amount,
            Place = place,
            Source = source,
            SourceRecordId = sourceRecordId,
            Status = CaseStatus.Registered,
            RiskGrade = riskGrade,
            RegisteredAt = now,
        };
        mediationCase._parties.AddRange(parties);
        mediationCase._mediators.AddRange(mediatorIds.Distinct().Select(m => new CaseMediator(m)));
        mediationCase._riskHistory.Add(new RiskAssessment(riskGrade, riskReason, now, assessedBy));
        return mediationCase;
    }

    /// <summary>Re-assesses the risk; returns true when the case has just been raised to red.</summary>
    public bool AssessRisk(RiskGrade grade, string? reason, string? assessedBy, DateTimeOffset now)
    {
        EnsureOpen();
        if (grade == RiskGrade) throw new BusinessException(CasesErrorCodes.SameRiskGrade);
        var raisedToRed = grade is RiskGrade.Red;
        RiskGrade = grade;
        _riskHistory.Add(new RiskAssessment(grade, reason, now, assessedBy));
        return raisedToRed;
    }

    public void AssignMediators(MediationCommittee committee, IReadOnlyList<Guid> mediatorIds)
    {
        EnsureOpen();
        if (mediatorIds.Count == 0) throw new BusinessException(CasesErrorCodes.NoMediator);
        if (mediatorIds.Any(m => !committee.HasMediator(m))) throw new BusinessException(CasesErrorCodes.MediatorNotInCommittee);
        _mediators.RemoveAll(m => !mediatorIds.Contains(m.UserId));
        _mediators.AddRange(mediatorIds.Distinct().Where(m => _mediators.All(x => x.UserId != m)).Select(m => new CaseMediator(m)));
    }

    private void EnsureOpen()
    {
        if (Status is CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.AlreadyConcluded);
    }
}

/// <summary>泰山调〔2026〕0001号: committee short name, year, a per-committee, per-year gap-free sequence.</summary>
public sealed record CaseNumber(int Year, int Sequence)
{
    public string Format(string committeeShortName) => $"{committeeShortName}调〔{Year}〕{Sequence:0000}号";
}

public sealed class CaseParty
{
    private CaseParty() { }

    public Guid Id { get; private set; }
    public PartyKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? IdCardMasked { get; private set; }
    public string? IdCardCipher { get; private set; }
    public string? IdCardHash { get; private set; }
    public string? CreditCode { get; private set; }
    public string? Representative { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? Address { get; private set; }
    public bool ConsentsToMediation { get; private set; }

    public static CaseParty Person(string name, ProtectedValue idCard, ProtectedValue? phone, string? address, bool consents) => new()
    {
        Id = Guid.CreateVersion7(), Kind = PartyKind.Person, Name = name,
        IdCardMasked = idCard.Masked, IdCardCipher = idCard.Cipher, IdCardHash = idCard.Hash,
        PhoneMasked = phone?.Masked, PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash,
        Address = address, ConsentsToMediation = consents,
    };

    public static CaseParty Organisation(string name, string creditCode, string? representative, ProtectedValue? phone, string? address, bool consents) => new()
    {
        Id = Guid.CreateVersion7(), Kind = PartyKind.Organisation, Name = name, CreditCode = creditCode, Representative = representative,
        PhoneMasked = phone?.Masked, PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash,
        Address = address, ConsentsToMediation = consents,
    };
}

public sealed class CaseMediator
{
    private CaseMediator() { }

    public CaseMediator(Guid userId) => UserId = userId;

    public Guid UserId { get; private set; }
}

public sealed class RiskAssessment
{
    private RiskAssessment() { }

    public RiskAssessment(RiskGrade grade, string? reason, DateTimeOffset assessedAt, string? assessedBy)
    {
        Grade = grade;
        Reason = reason;
        AssessedAt = assessedAt;
        AssessedBy = assessedBy;
    }

    public RiskGrade Grade { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }
    public string? AssessedBy { get; private set; }
}

/// <summary>The last number issued per committee and year; incremented inside the registering transaction.</summary>
public sealed class CaseNumberCounter
{
    public Guid CommitteeId { get; init; }
    public int Year { get; init; }
    public int LastSequence { get; set; }
}
