using System.Globalization;
using System.Linq.Expressions;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Statistics.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Statistics.Application;

/// <summary>The figures of a unit's subtree, its units one level down and the same period a year before, counted over the facts.</summary>
internal sealed class FigureService(MediationDbContext db, IOrgUnitDirectory units, ICurrentUser user, IDataScope scope, TextCatalog texts,
    TimeProvider clock)
{
    public const int DrillDownLimit = 1000;

    private static readonly CultureInfo Official = CultureInfo.GetCultureInfo("zh-Hans");

    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow());

    public Task<FiguresDto> GetAsync(FigureQuery query, CancellationToken ct) => GetAsync(query, null, ct);

    /// <summary>The figures; <paramref name="step"/> is called after each figure (a report in the background shows it as progress).</summary>
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
        foreach (var figure in FigureCatalog.All)
        {
            var groups = await CountByChildAsync(figure, unitKey, window, query, ct);
            totals.Add(ToDto(figure, Sum(groups.Values), unit.Id, query, period));
            foreach (var (key, counts) in groups)
                (byUnit.TryGetValue(key, out var list) ? list : byUnit[key] = []).Add(ToDto(figure, counts, unit.Id, query, period));

            var previous = Value(figure, Sum((await CountByChildAsync(figure, unitKey, previousWindow, query, ct)).Values));
            var current = totals[^1].Value;
            var change = YearOnYearChange.Of(texts.Find(figure.NameKey, Official) ?? figure.Key, figure.Unit, current, previous);
            yearOnYear.Add(new YearOnYearDto(figure.Key, previous, current, change.Amount, change.Wording));
            if (step is not null) await step();
        }

        var rows = new List<UnitFiguresDto>();
        foreach (var child in children.Prepend(unit))
        {
            var key = RecordFact.UnitKeyOf(child.Path);
            // The unit itself appears only when records are registered at its own level.
            if (child.Id == unit.Id && !byUnit.ContainsKey(key)) continue;
            // Every figure in every row: a unit may have records for one figure (a case pending from before) and none for another.
            var counted = byUnit.GetValueOrDefault(key) ?? [];
            var figures = FigureCatalog.All.Select(f => counted.FirstOrDefault(c => c.Key == f.Key)
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
        var records = Filtered(figure, RecordFact.UnitKeyOf(unit.Path), query).Where(expression(new FigureWindow(period.From, period.To, Today)));
        var total = await records.LongCountAsync(ct);
        var items = await records.OrderBy(f => f.ReceivedOn).ThenBy(f => f.Number).Take(DrillDownLimit).ToListAsync(ct);
        return new CountedRecordsDto(figure.Key, part, total, items.Select(f => new CountedRecordDto(f.Kind, f.RecordId, f.Number, f.OrgUnitId,
            f.ReceivedOn, f.ConcludedOn, f.Outcome, f.Category, f.Source, LinkOf(f))).ToList());
    }

    public const int TrendMonths = 36;

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
            var received = Sum((await CountByChildAsync(FigureCatalog.Find("received")!, unitKey, window, query, ct)).Values);
            var concluded = Sum((await CountByChildAsync(FigureCatalog.Find("concluded")!, unitKey, window, query, ct)).Values);
            var success = FigureCatalog.Find("successRate")!;
            points.Add(new TrendPointDto($"{month:yyyy-MM}", received.Numerator, concluded.Numerator,
                Value(success, Sum((await CountByChildAsync(success, unitKey, window, query, ct)).Values))));
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

    private IQueryable<RecordFact> Filtered(Figure figure, string unitKey, FigureQuery query)
    {
        var upper = unitKey + "g";
        var facts = db.Set<RecordFact>().AsNoTracking()
            .Where(f => string.Compare(f.UnitKey, unitKey) >= 0 && string.Compare(f.UnitKey, upper) < 0);
        if (figure.Kind is RecordKind.Case)
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

    /// <summary>One GROUP BY per part: the key of each unit one level below (or the unit's own key) with its counts.</summary>
    private async Task<Dictionary<string, Counts>> CountByChildAsync(Figure figure, string unitKey, FigureWindow window, FigureQuery query, CancellationToken ct)
    {
        var childLength = unitKey.Length + 32;
        var facts = Filtered(figure, unitKey, query);
        var numerator = await facts.Where(figure.Numerator(window))
            .GroupBy(f => f.UnitKey.Substring(0, childLength))
            .Select(g => new { g.Key, Count = g.LongCount(), Days = g.Sum(f => (long?)f.HandlingDays) ?? 0 })
            .ToListAsync(ct);
        var denominator = figure.Denominator is null
            ? []
            : await facts.Where(figure.Denominator(window)).GroupBy(f => f.UnitKey.Substring(0, childLength))
                .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var keys = numerator.Select(n => n.Key).Union(denominator.Select(d => d.Key));
        return keys.ToDictionary(k => k, k =>
        {
            var n = numerator.FirstOrDefault(x => x.Key == k);
            return new Counts(n?.Count ?? 0, figure.Denominator is null ? null : denominator.FirstOrDefault(x => x.Key == k)?.Count ?? 0, n?.Days ?? 0);
        });
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
