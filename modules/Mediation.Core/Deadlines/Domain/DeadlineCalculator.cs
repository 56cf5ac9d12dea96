namespace Mediation.Core.Deadlines.Domain;

/// <summary>A span during which a clock did not run. Days after the pause day up to and including the resume day are not counted.</summary>
public sealed record PauseInterval(DateTimeOffset PausedAt, DateTimeOffset ResumedAt);

public sealed record DueTime(DateOnly DueDate, DateTimeOffset DueAt, bool Provisional);

/// <summary>
/// Computes when a period ends. Day periods: the day of the triggering event is not counted; the
/// period ends at the end of its last day (China time); days of a pause are not counted; for
/// calendar-day and month periods with the move switch, a last day that is not a working day
/// moves to the next working day. Hour periods run on the clock. A result is provisional when any
/// day from the first counted day to the due date lies in a year the calendar has not loaded.
/// </summary>
public static class DeadlineCalculator
{
    public static DueTime Compute(DeadlinePolicy policy, DateTimeOffset start, WorkingCalendar calendar,
        IReadOnlyList<PauseInterval>? pauses = null, int extensionDays = 0)
    {
        pauses ??= [];
        var startDate = ChinaTime.DateOf(start);

        if (policy.Unit is DurationUnit.Hours)
        {
            var paused = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.ResumedAt - p.PausedAt));
            var end = start + TimeSpan.FromHours(policy.Amount) + paused + TimeSpan.FromDays(extensionDays);
            // Whole seconds: every database stores them exactly, so a step's due instant matches its unique key.
            var dueAt = ChinaTime.ToChina(end.AddTicks(-(end.Ticks % TimeSpan.TicksPerSecond)));
            var dueDate = DateOnly.FromDateTime(dueAt.DateTime);
            return new DueTime(dueDate, dueAt, Provisional(calendar, startDate, dueDate));
        }

        var excluded = pauses
            .Select(p => (From: ChinaTime.DateOf(p.PausedAt), To: ChinaTime.DateOf(p.ResumedAt)))
            .ToList();
        bool IsPaused(DateOnly d) => excluded.Any(p => p.From < d && d <= p.To);

        DateOnly due;
        switch (policy.Unit)
        {
            case DurationUnit.CalendarDays:
                due = CountDays(startDate, policy.Amount + extensionDays, d => !IsPaused(d));
                break;
            case DurationUnit.WorkingDays:
                due = CountDays(startDate, policy.Amount + extensionDays, d => !IsPaused(d) && calendar.IsWorkingDay(d));
                break;
            case DurationUnit.Months:
                var pausedDays = excluded.Sum(p => Math.Max(0, p.To.DayNumber - p.From.DayNumber));
                due = startDate.AddMonths(policy.Amount).AddDays(pausedDays + extensionDays);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(policy), policy.Unit, "unknown duration unit");
        }

        if (policy.MoveToNextWorkingDay && policy.Unit is not DurationUnit.WorkingDays)
            due = calendar.NextWorkingDayOnOrAfter(due);

        return new DueTime(due, ChinaTime.EndOfDay(due), Provisional(calendar, startDate, due));
    }

    private static DateOnly CountDays(DateOnly startDate, int count, Func<DateOnly, bool> counts)
    {
        var day = startDate;
        var counted = 0;
        while (counted < count)
        {
            day = day.AddDays(1);
            if (counts(day)) counted++;
        }
        return day;
    }

    private static bool Provisional(WorkingCalendar calendar, DateOnly startDate, DateOnly dueDate)
    {
        for (var year = startDate.AddDays(1).Year; year <= dueDate.Year; year++)
            if (!calendar.IsLoaded(year)) return true;
        return false;
    }
}
