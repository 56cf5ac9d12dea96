using System.Linq.Expressions;

namespace Mediation.Statistics.Domain;

/// <summary>
/// Each figure of <see cref="FigureCatalog"/> over the count rows of a period: what one summed row (one unit, kind, entry, second month
/// and category; every month or day of the period) adds to its numerator, denominator and days. A period is split at month boundaries
/// (<see cref="WindowSplit"/>): its whole months are summed from the monthly counts, its partial first and last months from the daily
/// counts. Three parts need more than these rows: the closure rate's denominator (cases pending at the period's start,
/// <see cref="PendingOrReceived"/>), the open records due this month (<see cref="MonthlyCount.OpenDueIn"/>, read from the facts because
/// only today decides whether they are overdue) and the few records a partial month leaves undecided because a row's second date is a
/// month (<see cref="Corrections"/>, from the facts). MonthlyFigures_Tests check every figure against the catalog's own definition on random facts.
/// </summary>
public static class MonthlyFigures
{
    /// <summary>A figure whose open records are overdue once their due date passes: its records due this month are read from the facts.</summary>
    public static bool CountsOpenOverdue(Figure figure) => figure.Key is "overdue" or "petitionsOverdue" or "meetingTasksOverdue";

    /// <summary>
    /// What <paramref name="row"/> (summed over the period's whole months, or over the days of its partial ones) adds to
    /// <paramref name="figure"/>. A received case concluded in a partial last month is not "concluded by the period's end" here (its
    /// second date is only a month): <see cref="Corrections"/> counts it. Open records due in today's month are not counted here.
    /// </summary>
    public static (long Numerator, long Denominator, long Days) Of(Figure figure, CountRow row, WindowSplit split)
    {
        if (row.Kind != figure.Kind) return default;
        var lastMonth = split.WholeMonthsThrough;
        var thisMonth = MonthlyCount.MonthOf(split.Whole.Today);
        var concludedBy = row.Other != MonthlyCount.None && row.Other <= lastMonth;
        var concluded = row.Other != MonthlyCount.None;
        (long, long, long) Received(long n, long d = 0) => row.Entry is CountedOn.Received ? (n, d, 0) : default;
        (long, long, long) Concluded(long n, long d = 0, long days = 0) => row.Entry is CountedOn.Concluded ? (n, d, days) : default;
        (long, long, long) Overdue() => row.Entry switch
        {
            CountedOn.Received => (row.Late, 0, 0),
            CountedOn.OpenDue when row.Other < thisMonth => (row.Records, 0, 0),
            _ => default,
        };
        return figure.Key switch
        {
            "received" or "petitionsReceived" or "legalServices" or "deskReceived" or "meetingTasksAssigned" => Received(row.Records),
            "concluded" => Concluded(row.Records),
            "handledRate" => Received(concludedBy ? row.Records : 0, row.Records),
            "successRate" => Concluded(row.Succeeded, row.Records),
            // The denominator, pending at the start or received in the period, is PendingOrReceived's.
            "closureRate" => Concluded(row.Records),
            "averageHandlingDays" => Concluded(row.Records, 0, row.Days),
            "satisfactionRate" => Concluded(row.RatedSatisfied, row.Rated),
            "becameCriminal" => row.Entry is CountedOn.Criminal ? (row.Records, 0, 0) : default,
            "judicialApplied" => row.Entry is CountedOn.JudicialApplied ? (row.Records, 0, 0) : default,
            "judicialConfirmed" => row.Entry is CountedOn.JudicialConfirmed ? (row.Records, 0, 0) : default,
            "overdue" or "petitionsOverdue" or "meetingTasksOverdue" => Overdue(),
            "petitionsAcceptedOnTime" => row.Entry is CountedOn.Decided ? (row.OnTime, row.HasDue, 0) : default,
            "petitionsRepliedOnTime" => Concluded(row.OnTime, row.HasDue),
            "legalServicesCivilAgency" or "legalServicesConsultation" or "legalServicesPublicWelfare" or "legalServicesCivilMediation" =>
                row.Category == ServiceKindOf(figure.Key) ? Received(row.Records) : default,
            "deskResponseRate" => Received(row.Succeeded, row.Records),
            "deskResolutionRate" => Received(concluded ? row.Records : 0, row.Records),
            "deskSatisfactionRate" => Received(row.RatedSatisfied, row.Rated),
            "meetingTasksOnTime" => Concluded(row.OnTime, row.Records),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure.Key, "A figure with no monthly form."),
        };
    }

    /// <summary>
    /// The rows of the closure rate's denominator (cases pending at the period's start or received in it) the monthly counts decide:
    /// received in a month wholly up to the period's end, and open or concluded in a month wholly from its start. The cases received in a
    /// partial last month, or concluded in a partial first month, are <see cref="Corrections"/> read from the facts.
    /// </summary>
    public static Expression<Func<MonthlyCount, bool>> PendingOrReceived(FigureWindow window)
    {
        var receivedThrough = IsMonthEnd(window.To) ? MonthlyCount.MonthOf(window.To) : MonthlyCount.MonthOf(window.To).AddMonths(-1);
        var concludedFrom = window.From.Day == 1 ? window.From : MonthlyCount.MonthOf(window.From).AddMonths(1);
        var none = MonthlyCount.None;
        return m => m.Kind == RecordKind.Case && m.Entry == CountedOn.Received && m.Month <= receivedThrough && (m.Other == none || m.Other >= concludedFrom);
    }

    /// <summary>
    /// What a figure over a split period needs from the facts beyond the count rows: the records the rows cannot place because their
    /// second date is a month and a partial month decides them — the closure rate's pending cases received in the partial last month or
    /// concluded in the partial first one, and the 调处率's cases received in the period and concluded in its partial last month (by its
    /// end, not after). Each is a count over one date's range (<see cref="Correction.Date"/> within <see cref="Correction.Range"/>, one
    /// index range of the facts), added to the numerator or the denominator.
    /// </summary>
    public static IReadOnlyList<Correction> Corrections(Figure figure, WindowSplit split)
    {
        var (from, to) = (split.Whole.From, split.Whole.To);
        var lastMonth = MonthlyCount.MonthOf(to);
        var corrections = new List<Correction>();
        if (figure.Key == "handledRate" && !IsMonthEnd(to))
        {
            corrections.Add(new(false, FactDate.ConcludedOn, split.Whole with { From = lastMonth },
                f => f.Kind == RecordKind.Case && f.ConcludedOn >= lastMonth && f.ConcludedOn <= to && f.ReceivedOn >= from && f.ReceivedOn <= to));
        }
        if (HasUnboundedDenominator(figure))
        {
            if (!IsMonthEnd(to))
                corrections.Add(new(true, FactDate.ReceivedOn, split.Whole with { From = lastMonth },
                    f => f.Kind == RecordKind.Case && f.ReceivedOn >= lastMonth && f.ReceivedOn <= to && (f.ConcludedOn == null || f.ConcludedOn >= from)));
            if (from.Day != 1)
            {
                var receivedBefore = IsMonthEnd(to) ? lastMonth.AddMonths(1) : lastMonth;
                var firstMonthEnd = MonthlyCount.MonthOf(from).AddMonths(1);
                corrections.Add(new(true, FactDate.ConcludedOn, split.Whole with { To = firstMonthEnd.AddDays(-1) },
                    f => f.Kind == RecordKind.Case && f.ConcludedOn >= from && f.ConcludedOn < firstMonthEnd && f.ReceivedOn < receivedBefore));
            }
        }
        return corrections;
    }

    public static bool IsMonthEnd(DateOnly day) => day.AddDays(1).Day == 1;

    public static bool HasUnboundedDenominator(Figure figure) => figure.Key == "closureRate";

    private static string ServiceKindOf(string key) => key["legalServices".Length..];
}

/// <summary>
/// Records a partial month leaves undecided in the monthly counts (<see cref="MonthlyFigures.Corrections"/>): each has its
/// <see cref="Date"/> within <see cref="Range"/>, so it can be counted in the pass over that date's range.
/// </summary>
public sealed record Correction(bool IsDenominator, FactDate Date, FigureWindow Range, Expression<Func<RecordFact, bool>> Records);

/// <summary>
/// A period cut at month boundaries: its whole months (<see cref="Months"/>, summed from the monthly counts; none when the period has no
/// whole month) and its partial first and last months (<see cref="Edges"/>, summed from the daily counts), so that a custom range sums
/// the rows of its months and of at most two months' days, whatever its length.
/// </summary>
public sealed record WindowSplit(FigureWindow Whole, FigureWindow? Months, IReadOnlyList<FigureWindow> Edges)
{
    /// <summary>
    /// The last month wholly in the period up to its end: a received row whose second month is at most this one was concluded by the
    /// period's end (the month before a partial last month, whose conclusions <see cref="MonthlyFigures.Corrections"/> counts).
    /// </summary>
    public DateOnly WholeMonthsThrough => MonthlyFigures.IsMonthEnd(Whole.To) ? MonthlyCount.MonthOf(Whole.To) : MonthlyCount.MonthOf(Whole.To).AddMonths(-1);

    public static WindowSplit Of(FigureWindow whole)
    {
        var monthsFrom = whole.From.Day == 1 ? whole.From : MonthlyCount.MonthOf(whole.From).AddMonths(1);
        var monthsTo = MonthlyFigures.IsMonthEnd(whole.To) ? whole.To : MonthlyCount.MonthOf(whole.To).AddDays(-1);
        var edges = new List<FigureWindow>();
        if (whole.From < monthsFrom)
            edges.Add(whole with { To = whole.To < monthsFrom ? whole.To : monthsFrom.AddDays(-1) });
        if (monthsTo < whole.To)
        {
            var lastFrom = monthsTo.AddDays(1) > whole.From ? monthsTo.AddDays(1) : whole.From;
            if (edges.Count == 0 || lastFrom > edges[0].To) edges.Add(whole with { From = lastFrom });
        }
        return new WindowSplit(whole, monthsFrom <= monthsTo ? whole with { From = monthsFrom, To = monthsTo } : null, edges);
    }
}
