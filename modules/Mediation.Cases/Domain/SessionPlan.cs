using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>
/// 调解安排: a mediation session planned ahead — when, where, which of the case's mediators. A session is recorded (调解笔录) after it
/// is held; recording it fulfils the case's plan nearest to it on that day (or, none that day, the latest overdue one). Rescheduled or cancelled while planned; the case's
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

    /// <summary>Plans a session of an open case with one of its mediators, not before the current minute.</summary>
    public static SessionPlan Plan(MediationCase mediationCase, DateTimeOffset startsAt, string place, Guid mediatorId, string mediatorName,
        string? plannedBy, DateTimeOffset now)
    {
        if (mediationCase.Status is CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.AlreadyConcluded);
        EnsureMediatorOf(mediationCase, mediatorId);
        EnsureNotBeforeNow(startsAt, now);
        return new SessionPlan
        {
            Id = Guid.CreateVersion7(), CaseId = mediationCase.Id, OrgUnitId = mediationCase.OrgUnitId, StartsAt = WholeMinute(startsAt),
            PlannedOn = ChinaTime.DateOf(startsAt), Place = place, MediatorId = mediatorId, MediatorName = mediatorName, Status = SessionPlanStatus.Planned,
            PlannedBy = plannedBy, PlannedAt = now,
        };
    }

    /// <summary>改期: a new start not before the current minute; a null place or mediator keeps the current one.</summary>
    public void Reschedule(MediationCase mediationCase, DateTimeOffset startsAt, string? place, (Guid Id, string Name)? mediator, DateTimeOffset now)
    {
        EnsurePlanned();
        EnsureNotBeforeNow(startsAt, now);
        if (mediator is { } m) EnsureMediatorOf(mediationCase, m.Id);
        StartsAt = WholeMinute(startsAt);
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
    /// The plan a session held at <paramref name="heldAt"/> fulfils: of the plans still open for its China day, the one nearest in time
    /// (two planned for the morning and the afternoon: the afternoon's session meets the afternoon's plan); with none that day, the latest
    /// overdue one (a session held late still meets its plan); none when every plan is on a later day — a session held ahead of its plan
    /// leaves the plan standing.
    /// </summary>
    public static SessionPlan? ToFulfil(IEnumerable<SessionPlan> plansOfCase, DateTimeOffset heldAt)
    {
        var heldOn = ChinaTime.DateOf(heldAt);
        return plansOfCase.Where(p => p.Status is SessionPlanStatus.Planned && p.PlannedOn <= heldOn)
            .OrderBy(p => p.PlannedOn == heldOn ? 0 : 1).ThenBy(p => (p.StartsAt - heldAt).Duration()).ThenBy(p => p.StartsAt).ThenBy(p => p.Id)
            .FirstOrDefault();
    }

    /// <summary>The same case, start (to the minute) and mediator as a plan still open: entered twice, not a second session.</summary>
    public bool Repeats(DateTimeOffset startsAt, Guid mediatorId) =>
        Status is SessionPlanStatus.Planned && StartsAt == WholeMinute(startsAt) && MediatorId == mediatorId;

    /// <summary>
    /// A session is planned to the minute, as the form sends it: seconds an API client sends are dropped, so 09:00:00.0001 is the
    /// 09:00 plan again (a duplicate), not a second session a tenth of a millisecond later.
    /// </summary>
    public static DateTimeOffset WholeMinute(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    private void EnsurePlanned()
    {
        if (Status is not SessionPlanStatus.Planned) throw new BusinessException(CasesErrorCodes.SessionPlanClosed);
    }

    private static void EnsureMediatorOf(MediationCase mediationCase, Guid mediatorId)
    {
        if (mediationCase.Mediators.All(m => m.UserId != mediatorId)) throw new BusinessException(CasesErrorCodes.SessionPlanMediatorNotOnCase);
    }

    /// <summary>A session starting this very minute may still be planned (forms send whole minutes); one already begun may not.</summary>
    public static bool StartsInThePast(DateTimeOffset startsAt, DateTimeOffset now) =>
        startsAt < WholeMinute(now);

    private static void EnsureNotBeforeNow(DateTimeOffset startsAt, DateTimeOffset now)
    {
        if (StartsInThePast(startsAt, now)) throw new BusinessException(CasesErrorCodes.SessionPlanInPast);
    }
}
