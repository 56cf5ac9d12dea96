using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Statistics.Domain;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// The monthly and daily counts answer every figure of the catalog exactly as its definition over the facts does, unit by unit, for
/// periods of whole months and for custom ranges with partial edge months (WindowSplit: the edges from the daily counts, the
/// corrections from the facts) — also after late changes (a record concluded, reopened, rated, moved to another unit after the period,
/// deleted) are applied as "subtract the old contribution, add the new one", and with today inside, before or after the period (open
/// records due this month).
/// </summary>
public sealed class MonthlyFigures_Tests
{
    private static readonly string[] ServiceKinds = Enum.GetNames<Mediation.LegalWindows.ServiceKind>();
    private static readonly string[] Children = [new string('a', 32) + new string('1', 32), new string('a', 32) + new string('2', 32)];
    private const int ChildLength = 64;

    private static List<RecordFact> RandomFacts(Random random, int count)
    {
        var day0 = new DateOnly(2023, 1, 1);
        DateOnly? Maybe(DateOnly after) => random.Next(4) == 0 ? null : after.AddDays(random.Next(-5, 120));
        return Enumerable.Range(0, count).Select(_ =>
        {
            var received = day0.AddDays(random.Next(0, 800));
            var fact = new RecordFact
            {
                Kind = (RecordKind)random.Next(1, 6), RecordId = Guid.NewGuid(), ReceivedOn = received, DueOn = Maybe(received), DecidedOn = Maybe(received),
                DecisionDueOn = Maybe(received), Succeeded = random.Next(2) == 0, Category = ServiceKinds[random.Next(ServiceKinds.Length)],
                Source = random.Next(2) == 0 ? "WalkIn" : "Court", Rated = random.Next(2) == 0, Satisfied = random.Next(2) == 0,
                CriminalOn = Maybe(received), JudicialAppliedOn = Maybe(received), JudicialConfirmedOn = Maybe(received),
                UnitKey = Children[random.Next(2)] + (random.Next(3) == 0 ? new string('c', 32) : ""),
            };
            fact.Conclude(random.Next(4) == 0 ? null : received.AddDays(random.Next(0, 200)));
            return fact;
        }).ToList();
    }

    private static void ChangeLate(RecordFact fact, Random random)
    {
        switch (random.Next(5))
        {
            case 0: fact.Conclude(null); break; // reopened
            case 1: fact.Conclude(fact.ReceivedOn.AddDays(random.Next(300, 500))); break; // concluded long after
            case 2: (fact.Rated, fact.Satisfied) = (true, random.Next(2) == 0); break; // rated later
            case 3: fact.UnitKey = Children[1 - Array.IndexOf(Children, fact.UnitKey[..ChildLength])]; break; // its unit moved
            default: (fact.DecidedOn, fact.CriminalOn) = (fact.ReceivedOn.AddDays(random.Next(0, 60)), fact.ReceivedOn.AddDays(90)); break;
        }
    }

    private static IEnumerable<FigureWindow> Windows()
    {
        foreach (var today in new[] { new DateOnly(2025, 6, 17), new DateOnly(2024, 3, 1), new DateOnly(2024, 5, 20), new DateOnly(2023, 2, 10) })
        {
            yield return new FigureWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), today);
            yield return new FigureWindow(new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30), today);
            yield return new FigureWindow(new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31), today);
            yield return new FigureWindow(new DateOnly(2023, 7, 1), new DateOnly(2024, 2, 29), today);
            // Custom ranges with partial months: whole months from the counts, the partial edge months from the facts.
            yield return new FigureWindow(new DateOnly(2023, 3, 15), new DateOnly(2024, 2, 10), today);
            yield return new FigureWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 15), today);
            yield return new FigureWindow(new DateOnly(2024, 1, 20), new DateOnly(2024, 12, 31), today);
            yield return new FigureWindow(new DateOnly(2024, 4, 20), new DateOnly(2024, 5, 5), today);
            yield return new FigureWindow(new DateOnly(2024, 5, 10), new DateOnly(2024, 5, 20), today);
            yield return new FigureWindow(new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29), today);
        }
    }

    /// <summary>
    /// What FigureService counts, in memory: the whole months' rows from the monthly counts, the partial edge months' rows from the daily
    /// counts, the pending rows from the monthly counts, the open records due this month and the corrections from the facts.
    /// </summary>
    private static Dictionary<string, (long N, long D, long Days)> FromCounts(Figure figure, Counts counts, List<RecordFact> facts, FigureWindow window)
    {
        var result = new Dictionary<string, (long N, long D, long Days)>();
        void Add(string key, long n, long d, long days)
        {
            var (n0, d0, days0) = result.GetValueOrDefault(key);
            result[key] = (n0 + n, d0 + d, days0 + days);
        }
        var split = WindowSplit.Of(window);
        var rows = new List<CountRow>();
        if (split.Months is { } months)
            rows.AddRange(counts.Monthly.Values.Where(r => r.Month >= months.From && r.Month <= MonthlyCount.MonthOf(months.To)));
        rows.AddRange(counts.Daily.Values.Where(r => split.Edges.Any(e => r.Day >= e.From && r.Day <= e.To)));
        foreach (var row in rows)
        {
            var (n, d, days) = MonthlyFigures.Of(figure, row, split);
            Add(row.UnitKey[..ChildLength], n, d, days);
        }
        var thisMonth = MonthlyCount.MonthOf(window.Today);
        if (MonthlyFigures.CountsOpenOverdue(figure) && window.Today > thisMonth)
        {
            var numerator = figure.Numerator(window).Compile();
            var open = MonthlyCount.OpenDueIn(figure.Kind, thisMonth).Compile();
            foreach (var fact in facts.Where(f => numerator(f) && open(f))) Add(fact.UnitKey[..ChildLength], 1, 0, 0);
        }
        if (MonthlyFigures.HasUnboundedDenominator(figure))
        {
            var pending = MonthlyFigures.PendingOrReceived(window).Compile();
            foreach (var row in counts.Monthly.Values.Where(pending)) Add(row.UnitKey[..ChildLength], 0, row.Records, 0);
        }
        foreach (var correction in MonthlyFigures.Corrections(figure, split))
        {
            var counted = correction.Records.Compile();
            var inRange = FigureCatalog.Scan(figure.Kind, correction.Date, correction.Range).Compile();
            facts.Where(counted).ShouldAllBe(f => inRange(f), $"{figure.Key} {window}: a correction counts only records in its range");
            var isDenominator = correction.IsDenominator;
            foreach (var fact in facts.Where(counted)) Add(fact.UnitKey[..ChildLength], isDenominator ? 0 : 1, isDenominator ? 1 : 0, 0);
        }
        return result.Where(e => e.Value != default).ToDictionary();
    }

    /// <summary>Both tables of counts, as MonthlyCounter keeps them.</summary>
    private sealed record Counts(
        Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), MonthlyCount> Monthly,
        Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), DailyCount> Daily)
    {
        public static Counts Of(IEnumerable<RecordFact> facts) => new(MonthlyCounter.Sum<MonthlyCount>(facts), MonthlyCounter.Sum<DailyCount>(facts));

        /// <summary>A late change applied as FactKeeper.StoreAsync does: the difference of the fact's old and new contribution.</summary>
        public void Apply(RecordFact before, RecordFact? after)
        {
            RecordFact[] afterList = after is null ? [] : [after];
            Apply(Monthly, MonthlyCounter.Differences<MonthlyCount>([before], afterList).Values);
            Apply(Daily, MonthlyCounter.Differences<DailyCount>([before], afterList).Values);
        }

        private static void Apply<TRow>(Dictionary<(RecordKind, CountedOn, DateOnly, string, string, string, DateOnly), TRow> table, IEnumerable<TRow> differences)
            where TRow : CountRow<TRow>, new()
        {
            foreach (var difference in differences)
            {
                if (!table.TryGetValue(difference.Key, out var row)) table[difference.Key] = row = difference.EmptyCopy();
                row.Add(difference, +1);
                if (row.Records == 0) { row.IsZero.ShouldBeTrue(); table.Remove(difference.Key); }
            }
        }
    }

    private static Dictionary<string, (long N, long D, long Days)> FromFacts(Figure figure, List<RecordFact> facts, FigureWindow window)
    {
        var numerator = figure.Numerator(window).Compile();
        var denominator = figure.Denominator?.Invoke(window).Compile();
        return facts.GroupBy(f => f.UnitKey[..ChildLength]).Select(g => (g.Key, Counts: (
                (long)g.Count(numerator),
                denominator is null ? 0L : g.Count(denominator),
                g.Where(numerator).Sum(f => (long)(figure.Unit is FigureUnit.Days ? f.HandlingDays ?? 0 : 0)))))
            .Where(e => e.Counts != default).ToDictionary(e => e.Key, e => e.Counts);
    }

    private static void ShouldAgree(List<RecordFact> facts, Counts counts, string when)
    {
        var checkedFigures = 0;
        foreach (var window in Windows())
            foreach (var figure in FigureCatalog.All)
            {
                var expected = FromFacts(figure, facts, window);
                var actual = FromCounts(figure, counts, facts, window);
                if (figure.Unit is not FigureUnit.Days) actual = actual.ToDictionary(e => e.Key, e => e.Value with { Days = 0 });
                actual.OrderBy(e => e.Key).ShouldBe(expected.OrderBy(e => e.Key), $"{figure.Key} {window} {when}");
                if (expected.Count > 0) checkedFigures++;
            }
        checkedFigures.ShouldBeGreaterThan(Windows().Count() * FigureCatalog.All.Count / 2, "the random facts exercise the figures");
    }

    [Fact]
    public void Every_figure_over_whole_and_partial_months_equals_its_definition_over_the_facts_also_after_late_changes()
    {
        var random = new Random(1616);
        var facts = RandomFacts(random, 3000);
        var counts = Counts.Of(facts);
        counts.Daily.Count.ShouldBeGreaterThan(counts.Monthly.Count, "the random facts spread over many days of each month");
        ShouldAgree(facts, counts, "as stored");

        // Late changes move the counts by the difference of each fact's old and new contribution, as FactKeeper.StoreAsync does; a
        // deleted record's fact subtracts its whole contribution.
        foreach (var fact in facts.Where(_ => random.Next(3) == 0).ToList())
        {
            var before = new RecordFact { Kind = fact.Kind, RecordId = fact.RecordId };
            before.CopyFrom(fact);
            if (random.Next(10) == 0)
            {
                facts.Remove(fact);
                counts.Apply(before, null);
                continue;
            }
            ChangeLate(fact, random);
            counts.Apply(before, fact);
        }
        counts.Monthly.Values.ShouldAllBe(r => r.Records > 0);
        counts.Daily.Values.ShouldAllBe(r => r.Records > 0);
        ShouldAgree(facts, counts, "after late changes and deletions");
        var recounted = Counts.Of(facts);
        counts.Monthly.Keys.Order().ShouldBe(recounted.Monthly.Keys.Order(), "the kept monthly rows are the rows a recount writes");
        counts.Daily.Keys.Order().ShouldBe(recounted.Daily.Keys.Order(), "the kept daily rows are the rows a recount writes");
        counts.Daily.Values.ShouldAllBe(r => recounted.Daily[r.Key].SameMeasures(r), "with the same measures");
    }

    [Fact]
    public void A_missed_change_shows_in_the_figures()
    {
        var random = new Random(7);
        var facts = RandomFacts(random, 400).Select(f => { f.Kind = RecordKind.Case; return f; }).ToList();
        var counts = Counts.Of(facts);
        var concluded = facts.First(f => f.ConcludedOn is { } c && c.Year == 2024 && c.Month <= 6 && f.ReceivedOn.Year == 2024);
        concluded.Conclude(null); // reopened, but the counts are not told
        var window = new FigureWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2025, 1, 10));
        var figure = FigureCatalog.Find("concluded")!;
        FromCounts(figure, counts, facts, window).Values.Sum(c => c.N).ShouldBe(FromFacts(figure, facts, window).Values.Sum(c => c.N) + 1);
    }
}
