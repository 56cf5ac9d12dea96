using Mediation.Core.Domain;

namespace Mediation.Core.Deadlines.Domain;

public enum ClockStatus
{
    Running,
    Paused,
    Stopped,
}

public enum ClockEventKind
{
    Started,
    Paused,
    Resumed,
    Extended,
    Stopped,
    Recomputed,
}

/// <summary>
/// The time limit of one record (e.g. a petition's 60-day handling period) under one policy.
/// Its history is the source of the pauses, and every change leaves an entry there, so the
/// due time can always be recomputed (a calendar was loaded or edited) and explained.
/// While paused the clock has no due time.
/// </summary>
internal sealed class DeadlineClock : AggregateRoot<Guid>, Mediation.Core.Security.IOrgScoped
{
    public const int MaxRecordTypeLength = 60;
    public const int MaxPolicyNameLength = 60;
    public const int MaxReasonLength = IDeadlineClocks.MaxReasonLength;
    public const int MaxActorLength = 100;

    private readonly List<DeadlineClockEvent> _history = [];

    private DeadlineClock() { }

    public string RecordType { get; private set; } = "";
    public Guid RecordId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public string PolicyName { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public ClockStatus Status { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public bool Provisional { get; private set; }
    public int ExtensionDays { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public IReadOnlyList<DeadlineClockEvent> History => _history;

    public static DeadlineClock Start(Guid id, string recordType, Guid recordId, Guid orgUnitId, DeadlinePolicy policy,
        DateTimeOffset startedAt, WorkingCalendar calendar, string? actor, DateTimeOffset now)
    {
        var clock = new DeadlineClock
        {
            Id = id, RecordType = recordType, RecordId = recordId, OrgUnitId = orgUnitId,
            PolicyName = policy.Name, StartedAt = startedAt.ToUniversalTime(), Status = ClockStatus.Running,
        };
        clock.ApplyDue(DeadlineCalculator.Compute(policy, startedAt, calendar));
        clock.Record(ClockEventKind.Started, now, actor, null, null);
        return clock;
    }

    public IReadOnlyList<PauseInterval> Pauses()
    {
        var pauses = new List<PauseInterval>();
        DateTimeOffset? pausedAt = null;
        foreach (var e in _history.OrderBy(e => e.Sequence))
        {
            if (e.Kind is ClockEventKind.Paused) pausedAt = e.At;
            if (e.Kind is ClockEventKind.Resumed && pausedAt is { } p)
            {
                pauses.Add(new PauseInterval(p, e.At));
                pausedAt = null;
            }
        }
        return pauses;
    }

    public void Pause(string reason, string? actor, DateTimeOffset now)
    {
        EnsureNotStopped();
        if (Status is not ClockStatus.Running) throw new BusinessException(DeadlinesErrorCodes.ClockNotRunning);
        Status = ClockStatus.Paused;
        PausedAt = now.ToUniversalTime();
        DueAt = null;
        DueDate = null;
        Record(ClockEventKind.Paused, now, actor, reason, null);
    }

    public void Resume(DeadlinePolicy policy, WorkingCalendar calendar, string? actor, DateTimeOffset now)
    {
        EnsureNotStopped();
        if (Status is not ClockStatus.Paused) throw new BusinessException(DeadlinesErrorCodes.ClockNotPaused);
        Status = ClockStatus.Running;
        PausedAt = null;
        Record(ClockEventKind.Resumed, now, actor, null, null);
        ApplyDue(Compute(policy, calendar));
        _history[^1].SetDue(DueDate, DueAt, Provisional);
    }

    /// <summary>Extends by <paramref name="days"/>; the total granted may not exceed the extension policy's amount.</summary>
    public void Extend(int days, DeadlinePolicy policy, DeadlinePolicy? extensionPolicy, WorkingCalendar calendar,
        string approver, string reason, DateTimeOffset now)
    {
        EnsureNotStopped();
        if (extensionPolicy is null) throw new BusinessException(DeadlinesErrorCodes.NotExtendable, new Dictionary<string, object?> { ["policy"] = policy.Name });
        if (days < 1 || ExtensionDays + days > extensionPolicy.Amount)
            throw new BusinessException(DeadlinesErrorCodes.ExtensionTooLong,
                new Dictionary<string, object?> { ["max"] = extensionPolicy.Amount, ["granted"] = ExtensionDays });
        ExtensionDays += days;
        Record(ClockEventKind.Extended, now, approver, reason, days);
        if (Status is ClockStatus.Running)
        {
            ApplyDue(Compute(policy, calendar));
            _history[^1].SetDue(DueDate, DueAt, Provisional);
        }
    }

    public void Stop(string? reason, string? actor, DateTimeOffset now)
    {
        EnsureNotStopped();
        Status = ClockStatus.Stopped;
        StoppedAt = now.ToUniversalTime();
        Record(ClockEventKind.Stopped, now, actor, reason, null);
    }

    /// <summary>After a calendar change: recomputes a running clock; records an entry only when its due time moved or lost its provisional mark.</summary>
    public bool Recompute(DeadlinePolicy policy, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status is not ClockStatus.Running) return false;
        var due = Compute(policy, calendar);
        if (due.DueAt == DueAt && due.Provisional == Provisional) return false;
        ApplyDue(due);
        Record(ClockEventKind.Recomputed, now, null, null, null);
        return true;
    }

    private DueTime Compute(DeadlinePolicy policy, WorkingCalendar calendar) =>
        DeadlineCalculator.Compute(policy, StartedAt, calendar, Pauses(), ExtensionDays);

    private void ApplyDue(DueTime due)
    {
        DueDate = due.DueDate;
        DueAt = due.DueAt.ToUniversalTime();
        Provisional = due.Provisional;
    }

    private void EnsureNotStopped()
    {
        if (Status is ClockStatus.Stopped) throw new BusinessException(DeadlinesErrorCodes.ClockStopped);
    }

    private void Record(ClockEventKind kind, DateTimeOffset at, string? actor, string? reason, int? days)
    {
        var entry = new DeadlineClockEvent(Guid.CreateVersion7(), Id, _history.Count + 1, kind, at, actor, reason, days);
        entry.SetDue(DueDate, DueAt, Provisional);
        _history.Add(entry);
    }
}

internal sealed class DeadlineClockEvent
{
    private DeadlineClockEvent() { }

    internal DeadlineClockEvent(Guid id, Guid clockId, int sequence, ClockEventKind kind, DateTimeOffset at, string? actor, string? reason, int? days)
    {
        Id = id;
        ClockId = clockId;
        Sequence = sequence;
        Kind = kind;
        At = at.ToUniversalTime();
        Actor = actor;
        Reason = reason;
        Days = days;
    }

    public Guid Id { get; private set; }
    public Guid ClockId { get; private set; }
    public int Sequence { get; private set; }
    public ClockEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Actor { get; private set; }
    public string? Reason { get; private set; }
    public int? Days { get; private set; }

    /// <summary>The due time as it stood after this entry.</summary>
    public DateOnly? DueDate { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public bool Provisional { get; private set; }

    internal void SetDue(DateOnly? dueDate, DateTimeOffset? dueAt, bool provisional)
    {
        DueDate = dueDate;
        DueAt = dueAt?.ToUniversalTime();
        Provisional = provisional;
    }
}
