using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>
/// 回访: the committee checks that an agreement is performed (人民调解法 Art. 31: 人民调解委员会应当对调解协议的履行情况
/// 进行监督，督促当事人履行约定的义务). One visit follows the conclusion and asks about the terms already due (or
/// undated); each later due date of a term gets its own visit for the terms due then. Each visit runs a
/// <c>mediation.follow-up</c> clock from its scheduled day.
/// </summary>
public sealed class FollowUpVisit : AggregateRoot<Guid>, IOrgScoped
{
    public const int MaxNoteLength = 1000;
    public const int MaxNotesLength = 4000;

    private readonly List<VisitTermPerformance> _performances = [];
    private readonly List<VisitPartySatisfaction> _satisfactions = [];

    private FollowUpVisit() { }

    public Guid CaseId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public FollowUpVisitKind Kind { get; private set; }
    /// <summary>The day the visit becomes due to be made: the conclusion day or the terms' due date.</summary>
    public DateOnly ScheduledOn { get; private set; }
    /// <summary>Term numbers this visit asks about, comma-separated.</summary>
    public string TermNumbers { get; private set; } = "";
    /// <summary>The clock's due date when scheduled; the clock itself stays the authority (it moves with the calendar).</summary>
    public DateOnly? DueDate { get; private set; }
    public FollowUpVisitStatus Status { get; private set; }
    public DateTimeOffset? VisitedAt { get; private set; }
    public VisitMethod? Method { get; private set; }
    public string? Notes { get; private set; }
    public string? Visitor { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public IReadOnlyList<VisitTermPerformance> Performances => _performances;
    public IReadOnlyList<VisitPartySatisfaction> Satisfactions => _satisfactions;

    public IReadOnlyList<int> CoveredTerms =>
        TermNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The visits an agreement calls for; refused for an open case or one that ended without agreement.</summary>
    public static IReadOnlyList<FollowUpVisit> ScheduleFor(MediationCase mediationCase)
    {
        if (mediationCase.Status is not CaseStatus.Concluded || mediationCase.ConcludedAt is not { } concludedAt)
            throw new BusinessException(CasesErrorCodes.NotConcluded);
        if (mediationCase.Outcome is not (CaseOutcome.Succeeded or CaseOutcome.OralAgreement))
            throw new BusinessException(CasesErrorCodes.NoAgreementToFollowUp);

        var concludedOn = ChinaTime.DateOf(concludedAt);
        var visits = new List<FollowUpVisit>
        {
            New(mediationCase, FollowUpVisitKind.AfterConclusion, concludedOn,
                mediationCase.Terms.Where(t => t.DueOn is not { } due || due <= concludedOn).Select(t => t.Number)),
        };
        visits.AddRange(mediationCase.Terms.Where(t => t.DueOn is { } due && due > concludedOn)
            .GroupBy(t => t.DueOn!.Value).OrderBy(g => g.Key)
            .Select(g => New(mediationCase, FollowUpVisitKind.TermDue, g.Key, g.Select(t => t.Number))));
        return visits;
    }

    private static FollowUpVisit New(MediationCase mediationCase, FollowUpVisitKind kind, DateOnly scheduledOn, IEnumerable<int> terms) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = mediationCase.Id,
        OrgUnitId = mediationCase.OrgUnitId,
        Kind = kind,
        ScheduledOn = scheduledOn,
        TermNumbers = string.Join(',', terms.Order()),
        Status = FollowUpVisitStatus.Scheduled,
    };

    public void ClockStarted(DateOnly? dueDate) => DueDate = dueDate;

    /// <summary>The agreement this visit was to check no longer stands (司法确认 refused, case reopened); a visit already made stays.</summary>
    public bool Withdraw()
    {
        if (Status is not FollowUpVisitStatus.Scheduled) return false;
        Status = FollowUpVisitStatus.Withdrawn;
        return true;
    }

    public void Record(MediationCase mediationCase, VisitRecord record, string? recordedBy, DateTimeOffset now)
    {
        if (mediationCase.Id != CaseId) throw new InvalidOperationException("The visit belongs to another case.");
        if (mediationCase.Status is not CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.NotConcluded);
        if (Status is FollowUpVisitStatus.Recorded) throw new BusinessException(CasesErrorCodes.VisitAlreadyRecorded);
        if (Status is FollowUpVisitStatus.Withdrawn) throw new BusinessException(CasesErrorCodes.VisitWithdrawn);

        var covered = CoveredTerms;
        var missingTerm = covered.FirstOrDefault(n => record.Terms.All(t => t.TermNumber != n));
        if (missingTerm != 0) throw new BusinessException(CasesErrorCodes.TermPerformanceMissing, new Dictionary<string, object?> { ["term"] = missingTerm });
        var extraTerm = record.Terms.FirstOrDefault(t => !covered.Contains(t.TermNumber));
        if (extraTerm is not null) throw new BusinessException(CasesErrorCodes.TermNotCovered, new Dictionary<string, object?> { ["term"] = extraTerm.TermNumber });
        if (record.Parties.Any(s => mediationCase.Parties.All(p => p.Id != s.PartyId))) throw new BusinessException(CasesErrorCodes.PartyNotInCase);
        var unrated = mediationCase.Parties.OrderBy(p => p.Position).FirstOrDefault(p => record.Parties.All(s => s.PartyId != p.Id));
        if (unrated is not null) throw new BusinessException(CasesErrorCodes.PartySatisfactionMissing, new Dictionary<string, object?> { ["party"] = unrated.Name });

        _performances.AddRange(record.Terms.DistinctBy(t => t.TermNumber).Select(t => new VisitTermPerformance(t.TermNumber, t.Performance, t.Note)));
        _satisfactions.AddRange(record.Parties.DistinctBy(s => s.PartyId).Select(s => new VisitPartySatisfaction(s.PartyId, s.Satisfaction, s.Note)));
        VisitedAt = record.VisitedAt;
        Method = record.Method;
        Notes = record.Notes;
        Visitor = record.Visitor;
        RecordedBy = recordedBy;
        RecordedAt = now;
        Status = FollowUpVisitStatus.Recorded;
    }
}

public sealed record VisitRecord(DateTimeOffset VisitedAt, VisitMethod Method, IReadOnlyList<VisitRecord.Term> Terms,
    IReadOnlyList<VisitRecord.Party> Parties, string? Notes, string Visitor)
{
    public sealed record Term(int TermNumber, TermPerformance Performance, string? Note);

    public sealed record Party(Guid PartyId, PartySatisfaction Satisfaction, string? Note);
}

public sealed class VisitTermPerformance
{
    private VisitTermPerformance() { }

    public VisitTermPerformance(int termNumber, TermPerformance performance, string? note)
    {
        TermNumber = termNumber;
        Performance = performance;
        Note = note;
    }

    public int TermNumber { get; private set; }
    public TermPerformance Performance { get; private set; }
    public string? Note { get; private set; }
}

public sealed class VisitPartySatisfaction
{
    private VisitPartySatisfaction() { }

    public VisitPartySatisfaction(Guid partyId, PartySatisfaction satisfaction, string? note)
    {
        PartyId = partyId;
        Satisfaction = satisfaction;
        Note = note;
    }

    public Guid PartyId { get; private set; }
    public PartySatisfaction Satisfaction { get; private set; }
    public string? Note { get; private set; }
}
