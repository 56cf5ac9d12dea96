using Mediation.Core.Domain;

namespace Mediation.Core.Deadlines.Domain;

/// <summary>One year's published holiday schedule, as loaded from etc/calendars or edited by an admin.</summary>
internal sealed class CalendarYear : AggregateRoot<int>
{
    public const int MaxNameLength = 100;
    public const int MaxSourceLength = 300;

    private readonly List<CalendarDay> _days = [];

    private CalendarYear() { }

    public int Year => Id;
    public string Source { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<CalendarDay> Days => _days;

    public static CalendarYear Create(int year, string source, IEnumerable<CalendarDayEntry> days, DateTimeOffset now)
    {
        var calendarYear = new CalendarYear { Id = year };
        calendarYear.Replace(source, days, now);
        return calendarYear;
    }

    public void Replace(string source, IEnumerable<CalendarDayEntry> days, DateTimeOffset now)
    {
        var list = days.ToList();
        if (list.Any(d => d.Date.Year != Id))
            throw new BusinessException(DeadlinesErrorCodes.DayOutsideYear, new Dictionary<string, object?> { ["year"] = Id });
        var clash = list.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new BusinessException(DeadlinesErrorCodes.DayListedTwice, new Dictionary<string, object?> { ["date"] = clash.Key.ToString("yyyy-MM-dd") });
        Source = source;
        UpdatedAt = now.ToUniversalTime();
        // Days keep their identity (the date), so an edit updates, removes and adds rows rather than replacing them all.
        var wanted = list.ToDictionary(d => d.Date);
        _days.RemoveAll(d => !wanted.ContainsKey(d.Date));
        foreach (var day in _days) day.Change(wanted[day.Date].Kind, wanted[day.Date].Name);
        var kept = _days.Select(d => d.Date).ToHashSet();
        _days.AddRange(list.Where(d => !kept.Contains(d.Date)).Select(d => new CalendarDay(Id, d.Date, d.Kind, d.Name)));
    }

    public IEnumerable<CalendarDayEntry> Entries => _days.Select(d => new CalendarDayEntry(d.Date, d.Kind, d.Name));
}

internal sealed class CalendarDay
{
    private CalendarDay() { }

    public CalendarDay(int year, DateOnly date, CalendarDayKind kind, string name)
    {
        Year = year;
        Date = date;
        Kind = kind;
        Name = name;
    }

    public int Year { get; private set; }
    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";

    internal void Change(CalendarDayKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }
}
