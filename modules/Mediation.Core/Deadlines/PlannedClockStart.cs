using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.Core.Deadlines;

/// <summary>
/// A clock of a record not written yet, computed on the process's copy of the working calendar (<see cref="IDeadlineClocks.PlanStartAsync"/>).
/// Whoever writes the record adds <see cref="Entity"/> to the context that writes it, after <see cref="IDeadlineClocks.ConfirmPlannedAsync"/>
/// has computed it again if another host or scope changed the calendar since.
/// </summary>
public sealed class PlannedClockStart
{
    private readonly DeadlinePolicy _policy;
    private readonly string? _actor;
    private readonly DateTimeOffset _plannedAt;

    internal PlannedClockStart(DeadlineClock clock, DeadlinePolicy policy, string? actor, DateTimeOffset plannedAt, string calendarVersion)
    {
        Clock = clock;
        _policy = policy;
        _actor = actor;
        _plannedAt = plannedAt;
        CalendarVersion = calendarVersion;
    }

    internal DeadlineClock Clock { get; private set; }

    /// <summary>The years and stamps of the calendar the due date was computed on.</summary>
    internal string CalendarVersion { get; private set; }

    /// <summary>The clock's entity, for the writer's context (its audit rows and change feed see it as any added entity).</summary>
    public object Entity => Clock;

    /// <summary>The started clock as the API shows it: no steps yet, and its due date is the statutory one (no pause or extension).</summary>
    public DeadlineClockDto Dto => DeadlineClockAppService.ToDto(Clock, [], Clock.DueDate);

    /// <summary>The same clock (same id, start and actor) computed on <paramref name="calendar"/>.</summary>
    internal void Recompute(CalendarSnapshot calendar)
    {
        Clock = DeadlineClock.Start(Clock.Id, Clock.RecordType, Clock.RecordId, Clock.OrgUnitId, _policy, Clock.StartedAt, calendar.Calendar,
            _actor, _plannedAt);
        CalendarVersion = calendar.Version;
    }
}
