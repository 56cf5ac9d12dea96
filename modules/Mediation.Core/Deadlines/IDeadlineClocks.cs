using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.Core.Deadlines;

/// <summary>
/// The deadline engine as other modules use it: a record (type + id, owned by an org unit) starts
/// a clock under a named policy, pauses, resumes, extends and stops it. No module computes a due
/// date by hand. Each call saves its own change, except a planned start
/// (<see cref="PlanStartAsync"/>), which its record's writer saves.
/// </summary>
public interface IDeadlineClocks
{
    /// <summary>The longest reason a pause, extension or stop may give; modules validate their own inputs with it.</summary>
    const int MaxReasonLength = 500;

    Task<DeadlineClockDto> StartAsync(StartClockInput input, CancellationToken ct);

    /// <summary>
    /// Computes the clock of a record created in the caller's unit of work and not written yet, on the process's copy of the working
    /// calendar: nothing is read (a record not yet written has no clock, the caller has just found the unit — the save's scope check
    /// and foreign key still guard it — and the unique index on record and policy still refuses a second start) and nothing is
    /// tracked or saved. Whoever writes the record calls <see cref="ConfirmPlannedAsync"/> and adds each <see cref="PlannedClockStart.Entity"/>
    /// to the context that writes it, so record, clocks, audit rows and events go in one SaveChanges. A group commit confirms a whole
    /// batch with one read of the calendar's year stamps, where each request used to read them (issue 17).
    /// </summary>
    Task<PlannedClockStart> PlanStartAsync(StartClockInput input, CancellationToken ct);

    /// <summary>
    /// Reads the calendar's year stamps once and computes again each planned clock whose calendar has changed since (a year loaded or
    /// edited here or on another host). Called just before the write's transaction (the read takes no lock; SQLite's write gate and the
    /// numbers' row locks are held only by the writes). A calendar edit recomputes the clocks it finds written
    /// (<see cref="Application.CalendarAppService.PutYearAsync"/>); one committed between this read and the write's commit is seen by
    /// neither, as it was when each request read the stamps itself, but the window is now the write alone, not the whole wait for it.
    /// </summary>
    Task ConfirmPlannedAsync(IReadOnlyCollection<PlannedClockStart> planned, CancellationToken ct);

    Task<DeadlineClockDto> PauseAsync(Guid clockId, PauseClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> ResumeAsync(Guid clockId, ResumeClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> ExtendAsync(Guid clockId, ExtendClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> StopAsync(Guid clockId, StopClockInput input, CancellationToken ct);

    Task<DeadlineClockDto> GetAsync(Guid clockId, CancellationToken ct);

    Task<IReadOnlyList<DeadlineClockDto>> ForRecordAsync(string recordType, Guid recordId, CancellationToken ct);

    /// <summary>Every clock of many records, open or stopped, in one query per few hundred ids (read models and recounts).</summary>
    Task<IReadOnlyList<RecordDueDate>> DueDatesAsync(string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct);

    /// <summary>
    /// The open (running or paused) clocks of a record type, as a query the caller composes into its
    /// own: a list ordered by due date stays one database query, so paging never cuts off an old item due soon.
    /// </summary>
    IQueryable<OpenClock> OpenClocks(string recordType);

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="from"/> on the loaded calendar (调休 counted):
    /// the horizon of "due soon" lists.</summary>
    Task<DateOnly> WorkingDaysAfterAsync(DateOnly from, int workingDays, CancellationToken ct);

    /// <summary>Preview without a clock: when would a period under <paramref name="policy"/> started at <paramref name="start"/> end.</summary>
    Task<DueDto> PreviewAsync(string policy, DateTimeOffset start, CancellationToken ct);
}

public sealed record RecordDueDate(Guid RecordId, string Policy, DateTimeOffset StartedAt, ClockStatus Status, DateOnly? DueDate);

/// <summary>A clock as a list query sees it; a class with setters so that EF composes filters on it.</summary>
public sealed class OpenClock
{
    public Guid RecordId { get; init; }
    public string Policy { get; init; } = "";
    public ClockStatus Status { get; init; }
    public DateOnly? DueDate { get; init; }
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>With <see cref="ExtensionDays"/> &gt; 0 the due date is an adjusted one; the statutory one is PreviewAsync(Policy, StartedAt).</summary>
    public DateTimeOffset StartedAt { get; init; }
    public int ExtensionDays { get; init; }
}
