namespace Mediation.Core.Deadlines.Domain;

public enum DurationUnit
{
    CalendarDays,
    WorkingDays,
    Months,
    Hours,
}

/// <summary>催办 → 督办 → 通报: what happens to an overdue clock, step by step.</summary>
public enum EscalationKind
{
    Urge,
    Supervise,
    Circulate,
}

public enum SupervisorLevel
{
    ParentUnit,
    County,
    City,
}

public sealed record EscalationStep(EscalationKind Kind, TimeSpan AfterDue, SupervisorLevel Supervisor);

/// <summary>
/// A named time limit. <see cref="Description"/> cites the article that fixes it. The day of the
/// triggering event is never counted. <see cref="MoveToNextWorkingDay"/>: a period that ends on a
/// non-working day ends on the next working day instead (民事诉讼法 on 期间). For an extension
/// policy, <see cref="Amount"/> is the most that may be granted in total.
/// </summary>
public sealed record DeadlinePolicy(
    string Name,
    DurationUnit Unit,
    int Amount,
    bool MoveToNextWorkingDay,
    IReadOnlyList<TimeSpan> Reminders,
    IReadOnlyList<EscalationStep> Escalations,
    string Description,
    string? ExtensionPolicy = null)
{
    public bool IsDayBased => Unit is DurationUnit.CalendarDays or DurationUnit.WorkingDays or DurationUnit.Months;
}
