using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.Tests.Deadlines;

/// <summary>The published schedules as shipped in etc/calendars (2025, 2026), and China-time helpers.</summary>
public static class Calendars
{
    public static readonly WorkingCalendar Published = Load();

    /// <summary>Every policy the host's modules declare.</summary>
    public static readonly IReadOnlyList<DeadlinePolicy> Declared = Mediation.Host.HostModules.Create().Modules.SelectMany(m => m.DeadlinePolicies).ToList();

    public static DeadlinePolicy Policy(string name) => Declared.Single(p => p.Name == name);

    public static DateTimeOffset China(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, ChinaTime.Offset);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    /// <summary>A made-up 2027 schedule for the tests (the real one is not published yet): Spring Festival 30 Jan – 5 Feb.</summary>
    public static readonly IReadOnlyList<CalendarDayEntry> Hypothetical2027 =
        Enumerable.Range(0, 7).Select(i => new CalendarDayEntry(new DateOnly(2027, 1, 30).AddDays(i), CalendarDayKind.Holiday, "春节")).ToList();

    private static WorkingCalendar Load()
    {
        var folder = new CalendarOptions().ResolvePath();
        var files = Directory.GetFiles(folder, "*.json").Select(CalendarFile.Read).ToList();
        return new WorkingCalendar(files.Select(f => f.Year), files.SelectMany(f => f.Entries()));
    }
}
