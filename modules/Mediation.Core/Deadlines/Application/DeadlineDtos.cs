using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.Core.Deadlines.Application;

public sealed record DueDto(string Policy, DateOnly DueDate, DateTimeOffset DueAt, bool Provisional);

public sealed record EscalationStepDto(EscalationKind Kind, string AfterDue, SupervisorLevel Supervisor);

public sealed record DeadlinePolicyDto(
    string Name, DurationUnit Unit, int Amount, bool MoveToNextWorkingDay, IReadOnlyList<string> Reminders,
    IReadOnlyList<EscalationStepDto> Escalations, string Description, string? ExtensionPolicy);

public sealed record CalendarYearDto(
    int Year, bool Loaded, string? Source, IReadOnlyList<HolidayRange> Holidays, IReadOnlyList<WorkingDayEntry> WorkingDays,
    DateTimeOffset? UpdatedAt, string? ConcurrencyStamp);

public sealed record PutCalendarYearInput(
    string? Source, IReadOnlyList<HolidayRange>? Holidays, IReadOnlyList<WorkingDayEntry>? WorkingDays, string? ConcurrencyStamp);

public sealed record StartClockInput(string? RecordType, Guid? RecordId, Guid? OrgUnitId, string? Policy, DateTimeOffset? StartedAt, string? Actor);

public sealed record PauseClockInput(string? Reason, string? Actor, string? ConcurrencyStamp);

public sealed record ResumeClockInput(string? Actor, string? ConcurrencyStamp);

public sealed record ExtendClockInput(int? Days, string? Approver, string? Reason, string? ConcurrencyStamp);

public sealed record StopClockInput(string? Reason, string? Actor, string? ConcurrencyStamp);

public sealed record ClockEventDto(
    int Sequence, ClockEventKind Kind, DateTimeOffset At, string? Actor, string? Reason, int? Days, DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional);

public sealed record ClockStepDto(string Step, DeadlineStepKind Kind, DateTimeOffset DueInstant, DateTimeOffset RecordedAt, Guid? SupervisorOrgUnitId);

public sealed record DeadlineClockDto(
    Guid Id, string RecordType, Guid RecordId, Guid OrgUnitId, string Policy, DateTimeOffset StartedAt, ClockStatus Status,
    DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional, int ExtensionDays, string ConcurrencyStamp,
    IReadOnlyList<ClockEventDto> History, IReadOnlyList<ClockStepDto> Steps, DateOnly? StatutoryDueDate = null);

/// <summary><paramref name="StatutoryDueDate"/>: the date the period's article fixes, only when an extension or suspension moved <paramref name="DueDate"/>.</summary>
public sealed record DashboardItemDto(
    Guid ClockId, string RecordType, Guid RecordId, Guid OrgUnitId, string OrgUnitName, string Policy,
    DateOnly? DueDate, DateTimeOffset? DueAt, bool Provisional, DeadlineStepKind? LastEscalation, DateOnly? StatutoryDueDate = null);

public sealed record DashboardDto(Guid OrgUnitId, string OrgUnitName, DateTimeOffset Now, int WithinDays,
    IReadOnlyList<DashboardItemDto> Overdue, IReadOnlyList<DashboardItemDto> DueSoon);
