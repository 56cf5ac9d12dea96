namespace Mediation.Core.Deadlines.Domain;

public enum DeadlineStepKind
{
    Reminder,
    Urge,
    Supervise,
    Circulate,
}

/// <summary>
/// A reminder or escalation that was performed. Unique on clock + step + due instant, so a sweep
/// that runs twice, on two hosts or after a restart records each step once; a clock whose due time
/// moved gets fresh steps for its new due time. Its notices are written after the sweep, from the
/// recorded step (<see cref="NotifiedAt"/> stays empty until they are), so a crash between the two
/// loses nothing and the step, claimed with its notices in one transaction, is told once.
/// </summary>
internal sealed class DeadlineStep
{
    public const int MaxStepLength = 40;

    private DeadlineStep() { }

    public DeadlineStep(Guid id, Guid clockId, string step, DeadlineStepKind kind, DateTimeOffset dueInstant, DateTimeOffset recordedAt, Guid? supervisorOrgUnitId)
    {
        Id = id;
        ClockId = clockId;
        Step = step;
        Kind = kind;
        DueInstant = dueInstant.ToUniversalTime();
        RecordedAt = recordedAt.ToUniversalTime();
        SupervisorOrgUnitId = supervisorOrgUnitId;
    }

    public Guid Id { get; private set; }
    public Guid ClockId { get; private set; }
    public string Step { get; private set; } = "";
    public DeadlineStepKind Kind { get; private set; }
    public DateTimeOffset DueInstant { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid? SupervisorOrgUnitId { get; private set; }

    /// <summary>When the step's notices were written; empty while they are owed.</summary>
    public DateTimeOffset? NotifiedAt { get; private set; }

    /// <summary>
    /// The units a step's notice goes to, the unit its text addresses first: a reminder tells the owner; an escalation tells the
    /// supervising unit and the owner the same text, a root unit supervising itself (or a step without a supervisor) once.
    /// </summary>
    public static IReadOnlyList<Guid> Recipients(DeadlineStepKind kind, Guid owner, Guid? supervisor) =>
        kind is DeadlineStepKind.Reminder || supervisor is not { } above || above == owner ? [owner] : [above, owner];
}

/// <summary>A step that is due for a clock at a given moment, before it is recorded.</summary>
public sealed record PlannedStep(string Step, DeadlineStepKind Kind, DateTimeOffset DueInstant, SupervisorLevel? Supervisor);

public static class StepPlanner
{
    /// <summary>
    /// Steps due at <paramref name="now"/>: reminders whose moment has come while the clock is not
    /// yet overdue (a late reminder is pointless, escalation takes over), and every escalation
    /// whose moment has come (a sweep that was down catches up).
    /// </summary>
    public static IEnumerable<PlannedStep> DueSteps(DeadlinePolicy policy, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (now < dueAt)
        {
            foreach (var offset in policy.Reminders)
            {
                var at = dueAt - offset;
                if (at <= now) yield return new PlannedStep($"reminder:{(int)offset.TotalHours}h", DeadlineStepKind.Reminder, at, null);
            }
            yield break;
        }
        foreach (var escalation in policy.Escalations)
        {
            var at = dueAt + escalation.AfterDue;
            if (at <= now)
                yield return new PlannedStep($"escalation:{escalation.Kind}", Kind(escalation.Kind), at, escalation.Supervisor);
        }
    }

    private static DeadlineStepKind Kind(EscalationKind kind) => kind switch
    {
        EscalationKind.Urge => DeadlineStepKind.Urge,
        EscalationKind.Supervise => DeadlineStepKind.Supervise,
        _ => DeadlineStepKind.Circulate,
    };
}
