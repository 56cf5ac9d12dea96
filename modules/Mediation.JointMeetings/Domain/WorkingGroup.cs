using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// The joint meeting of one city, county or township (its 工作组): the convening body (政法委), the 机关代字 its minutes are
/// numbered with (泰安政法联〔2026〕3号) and its member units.
/// </summary>
public sealed class WorkingGroup : AggregateRoot<Guid>, IOrgScoped
{
    private WorkingGroup() { }

    public WorkingGroup(Guid id, Guid orgUnitId, MeetingLevel level, string name, string issuerCode, string convener)
    {
        Id = id;
        OrgUnitId = orgUnitId;
        Level = level;
        Name = name;
        IssuerCode = issuerCode;
        Convener = convener;
    }

    public Guid OrgUnitId { get; private set; }
    public MeetingLevel Level { get; private set; }
    public string Name { get; private set; } = "";
    public string IssuerCode { get; private set; } = "";
    public string Convener { get; private set; } = "";
}

/// <summary>成员单位 with its liaison persons; a liaison with an account acts for the unit on its tasks.</summary>
public sealed class MemberUnit : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<Liaison> _liaisons = [];

    private MemberUnit() { }

    public MemberUnit(Guid id, WorkingGroup group, string name, int order)
    {
        Id = id;
        GroupId = group.Id;
        OrgUnitId = group.OrgUnitId;
        Name = name;
        Order = order;
    }

    public Guid GroupId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
    public IReadOnlyList<Liaison> Liaisons => _liaisons;

    public void AddLiaison(string name, string? title, Guid? userId)
    {
        if (userId is not null && _liaisons.Any(l => l.UserId == userId)) return;
        _liaisons.Add(new Liaison(name, title, userId));
    }

    public bool HasLiaison(Guid userId) => _liaisons.Any(l => l.UserId == userId);
}

public sealed class Liaison
{
    private Liaison() { }

    public Liaison(string name, string? title, Guid? userId)
    {
        Name = name;
        Title = title;
        UserId = userId;
    }

    public string Name { get; private set; } = "";
    public string? Title { get; private set; }
    public Guid? UserId { get; private set; }
}
