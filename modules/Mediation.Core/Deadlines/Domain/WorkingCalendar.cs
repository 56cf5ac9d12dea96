namespace Mediation.Core.Deadlines.Domain;

public enum CalendarDayKind
{
    /// <summary>法定节假日: a day off even on a weekday.</summary>
    Holiday = 1,

    /// <summary>调休上班: a weekend day that is a working day.</summary>
    WorkingDay = 2,
}

public sealed record CalendarDayEntry(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// Working days are Monday–Friday minus statutory holidays plus make-up working weekends (调休),
/// as published per year by the State Council. A year that is not loaded falls back to
/// Monday–Friday; callers mark results that touch it as provisional.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _loadedYears;
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingCalendar(IEnumerable<int> loadedYears, IEnumerable<CalendarDayEntry> days)
    {
        _loadedYears = loadedYears.ToHashSet();
        _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    public static WorkingCalendar MondayToFriday { get; } = new([], []);

    public IReadOnlyCollection<int> LoadedYears => _loadedYears;

    public bool IsLoaded(int year) => _loadedYears.Contains(year);

    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var kind)
        ? kind is CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>A copy with one year's schedule replaced (or added).</summary>
    public WorkingCalendar WithYear(int year, IEnumerable<CalendarDayEntry> days) => new(
        _loadedYears.Append(year),
        _exceptions.Where(e => e.Key.Year != year).Select(e => new CalendarDayEntry(e.Key, e.Value, ""))
            .Concat(days.Where(d => d.Date.Year == year)));
}
