using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.ServiceDesk.Domain;

/// <summary>大走访: officers visit an enterprise and note the problems it raises; each problem can become a request in one step.</summary>
public sealed class Visit : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<VisitProblem> _problems = [];

    private Visit() { }

    public Visit(Guid id, Enterprise enterprise, DateOnly visitedOn, string visitors, string? metWith, IEnumerable<string> problems, string? recordedBy,
        DateTimeOffset now)
    {
        Id = id;
        OrgUnitId = enterprise.OrgUnitId;
        EnterpriseId = enterprise.Id;
        VisitedOn = visitedOn;
        Visitors = visitors;
        MetWith = metWith;
        RecordedBy = recordedBy;
        RecordedAt = now;
        foreach (var problem in problems) _problems.Add(new VisitProblem(_problems.Count + 1, problem));
    }

    public Guid OrgUnitId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public string Visitors { get; private set; } = "";
    public string? MetWith { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<VisitProblem> Problems => _problems;

    /// <summary>A problem becomes one request, once.</summary>
    public VisitProblem ProblemToRaise(int sequence)
    {
        var problem = _problems.FirstOrDefault(p => p.Sequence == sequence) ?? throw new BusinessException(ServiceDeskErrorCodes.UnknownProblem);
        if (problem.RequestId is not null) throw new BusinessException(ServiceDeskErrorCodes.ProblemAlreadyRaised);
        return problem;
    }
}

public sealed class VisitProblem
{
    private VisitProblem() { }

    public VisitProblem(int sequence, string description)
    {
        Sequence = sequence;
        Description = description;
    }

    public int Sequence { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? RequestId { get; private set; }
    public string? RequestNumber { get; private set; }

    public void Raised(Guid requestId, string number)
    {
        RequestId = requestId;
        RequestNumber = number;
    }
}
