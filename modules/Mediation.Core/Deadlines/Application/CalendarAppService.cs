using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Core.Deadlines.Application;

/// <summary>
/// The working calendar last read by any scope of this process, with the years' concurrency stamps it was read with. It is
/// immutable and shared; a scope uses it only while the database still holds exactly those years and stamps.
/// </summary>
public sealed class CalendarCache
{
    private volatile CalendarSnapshot? _snapshot;

    internal CalendarSnapshot? Snapshot
    {
        get => _snapshot;
        set => _snapshot = value;
    }

    /// <summary>How many times the days were read from the database (the tests count them).</summary>
    public int Reads => _reads;

    private int _reads;

    internal void CountRead() => Interlocked.Increment(ref _reads);
}

internal sealed record CalendarSnapshot(string Version, WorkingCalendar Calendar);

/// <summary>Reads the working calendar from the database, the one place every host agrees on.</summary>
public sealed class CalendarStore(MediationDbContext db, CalendarCache cache)
{
    // Read once per scope: a registration starting two clocks and showing them read the whole table six times.
    private CalendarSnapshot? _loaded;

    public async Task<WorkingCalendar> LoadAsync(CancellationToken ct) => (await LoadCurrentAsync(ct)).Calendar;

    /// <summary>The calendar the database holds now, with the years' stamps it was read with.</summary>
    internal async Task<CalendarSnapshot> LoadCurrentAsync(CancellationToken ct)
    {
        if (_loaded is not null) return _loaded;
        // Every edit of a year renews its stamp (another host's too), so the few year rows tell whether the process's copy
        // is current; the days, a few hundred rows, are read again only when a stamp or a year changed.
        var years = new List<YearStamp>();
        await foreach (var year in YearStamps.GetOrAdd(db.Model, _ => CompileYearStamps())(db).WithCancellation(ct)) years.Add(year);
        var version = string.Join(',', years.Select(y => $"{y.Year}:{y.ConcurrencyStamp}"));
        if (cache.Snapshot is { } snapshot && snapshot.Version == version) return _loaded = snapshot;
        var days = await db.Set<CalendarDay>().AsNoTracking().Select(d => new CalendarDayEntry(d.Date, d.Kind, d.Name)).ToListAsync(ct);
        cache.CountRead();
        _loaded = new CalendarSnapshot(version, new WorkingCalendar(years.Select(y => y.Year), days));
        cache.Snapshot = _loaded;
        return _loaded;
    }

    /// <summary>
    /// The process's copy as last read by any scope, without asking the database whether it is still current (read once if there
    /// is none yet): for a computation whose write confirms the version later (<see cref="IDeadlineClocks.PlanStartAsync"/>).
    /// </summary>
    internal async Task<CalendarSnapshot> ProcessCopyAsync(CancellationToken ct) => _loaded ?? cache.Snapshot ?? await LoadCurrentAsync(ct);

    private sealed record YearStamp(int Year, string ConcurrencyStamp);

    // Compiled once per model (a test process runs SQLite and PostgreSQL hosts side by side, and EF binds a compiled query to the model
    // it first ran with): every registration reads the stamps to start its clocks, and EF's per-query expression building, funcletizing
    // and cache look-up cost more than the query (issue 17).
    private static readonly ConcurrentDictionary<IModel, Func<MediationDbContext, IAsyncEnumerable<YearStamp>>> YearStamps = new();

    private static Func<MediationDbContext, IAsyncEnumerable<YearStamp>> CompileYearStamps() => EF.CompileAsyncQuery(
        (MediationDbContext db) => db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Id).Select(y => new YearStamp(y.Id, y.ConcurrencyStamp)));

    /// <summary>After a calendar change in this scope, the next load reads the stamps again.</summary>
    public void Forget() => _loaded = null;
}

public sealed partial class CalendarAppService(
    MediationDbContext db, CalendarStore store, DeadlinePolicies policies, ClockRecomputer recomputer, TimeProvider clock)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public IReadOnlyList<DeadlinePolicyDto> Policies() => policies.All
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => new DeadlinePolicyDto(p.Name, p.Unit, p.Amount, p.MoveToNextWorkingDay,
            p.Reminders.Select(r => System.Xml.XmlConvert.ToString(r)).ToList(),
            p.Escalations.Select(e => new EscalationStepDto(e.Kind, System.Xml.XmlConvert.ToString(e.AfterDue), e.Supervisor)).ToList(),
            p.Description, p.ExtensionPolicy))
        .ToList();

    public async Task<DueDto> DueAsync(string? policyName, string? start, CancellationToken ct)
    {
        var policy = policies.Get(policyName);
        var startAt = ParseStart(start);
        var due = DeadlineCalculator.Compute(policy, startAt, await store.LoadAsync(ct));
        return new DueDto(policy.Name, due.DueDate, due.DueAt, due.Provisional);
    }

    public async Task<DueDto> DueAsync(string policyName, DateTimeOffset start, CancellationToken ct)
    {
        var policy = policies.Get(policyName);
        var due = DeadlineCalculator.Compute(policy, start, await store.LoadAsync(ct));
        return new DueDto(policy.Name, due.DueDate, due.DueAt, due.Provisional);
    }

    public async Task<CalendarYearDto> GetYearAsync(int year, CancellationToken ct)
    {
        EnsureYear(year);
        var stored = await db.Set<CalendarYear>().AsNoTracking().Include(y => y.Days).SingleOrDefaultAsync(y => y.Id == year, ct);
        if (stored is null) return new CalendarYearDto(year, false, null, [], [], null, null);
        var file = CalendarFile.From(stored);
        return new CalendarYearDto(year, true, stored.Source, file.Holidays!, file.WorkingDays!, stored.UpdatedAt, stored.ConcurrencyStamp);
    }

    /// <summary>Replaces (or loads) one year's schedule and recomputes every running clock it may affect.</summary>
    public async Task<CalendarYearDto> PutYearAsync(int year, PutCalendarYearInput input, CancellationToken ct)
    {
        EnsureYear(year);
        new InputValidator()
            .Required(input.Source, "source").MaxLength(input.Source, CalendarYear.MaxSourceLength, "source")
            .ThrowIfInvalid();
        var validator = new InputValidator();
        foreach (var holiday in input.Holidays ?? [])
            validator.MaxLength(holiday.Name, CalendarYear.MaxNameLength, "holidays");
        foreach (var workingDay in input.WorkingDays ?? [])
            validator.MaxLength(workingDay.Name, CalendarYear.MaxNameLength, "workingDays");
        validator.ThrowIfInvalid();
        // Refused before the ranges are expanded day by day: 0001-01-01 to 9999-12-31 would be 3.6 million days.
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if ((input.Holidays ?? []).Any(h => h.From < first || h.From > last || h.To > last)
            || (input.WorkingDays ?? []).Any(w => w.Date < first || w.Date > last))
            throw new BusinessException(DeadlinesErrorCodes.DayOutsideYear, new Dictionary<string, object?> { ["year"] = year });
        var entries = new CalendarFile(year, input.Source, input.Holidays, input.WorkingDays).Entries().ToList();

        var stored = await db.Set<CalendarYear>().Include(y => y.Days).SingleOrDefaultAsync(y => y.Id == year, ct);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            db.Add(CalendarYear.Create(year, input.Source!.Trim(), entries, now));
        }
        else
        {
            db.ExpectConcurrencyStamp(stored, input.ConcurrencyStamp);
            stored.Replace(input.Source!.Trim(), entries, now);
        }
        await db.SaveChangesAsync(ct);
        await recomputer.RecomputeAsync(year, ct);
        return await GetYearAsync(year, ct);
    }

    /// <summary>Loads the files of years the database does not hold yet; an admin's edits are never overwritten.</summary>
    public async Task<IReadOnlyList<int>> ImportFilesAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return [];
        var known = (await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Id).ToListAsync(ct)).ToHashSet();
        var imported = new List<int>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = CalendarFile.Read(path);
            if (known.Contains(file.Year)) continue;
            db.Add(CalendarYear.Create(file.Year, file.Source ?? Path.GetFileName(path), file.Entries(), clock.GetUtcNow()));
            imported.Add(file.Year);
        }
        if (imported.Count == 0) return imported;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another host imported the same files at the same moment; theirs stand.
            db.ChangeTracker.Clear();
            return [];
        }
        foreach (var year in imported) await recomputer.RecomputeAsync(year, ct);
        return imported;
    }

    public static DateTimeOffset ParseStart(string? start)
    {
        if (string.IsNullOrWhiteSpace(start)) throw new DeadlineInputException(DeadlinesErrorCodes.InvalidStart, new Dictionary<string, object?> { ["start"] = "" });
        // A '+' in an unencoded query string arrives as a space.
        var text = SpaceBeforeOffset().Replace(start.Trim(), "+$1");
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local))
            throw new DeadlineInputException(DeadlinesErrorCodes.InvalidStart, new Dictionary<string, object?> { ["start"] = start });
        // Only the years a calendar can hold: year 1 or 9999 would be computed against no schedule at all.
        if (local.Year is < MinYear or >= MaxYear)
            throw new DeadlineInputException(DeadlinesErrorCodes.InvalidStart, new Dictionary<string, object?> { ["start"] = start });
        var parsed = local.Kind is DateTimeKind.Unspecified
            ? new DateTimeOffset(local, ChinaTime.Offset)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return parsed;
    }

    private static void EnsureYear(int year)
    {
        if (year is < MinYear or > MaxYear)
            throw new DeadlineInputException(DeadlinesErrorCodes.InvalidYear, new Dictionary<string, object?> { ["min"] = MinYear, ["max"] = MaxYear });
    }

    [GeneratedRegex(@" (\d{2}:?\d{2})$")]
    private static partial Regex SpaceBeforeOffset();
}

/// <summary>After a calendar year is loaded or edited, running clocks whose period may touch it are computed again.</summary>
public sealed class ClockRecomputer(MediationDbContext db, CalendarStore store, DeadlinePolicies policies, TimeProvider clock)
{
    public async Task<int> RecomputeAsync(int year, CancellationToken ct)
    {
        var yearStart = ChinaTime.StartOfDay(new DateOnly(year, 1, 1)).ToUniversalTime();
        var nextYearStart = ChinaTime.StartOfDay(new DateOnly(year + 1, 1, 1)).ToUniversalTime();
        var clocks = await db.Set<DeadlineClock>().Include(c => c.History)
            .Where(c => c.Status == ClockStatus.Running && c.StartedAt < nextYearStart && (c.Provisional || c.DueAt >= yearStart))
            .ToListAsync(ct);
        if (clocks.Count == 0) return 0;
        store.Forget();
        var calendar = await store.LoadAsync(ct);
        var now = clock.GetUtcNow();
        var changed = clocks.Count(c => policies.Find(c.PolicyName) is { } policy && c.Recompute(policy, calendar, now));
        await db.SaveChangesAsync(ct);
        return changed;
    }
}
