using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>A 人民调解委员会 attached to an org unit, with its mediators; its short name opens every case number.</summary>
public sealed class MediationCommittee : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<CommitteeMediator> _mediators = [];

    private MediationCommittee() { }

    public MediationCommittee(Guid id, Guid orgUnitId, string name, string shortName, CommitteeKind kind, CommitteeSpecialty? specialty = null)
    {
        if (kind is CommitteeKind.Specialised && specialty is null) throw new BusinessException(CasesErrorCodes.SpecialtyRequired);
        if (kind is not CommitteeKind.Specialised && specialty is not null) throw new BusinessException(CasesErrorCodes.SpecialtyOnlyForSpecialised);
        Specialty = specialty;
        Id = id;
        OrgUnitId = orgUnitId;
        Name = name;
        ShortName = shortName;
        Kind = kind;
    }

    public Guid OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";
    public string ShortName { get; private set; } = "";
    public CommitteeKind Kind { get; private set; }
    public CommitteeSpecialty? Specialty { get; private set; }
    public IReadOnlyList<CommitteeMediator> Mediators => _mediators;

    public void AddMediator(Guid userId, string name, bool isHead)
    {
        if (_mediators.Any(m => m.UserId == userId)) return;
        _mediators.Add(new CommitteeMediator(userId, name, isHead));
    }

    public bool HasMediator(Guid userId) => _mediators.Any(m => m.UserId == userId);
}

public sealed class CommitteeMediator
{
    private CommitteeMediator() { }

    public CommitteeMediator(Guid userId, string name, bool isHead)
    {
        UserId = userId;
        Name = name;
        IsHead = isHead;
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public bool IsHead { get; private set; }
}
