using Mediation.Core.Deadlines.Domain;

namespace Mediation.LegalWindows.Domain;

public sealed record PlannedShift(DateOnly Date, Guid? AdvisorId, bool OnHoliday);

/// <summary>
/// The 值班表 on the working calendar: statutory holidays and weekends are off, 调休 working weekend days are working days
/// (the State Council's schedule, loaded as data), and a holiday gets a shift only when it is named for duty.
/// </summary>
public static class RosterPlanner
{
    public const int MaxDays = 62;

    public static readonly IReadOnlyList<DayOfWeek> WorkingWeek =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static IReadOnlyList<PlannedShift> Plan(DateOnly from, DateOnly to, IReadOnlyList<Guid> advisorsInTurn, IReadOnlyCollection<DayOfWeek> weekdays,
        IReadOnlyCollection<DateOnly> holidayDuty, WorkingCalendar calendar)
    {
        if (to < from) throw new Core.Domain.BusinessException(LegalWindowsErrorCodes.RosterEndsBeforeStart);
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw new Core.Domain.BusinessException(LegalWindowsErrorCodes.RosterTooLong, new Dictionary<string, object?> { ["max"] = MaxDays });
        var shifts = new List<PlannedShift>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var working = calendar.IsWorkingDay(date);
            // A 调休 Saturday stands in for a weekday: the window opens whatever its usual days are.
            var duty = working ? weekend || weekdays.Contains(date.DayOfWeek) : holidayDuty.Contains(date);
            if (!duty) continue;
            Guid? advisor = advisorsInTurn.Count == 0 ? null : advisorsInTurn[shifts.Count % advisorsInTurn.Count];
            shifts.Add(new PlannedShift(date, advisor, OnHoliday: !working));
        }
        return shifts;
    }
}
