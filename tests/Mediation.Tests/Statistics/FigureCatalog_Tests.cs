using Mediation.Statistics;
using Mediation.Statistics.Domain;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// The figures are counted in passes over one date of one kind (FigureService): a part that counted a record whose date is outside
/// the period would be undercounted by its pass. Every part's records must have its declared date in the period.
/// </summary>
public sealed class FigureCatalog_Tests
{
    private static readonly string[] ServiceKinds = Enum.GetNames<Mediation.LegalWindows.ServiceKind>();

    [Fact]
    public void Every_record_a_part_counts_has_the_parts_date_in_the_period()
    {
        var random = new Random(16);
        var day0 = new DateOnly(2023, 1, 1);
        DateOnly? Maybe() => random.Next(4) == 0 ? null : day0.AddDays(random.Next(0, 800));
        var facts = Enumerable.Range(0, 4000).Select(_ =>
        {
            var received = day0.AddDays(random.Next(0, 800));
            var fact = new RecordFact
            {
                Kind = (RecordKind)random.Next(1, 6), RecordId = Guid.NewGuid(), ReceivedOn = received, DueOn = Maybe(), DecidedOn = Maybe(),
                DecisionDueOn = Maybe(), Succeeded = random.Next(2) == 0, Category = ServiceKinds[random.Next(ServiceKinds.Length)],
                Rated = random.Next(2) == 0, Satisfied = random.Next(2) == 0, CriminalOn = Maybe(), JudicialAppliedOn = Maybe(), JudicialConfirmedOn = Maybe(),
            };
            fact.Conclude(random.Next(4) == 0 ? null : received.AddDays(random.Next(0, 200)));
            return fact;
        }).ToList();
        var windows = new[] { new FigureWindow(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), new DateOnly(2025, 6, 1)),
            new FigureWindow(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 15)) };

        var checkedParts = 0;
        foreach (var figure in FigureCatalog.All)
            foreach (var (part, date) in new[] { (figure.Numerator, figure.Date), (figure.Denominator, figure.DenominatorDate ?? figure.Date) })
            {
                if (part is null || date is FactDate.Unbounded) continue;
                foreach (var window in windows)
                {
                    var counts = part(window).Compile();
                    var scan = FigureCatalog.Scan(figure.Kind, date, window).Compile();
                    var counted = facts.Where(counts).ToList();
                    counted.ShouldNotBeEmpty($"{figure.Key}: the random facts exercise it");
                    counted.Where(f => !scan(f)).ShouldBeEmpty($"{figure.Key} counts records outside its pass over {date}");
                    checkedParts++;
                }
            }
        checkedParts.ShouldBeGreaterThan(2 * FigureCatalog.All.Count);
    }
}
