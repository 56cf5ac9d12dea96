using System.Globalization;
using System.Linq.Expressions;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Statistics.Data;
using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Statistics.Application;

/// <summary>The figures of a unit's subtree, its units one level down and the same period a year before, counted over the facts.</summary>
internal sealed class FigureService(MediationDbContext db, IOrgUnitDirectory units, ICurrentUser user, IDataScope scope, TextCatalog texts,
    TimeProvider clock)
{
    public const int DrillDownLimit = 1000;

    private static readonly CultureInfo Official = CultureInfo.GetCultureInfo("zh-Hans");

    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow());

    public Task<FiguresDto> GetAsync(FigureQuery query, CancellationToken ct) => GetAsync(query, null, ct);

    /// <summary>The figures; <paramref name="step"/> is called after each query (a report in the background shows it as progress).</summary>
    public async Task<FiguresDto> GetAsync(FigureQuery query, Func<ValueTask>? step, CancellationToken ct)
    {
        var period = Resolve(query);
        var unit = await UnitInScopeAsync(query.OrgUnitId, ct);
        var children = (await units.SubtreeAsync(unit.Path, ct)).Where(u => u.ParentId == unit.Id).ToList();
        var window = new FigureWindow(period.From, period.To, Today);
        var before = period.YearBefore();
        var previousWindow = new FigureWindow(before.From, before.To, Today);

        var totals = new List<FigureDto>();
        var byUnit = new Dictionary<string, List<FigureDto>>();
        var yearOnYear = new List<YearOnYearDto>();
        var unitKey = RecordFact.UnitKeyOf(unit.Path);
        var counted = await CountByChildAsync(FigureCatalog.All, unitKey, window, query, step, ct);
        var previousCounted = await CountByChildAsync(FigureCatalog.All, unitKey, previousWindow, query, step, ct);
        foreach (var figure in FigureCatalog.All)
        {
            var groups = counted[figure.Key];
            totals.Add(ToDto(figure, Sum(groups.Values), unit.Id, query, period));
            foreach (var (key, counts) in groups)
                (byUnit.TryGetValue(key, out var list) ? list : byUnit[key] = []).Add(ToDto(figure, counts, unit.Id, query, period));

            var previous = Value(figure, Sum(previousCounted[figure.Key].Values));
            var current = totals[^1].Value;
            var change = YearOnYearChange.Of(texts.Find(figure.NameKey, Official) ?? figure.Key, figure.Unit, current, previous);
            yearOnYear.Add(new YearOnYearDto(figure.Key, previous, current, change.Amount, change.Wording));
        }

        var rows = new List<UnitFiguresDto>();
        foreach (var child in children.Prepend(unit))
        {
            var key = RecordFact.UnitKeyOf(child.Path);
            // The unit itself appears only when records are registered at its own level.
            if (child.Id == unit.Id && !byUnit.ContainsKey(key)) continue;
            // Every figure in every row: a unit may have records for one figure (a case pending from before) and none for another.
            var ofUnit = byUnit.GetValueOrDefault(key) ?? [];
            var figures = FigureCatalog.All.Select(f => ofUnit.FirstOrDefault(c => c.Key == f.Key)
                ?? ToDto(f, new Counts(0, f.Denominator is null ? null : 0, 0), child.Id, query, period)).ToList();
            rows.Add(new UnitFiguresDto(child.Id, child.Name, figures.Select(f => f with { DrillDown = DrillDown(f.Key, "numerator", child.Id, query, period) }).ToList()));
        }
        return new FiguresDto(unit.Id, unit.Name, period.From, period.To, totals, rows, yearOnYear);
    }

    public async Task<CountedRecordsDto> RecordsAsync(string figureKey, string? part, FigureQuery query, CancellationToken ct)
    {
        var figure = FigureCatalog.Find(figureKey) ?? throw new EntityNotFoundException("Statistics.Figure", figureKey);
        var period = Resolve(query);
        part ??= "numerator";
        var expression = part switch
        {
            "numerator" => figure.Numerator,
            "denominator" when figure.Denominator is not null => figure.Denominator,
            _ => null,
        };
        if (expression is null)
        {
            new Core.Validation.InputValidator().Add("part", StatisticsErrorCodes.PartInvalid).ThrowIfInvalid();
            throw new InvalidOperationException();
        }
        var unit = await UnitInScopeAsync(query.OrgUnitId, ct);
        var records = Filtered(figure.Kind, RecordFact.UnitKeyOf(unit.Path), query).Where(expression(new FigureWindow(period.From, period.To, Today)));
        var total = await records.LongCountAsync(ct);
        var items = await records.OrderBy(f => f.ReceivedOn).ThenBy(f => f.Number).Take(DrillDownLimit).ToListAsync(ct);
        return new CountedRecordsDto(figure.Key, part, total, items.Select(f => new CountedRecordDto(f.Kind, f.RecordId, f.Number, f.OrgUnitId,
            f.ReceivedOn, f.ConcludedOn, f.Outcome, f.Category, f.Source, LinkOf(f))).ToList());
    }

    public const int TrendMonths = 36;

    private static readonly Figure[] TrendFigures = new[] { "received", "concluded", "successRate" }.Select(k => FigureCatalog.Find(k)!).ToArray();

    /// <summary>Steps of <see cref="GetAsync(FigureQuery, Func{ValueTask}?, CancellationToken)"/>: the period and the year before.</summary>
    public const int FigureSteps = 2;

    /// <summary>Cases received and concluded, and the success rate, month by month over the period (its last 36 months at most).</summary>
    public Task<IReadOnlyList<TrendPointDto>> TrendAsync(FigureQuery query, CancellationToken ct) => TrendAsync(query, null, ct);

    public async Task<IReadOnlyList<TrendPointDto>> TrendAsync(FigureQuery query, Func<ValueTask>? step, CancellationToken ct)
    {
        var period = Resolve(query);
        var unitKey = RecordFact.UnitKeyOf((await UnitInScopeAsync(query.OrgUnitId, ct)).Path);
        var first = FirstTrendMonth(period);
        var points = new List<TrendPointDto>();
        for (var month = first; month <= period.To; month = month.AddMonths(1))
        {
            var window = new FigureWindow(month < period.From ? period.From : month,
                month.AddMonths(1).AddDays(-1) > period.To ? period.To : month.AddMonths(1).AddDays(-1), Today);
            var counted = await CountByChildAsync(TrendFigures, unitKey, window, query, null, ct);
            points.Add(new TrendPointDto($"{month:yyyy-MM}", Sum(counted["received"].Values).Numerator, Sum(counted["concluded"].Values).Numerator,
                Value(TrendFigures[2], Sum(counted["successRate"].Values))));
            if (step is not null) await step();
        }
        return points;
    }

    private static DateOnly FirstTrendMonth(ReportPeriod period)
    {
        var first = new DateOnly(period.From.Year, period.From.Month, 1);
        var months = (period.To.Year - first.Year) * 12 + period.To.Month - first.Month + 1;
        return months > TrendMonths ? first.AddMonths(months - TrendMonths) : first;
    }

    /// <summary>How many months the trend of the period has (its last 36 at most).</summary>
    public static int TrendMonthCount(ReportPeriod period)
    {
        var first = FirstTrendMonth(period);
        return (period.To.Year - first.Year) * 12 + period.To.Month - first.Month + 1;
    }

    public ReportPeriod Resolve(FigureQuery q) => ReportPeriod.Resolve(q.Period, q.Year, q.Quarter, q.Month, q.From, q.To, Today);

    /// <summary>A unit the caller may see (its own or one below): another unit is not found, as for any record out of scope.</summary>
    public async Task<OrgUnitInfo> UnitInScopeAsync(Guid? orgUnitId, CancellationToken ct)
    {
        var id = orgUnitId ?? user.OrgUnitId ?? throw new EntityNotFoundException("OrgUnit", Guid.Empty);
        var unit = await units.FindAsync(id, ct);
        if (unit is null || (scope.OrgUnitPath is { } path && !unit.Path.StartsWith(path, StringComparison.Ordinal)))
            throw new EntityNotFoundException("OrgUnit", id);
        return unit;
    }

    private IQueryable<RecordFact> Filtered(RecordKind kind, string unitKey, FigureQuery query)
    {
        var upper = unitKey + "g";
        var facts = db.Set<RecordFact>().AsNoTracking()
            .Where(f => string.Compare(f.UnitKey, unitKey) >= 0 && string.Compare(f.UnitKey, upper) < 0);
        if (kind is RecordKind.Case)
        {
            if (query.DisputeType is { } type) { var t = type.ToString(); facts = facts.Where(f => f.Category == t); }
            if (query.Source is { } source) { var s = source.ToString(); facts = facts.Where(f => f.Source == s); }
        }
        return facts;
    }

    private sealed record Counts(long Numerator, long? Denominator, long DaysSum);

    private static Counts Sum(IEnumerable<Counts> counts)
    {
        var list = counts.ToList();
        return new Counts(list.Sum(c => c.Numerator), list.Count == 0 ? 0 : list.Sum(c => c.Denominator ?? 0), list.Sum(c => c.DaysSum));
    }

    /// <summary>
    /// The counts of the figures for each unit one level below (or the unit's own key). The period is split at month boundaries
    /// (<see cref="WindowSplit"/>): its whole months are summed from the monthly counts and its partial first and last months from the
    /// daily counts, every figure from the same rows (<see cref="MonthlyFigures.Of"/>); from the facts come only the records a partial
    /// month leaves undecided in those rows (<see cref="MonthlyFigures.Corrections"/>) and the open records due this month.
    /// </summary>
    private async Task<Dictionary<string, Dictionary<string, Counts>>> CountByChildAsync(IReadOnlyList<Figure> figures, string unitKey,
        FigureWindow window, FigureQuery query, Func<ValueTask>? step, CancellationToken ct)
    {
        var split = WindowSplit.Of(window);
        var childLength = unitKey.Length + 32;
        var counted = figures.ToDictionary(f => f.Key, _ => new Dictionary<string, (long N, long D, long Days)>());
        void Add(Figure figure, string key, long n, long d, long days)
        {
            if (n == 0 && d == 0) return;
            var of = counted[figure.Key];
            var (n0, d0, days0) = of.GetValueOrDefault(key);
            of[key] = (n0 + n, d0 + d, days0 + days);
        }

        var kinds = figures.Select(f => f.Kind).Distinct().ToList();
        var rows = new List<MonthlyCount>();
        if (split.Months is { } months)
        {
            var (firstMonth, lastMonth) = (months.From, MonthlyCount.MonthOf(months.To));
            rows.AddRange(await Summed(OfKinds(Rows<MonthlyCount>(unitKey, query), kinds).Where(m => m.Month >= firstMonth && m.Month <= lastMonth), ct));
        }
        if (split.Edges.Count > 0)
        {
            // Both partial months in one statement: each edge is a range of the (Day, UnitKey, …) index.
            var days = split.Edges.Select(e => OfKinds(Rows<DailyCount>(unitKey, query), kinds).Where(d => d.Day >= e.From && d.Day <= e.To))
                .Aggregate(Queryable.Concat);
            rows.AddRange(await Summed(days, ct));
        }
        foreach (var row in rows)
            foreach (var figure in figures)
            {
                var (n, d, days) = MonthlyFigures.Of(figure, row, split);
                Add(figure, row.UnitKey, n, d, days);
            }

        foreach (var figure in figures.Where(MonthlyFigures.HasUnboundedDenominator))
        {
            var pending = await Rows<MonthlyCount>(unitKey, query).Where(MonthlyFigures.PendingOrReceived(window))
                .GroupBy(m => m.UnitKey.Substring(0, childLength)).Select(g => new { g.Key, Records = g.Sum(m => m.Records) }).ToListAsync(ct);
            foreach (var row in pending) Add(figure, row.Key, 0, row.Records, 0);
        }

        // Each correction is one range of its date's index, named to SQLite: it has no range statistics and sought the 调处率's
        // correction (concluded in the partial last month, received in the period) by the period's receipts instead (session 14).
        foreach (var figure in figures)
            foreach (var correction in MonthlyFigures.Corrections(figure, split))
            {
                var corrected = await Filtered(figure.Kind, unitKey, query).Where(correction.Records)
                    .TagWith(SqliteIndexHint.Tag(DateIndex(correction.Date.ToString())))
                    .GroupBy(f => f.UnitKey.Substring(0, childLength)).Select(g => new { g.Key, Records = g.LongCount() }).ToListAsync(ct);
                foreach (var row in corrected)
                    Add(figure, row.Key, correction.IsDenominator ? 0 : row.Records, correction.IsDenominator ? row.Records : 0, 0);
            }

        var thisMonth = MonthlyCount.MonthOf(window.Today);
        if (window.Today > thisMonth)
            foreach (var figure in figures.Where(MonthlyFigures.CountsOpenOverdue))
            {
                var open = Filtered(figure.Kind, unitKey, query).Where(figure.Numerator(window)).Where(MonthlyCount.OpenDueIn(figure.Kind, thisMonth));
                if (figure.Kind is not RecordKind.Petition)
                {
                    // An open record is overdue only once its due date has passed (the numerator says so inside an OR, which no index
                    // uses): bounded here too, the (Kind, DueOn) range is this month's due dates up to today. SQLite guessed
                    // (Kind, ConcludedOn IS NULL) instead — the kind's open records of all years, 250,580 meeting tasks in the 5M bench.
                    var today = window.Today;
                    open = open.Where(f => f.DueOn < today).TagWith(SqliteIndexHint.Tag(DateIndex(nameof(RecordFact.DueOn))));
                }
                var openRows = await open.GroupBy(f => f.UnitKey.Substring(0, childLength)).Select(g => new { g.Key, Records = g.LongCount() }).ToListAsync(ct);
                foreach (var row in openRows) Add(figure, row.Key, row.Records, 0, 0);
            }

        if (step is not null) await step();
        return figures.ToDictionary(f => f.Key, f => counted[f.Key].ToDictionary(e => e.Key,
            e => new Counts(e.Value.N, f.Denominator is null ? null : e.Value.D, e.Value.Days)));

        // The rows of the period summed by kind, child unit, entry, second month and category: every figure reads these.
        async Task<List<MonthlyCount>> Summed<TRow>(IQueryable<TRow> periodRows, CancellationToken token) where TRow : CountRow =>
            await periodRows.GroupBy(m => new { m.Kind, Key = m.UnitKey.Substring(0, childLength), m.Entry, m.Other, m.Category })
                .Select(g => new MonthlyCount
                {
                    Kind = g.Key.Kind, UnitKey = g.Key.Key, Entry = g.Key.Entry, Other = g.Key.Other, Category = g.Key.Category,
                    Records = g.Sum(m => m.Records), Days = g.Sum(m => m.Days), Succeeded = g.Sum(m => m.Succeeded), Rated = g.Sum(m => m.Rated),
                    RatedSatisfied = g.Sum(m => m.RatedSatisfied), HasDue = g.Sum(m => m.HasDue), OnTime = g.Sum(m => m.OnTime), Late = g.Sum(m => m.Late),
                }).ToListAsync(token);
    }

    /// <summary>The rows of the figures' kinds only, when they are of one kind (the trend's).</summary>
    private static IQueryable<TRow> OfKinds<TRow>(IQueryable<TRow> rows, List<RecordKind> kinds) where TRow : CountRow
    {
        if (kinds.Count != 1) return rows;
        var only = kinds[0];
        return rows.Where(m => m.Kind == only);
    }

    /// <summary>The facts' (Kind, <paramref name="date"/>, …) index: (Kind, DueOn) for the open records due this month, a
    /// correction's date (<see cref="FactDate"/> names the property) for the correction.</summary>
    private IIndex DateIndex(string date) => db.Model.FindEntityType(typeof(RecordFact))!.GetIndexes()
        .Single(i => i.Properties[0].Name == nameof(RecordFact.Kind) && i.Properties[1].Name == date);

    private IQueryable<TRow> Rows<TRow>(string unitKey, FigureQuery query) where TRow : CountRow
    {
        var upper = unitKey + "g";
        var rows = db.Set<TRow>().AsNoTracking().Where(m => string.Compare(m.UnitKey, unitKey) >= 0 && string.Compare(m.UnitKey, upper) < 0);
        if (query.DisputeType is { } type) { var t = type.ToString(); rows = rows.Where(m => m.Kind != RecordKind.Case || m.Category == t); }
        if (query.Source is { } source) { var s = source.ToString(); rows = rows.Where(m => m.Kind != RecordKind.Case || m.Source == s); }
        return rows;
    }

    private static decimal? Value(Figure figure, Counts counts) => figure.Unit switch
    {
        FigureUnit.Rate => counts.Denominator is > 0 ? Math.Round(counts.Numerator * 100m / counts.Denominator.Value, 2, MidpointRounding.AwayFromZero) : null,
        FigureUnit.Days => counts.Numerator > 0 ? Math.Round((decimal)counts.DaysSum / counts.Numerator, 2, MidpointRounding.AwayFromZero) : null,
        _ => counts.Numerator,
    };

    private FigureDto ToDto(Figure figure, Counts counts, Guid unitId, FigureQuery query, ReportPeriod period) =>
        new(figure.Key, Text(figure.NameKey), figure.Unit, figure.Kind, Value(figure, counts), counts.Numerator,
            figure.Unit is FigureUnit.Days ? counts.Numerator : figure.Denominator is null ? null : counts.Denominator ?? 0, Text(figure.DefinitionKey),
            DrillDown(figure.Key, "numerator", unitId, query, period));

    private string Text(string key) => texts.Find(key, CultureInfo.CurrentUICulture) ?? key;

    public static string DrillDown(string figure, string part, Guid unitId, FigureQuery query, ReportPeriod period)
    {
        var link = $"{StatisticsModuleInfo.ApiPrefix}/figures/{figure}/records?part={part}&orgUnitId={unitId}&period=Custom"
            + $"&from={period.From:yyyy-MM-dd}&to={period.To:yyyy-MM-dd}";
        if (query.DisputeType is { } type) link += $"&disputeType={type}";
        if (query.Source is { } source) link += $"&source={source}";
        return link;
    }

    private static string LinkOf(RecordFact fact) => fact.Kind switch
    {
        RecordKind.Case => $"/Cases/{fact.RecordId}",
        RecordKind.Petition => $"/Petitions/{fact.RecordId}",
        RecordKind.LegalService => $"/LegalWindows/Records/{fact.RecordId}",
        RecordKind.DeskRequest => $"/ServiceDesk/Requests/{fact.RecordId}",
        _ => $"/JointMeetings/Tasks/{fact.RecordId}",
    };
}
