using System.Linq.Expressions;

namespace Mediation.Statistics.Domain;

/// <summary>
/// Each figure of <see cref="FigureCatalog"/> over the monthly counts of a period of whole months: what one summed row (one unit, kind,
/// entry, second month and category; every month of the period) adds to its numerator, denominator and days. Two parts need more than
/// these rows: the closure rate's denominator (cases pending at the period's start, <see cref="PendingOrReceived"/>) and the open records
/// due this month (<see cref="MonthlyCount.OpenDueIn"/>, read from the facts because only today decides whether they are overdue).
/// MonthlyFigures_Tests check every figure against the catalog's own definition on random facts.
/// </summary>
public static class MonthlyFigures
{
    public static bool IsWholeMonths(FigureWindow w) => w.From.Day == 1 && w.To.AddDays(1).Day == 1;

    /// <summary>A figure whose open records are overdue once their due date passes: its records due this month are read from the facts.</summary>
    public static bool CountsOpenOverdue(Figure figure) => figure.Key is "overdue" or "petitionsOverdue" or "meetingTasksOverdue";

    /// <summary>
    /// What <paramref name="row"/> (summed over the period's months) adds to <paramref name="figure"/>. <paramref name="window"/> is of
    /// whole months; open records due in today's month are not counted here.
    /// </summary>
    public static (long Numerator, long Denominator, long Days) Of(Figure figure, MonthlyCount row, FigureWindow window)
    {
        if (row.Kind != figure.Kind) return default;
        var lastMonth = MonthlyCount.MonthOf(window.To);
        var thisMonth = MonthlyCount.MonthOf(window.Today);
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
    /// The rows of the closure rate's denominator (cases pending at the period's start or received in it): received cases up to the
    /// period's last month, not concluded before its first (received rows of any month up to the end, read apart from the period's rows).
    /// </summary>
    public static Expression<Func<MonthlyCount, bool>> PendingOrReceived(FigureWindow window)
    {
        var lastMonth = MonthlyCount.MonthOf(window.To);
        var (none, from) = (MonthlyCount.None, window.From);
        return m => m.Kind == RecordKind.Case && m.Entry == CountedOn.Received && m.Month <= lastMonth && (m.Other == none || m.Other >= from);
    }

    public static bool HasUnboundedDenominator(Figure figure) => figure.Key == "closureRate";

    private static string ServiceKindOf(string key) => key["legalServices".Length..];
}
