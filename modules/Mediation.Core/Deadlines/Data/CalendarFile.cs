using System.Text.Json;
using Mediation.Core.Deadlines.Domain;

namespace Mediation.Core.Deadlines.Data;

/// <summary>The shape of etc/calendars/&lt;year&gt;.json and of the calendar API: holiday ranges and 调休 working days.</summary>
public sealed record CalendarFile(int Year, string? Source, IReadOnlyList<HolidayRange>? Holidays, IReadOnlyList<WorkingDayEntry>? WorkingDays)
{
    public IEnumerable<CalendarDayEntry> Entries() =>
        (Holidays ?? []).SelectMany(h => Dates(h.From, h.To ?? h.From).Select(d => new CalendarDayEntry(d, CalendarDayKind.Holiday, h.Name ?? "")))
        .Concat((WorkingDays ?? []).Select(w => new CalendarDayEntry(w.Date, CalendarDayKind.WorkingDay, w.Name ?? "")));

    internal static CalendarFile From(CalendarYear year) => new(
        year.Year,
        year.Source,
        Ranges(year.Days.Where(d => d.Kind is CalendarDayKind.Holiday).OrderBy(d => d.Date).ToList()),
        year.Days.Where(d => d.Kind is CalendarDayKind.WorkingDay).OrderBy(d => d.Date).Select(d => new WorkingDayEntry(d.Date, d.Name)).ToList());

    private static IEnumerable<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return d;
    }

    private static List<HolidayRange> Ranges(IReadOnlyList<CalendarDay> holidays)
    {
        var ranges = new List<HolidayRange>();
        foreach (var day in holidays)
        {
            if (ranges.Count > 0 && ranges[^1].To!.Value.AddDays(1) == day.Date && ranges[^1].Name == day.Name)
                ranges[^1] = ranges[^1] with { To = day.Date };
            else
                ranges.Add(new HolidayRange(day.Date, day.Date, day.Name));
        }
        return ranges;
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web);

    public static CalendarFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<CalendarFile>(stream, FileJson)
            ?? throw new InvalidOperationException($"Calendar file {path} is empty.");
    }
}

public sealed record HolidayRange(DateOnly From, DateOnly? To, string? Name);

public sealed record WorkingDayEntry(DateOnly Date, string? Name);
