using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>
/// 调解安排: a mediation session planned ahead — when, where, which of the case's mediators. A session is recorded (调解笔录) after it
/// is held; recording it fulfils the case's earliest plan due by that day. Rescheduled or cancelled while planned; the case's
/// conclusion cancels what is still planned. The workbench's 今日调解 lists the plans of the day.
/// </summary>
public sealed class SessionPlan : AggregateRoot<Guid>, IOrgScoped
{
    public const int MaxPlaceLength = 200;
    public const int MaxReasonLength = 500;
    /// <summary>Why the conclusion cancelled a plan still open.</summary>
    public const string ConcludedReason = "案件已结案";

    private SessionPlan() { }

    public Guid CaseId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    /// <summary>The China day of <see cref="StartsAt"/>: what "today's sessions" select on.</summary>
    public DateOnly PlannedOn { get; private set; }
    public string Place { get; private set; } = "";
    public Guid MediatorId { get; private set; }
    public string MediatorName { get; private set; } = "";
    public SessionPlanStatus Status { get; private set; }
    public int? HeldSessionNumber { get; private set; }
    public string? CancelReason { get; private set; }
    public string? PlannedBy { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }
    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>Plans a session of an open case with one of its mediators, not before today (China time).</summary>
    public static SessionPlan Plan(MediationCase mediationCase, DateTimeOffset startsAt, string place, Guid mediatorId, string mediatorName,
        string? plannedBy, DateTimeOffset now)
    {
        if (mediationCase.Status is CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.AlreadyConcluded);
        EnsureMediatorOf(mediationCase, mediatorId);
        EnsureNotBeforeToday(startsAt, now);
        return new SessionPlan
        {
            Id = Guid.CreateVersion7(), CaseId = mediationCase.Id, OrgUnitId = mediationCase.OrgUnitId, StartsAt = startsAt.ToUniversalTime(),
            PlannedOn = ChinaTime.DateOf(startsAt), Place = place, MediatorId = mediatorId, MediatorName = mediatorName, Status = SessionPlanStatus.Planned,
            PlannedBy = plannedBy, PlannedAt = now,
        };
    }

    /// <summary>改期: a new start not before today; a null place or mediator keeps the current one.</summary>
    public void Reschedule(MediationCase mediationCase, DateTimeOffset startsAt, string? place, (Guid Id, string Name)? mediator, DateTimeOffset now)
    {
        EnsurePlanned();
        EnsureNotBeforeToday(startsAt, now);
        if (mediator is { } m) EnsureMediatorOf(mediationCase, m.Id);
        StartsAt = startsAt.ToUniversalTime();
        PlannedOn = ChinaTime.DateOf(startsAt);
        if (place is not null) Place = place;
        if (mediator is { } chosen) (MediatorId, MediatorName) = chosen;
        ChangedAt = now;
    }

    public void Cancel(string reason, DateTimeOffset now)
    {
        EnsurePlanned();
        Status = SessionPlanStatus.Cancelled;
        CancelReason = reason;
        ChangedAt = now;
    }

    /// <summary>The session was held and recorded as the case's session <paramref name="sessionNumber"/>.</summary>
    public void Fulfil(int sessionNumber, DateTimeOffset now)
    {
        EnsurePlanned();
        Status = SessionPlanStatus.Held;
        HeldSessionNumber = sessionNumber;
        ChangedAt = now;
    }

    /// <summary>
    /// The plan a session held on <paramref name="heldOn"/> fulfils: the earliest still planned for that day or before (a session
    /// held late still meets its plan); none when every plan is later — a session held ahead of its plan leaves the plan standing.
    /// </summary>
    public static SessionPlan? ToFulfil(IEnumerable<SessionPlan> plansOfCase, DateOnly heldOn) =>
        plansOfCase.Where(p => p.Status is SessionPlanStatus.Planned && p.PlannedOn <= heldOn).OrderBy(p => p.StartsAt).ThenBy(p => p.Id).FirstOrDefault();

    private void EnsurePlanned()
    {
        if (Status is not SessionPlanStatus.Planned) throw new BusinessException(CasesErrorCodes.SessionPlanClosed);
    }

    private static void EnsureMediatorOf(MediationCase mediationCase, Guid mediatorId)
    {
        if (mediationCase.Mediators.All(m => m.UserId != mediatorId)) throw new BusinessException(CasesErrorCodes.SessionPlanMediatorNotOnCase);
    }

    private static void EnsureNotBeforeToday(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (ChinaTime.DateOf(startsAt) < ChinaTime.DateOf(now)) throw new BusinessException(CasesErrorCodes.SessionPlanInPast);
    }
}
