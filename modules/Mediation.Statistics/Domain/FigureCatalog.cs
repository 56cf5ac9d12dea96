using System.Linq.Expressions;

namespace Mediation.Statistics.Domain;

/// <summary>The dates a figure is computed for: the period and the day "still open" is judged on.</summary>
public sealed record FigureWindow(DateOnly From, DateOnly To, DateOnly Today);

/// <summary>
/// The date that puts a figure's records in its period: the figures counted by the same kind and date are read in one pass over
/// that date's index (<see cref="FigureCatalog.Scan"/>). <see cref="Unbounded"/>: no date bounds the part to the period (the cases
/// pending at its start), so it is counted on its own.
/// </summary>
public enum FactDate
{
    ReceivedOn,
    ConcludedOn,
    DecidedOn,
    CriminalOn,
    JudicialAppliedOn,
    JudicialConfirmedOn,
    Unbounded,
}

/// <summary>
/// One reported figure: which records its numerator counts and, for a rate, which its denominator counts (a mean divides the sum
/// of <see cref="RecordFact.HandlingDays"/> over the numerator's records by their number). The drill-down lists exactly these records,
/// so a figure and its list cannot disagree. Every record a part counts has its <see cref="Date"/> (the denominator's
/// <see cref="DenominatorDate"/> when given) in the period; FigureCatalog_Tests check it on random facts.
/// </summary>
public sealed record Figure(string Key, FigureUnit Unit, RecordKind Kind, FactDate Date,
    Func<FigureWindow, Expression<Func<RecordFact, bool>>> Numerator,
    Func<FigureWindow, Expression<Func<RecordFact, bool>>>? Denominator = null, FactDate? DenominatorDate = null)
{
    /// <summary>The name as officials write it (zh-Hans, also used in the year-on-year sentence) and its written definition.</summary>
    public string NameKey => $"Statistics:Figure:{Key}";
    public string DefinitionKey => $"Statistics:Definition:{Key}";
}

public static class FigureCatalog
{
    public static readonly IReadOnlyList<Figure> All =
    [
        new("received", FigureUnit.Count, RecordKind.Case, FactDate.ReceivedOn, w => f => f.Kind == RecordKind.Case && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To),
        new("concluded", FigureUnit.Count, RecordKind.Case, FactDate.ConcludedOn, w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To),
        new("handledRate", FigureUnit.Rate, RecordKind.Case, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.Case && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To && f.ConcludedOn <= w.To,
            w => f => f.Kind == RecordKind.Case && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To),
        new("successRate", FigureUnit.Rate, RecordKind.Case, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.Succeeded,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To),
        // 结案率 as courts and committees count it: concluded in the period ÷ (pending at its start + received in it).
        new("closureRate", FigureUnit.Rate, RecordKind.Case, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To,
            w => f => f.Kind == RecordKind.Case && f.ReceivedOn <= w.To && (f.ConcludedOn == null || f.ConcludedOn >= w.From), FactDate.Unbounded),
        new("averageHandlingDays", FigureUnit.Days, RecordKind.Case, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To),
        new("satisfactionRate", FigureUnit.Rate, RecordKind.Case, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.Rated && f.Satisfied,
            w => f => f.Kind == RecordKind.Case && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.Rated),
        new("becameCriminal", FigureUnit.Count, RecordKind.Case, FactDate.CriminalOn, w => f => f.Kind == RecordKind.Case && f.CriminalOn >= w.From && f.CriminalOn <= w.To),
        new("judicialApplied", FigureUnit.Count, RecordKind.Case, FactDate.JudicialAppliedOn,
            w => f => f.Kind == RecordKind.Case && f.JudicialAppliedOn >= w.From && f.JudicialAppliedOn <= w.To),
        new("judicialConfirmed", FigureUnit.Count, RecordKind.Case, FactDate.JudicialConfirmedOn,
            w => f => f.Kind == RecordKind.Case && f.JudicialConfirmedOn >= w.From && f.JudicialConfirmedOn <= w.To),
        new("overdue", FigureUnit.Count, RecordKind.Case, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.Case && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To && f.DueOn != null
                && ((f.ConcludedOn == null && f.DueOn < w.Today) || f.ConcludedOn > f.DueOn)),

        new("petitionsReceived", FigureUnit.Count, RecordKind.Petition, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.Petition && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To),
        new("petitionsAcceptedOnTime", FigureUnit.Rate, RecordKind.Petition, FactDate.DecidedOn,
            w => f => f.Kind == RecordKind.Petition && f.DecidedOn >= w.From && f.DecidedOn <= w.To && f.DecisionDueOn != null && f.DecidedOn <= f.DecisionDueOn,
            w => f => f.Kind == RecordKind.Petition && f.DecidedOn >= w.From && f.DecidedOn <= w.To && f.DecisionDueOn != null),
        new("petitionsRepliedOnTime", FigureUnit.Rate, RecordKind.Petition, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.Petition && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.DueOn != null && f.ConcludedOn <= f.DueOn,
            w => f => f.Kind == RecordKind.Petition && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.DueOn != null),
        new("petitionsOverdue", FigureUnit.Count, RecordKind.Petition, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.Petition && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To
                && ((f.DecisionDueOn != null && ((f.DecidedOn == null && f.DecisionDueOn < w.Today) || f.DecidedOn > f.DecisionDueOn))
                    || (f.DueOn != null && f.ConcludedOn > f.DueOn))),

        new("legalServices", FigureUnit.Count, RecordKind.LegalService, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.LegalService && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To),
        ServiceKindFigure("legalServicesCivilAgency", nameof(Mediation.LegalWindows.ServiceKind.CivilAgency)),
        ServiceKindFigure("legalServicesConsultation", nameof(Mediation.LegalWindows.ServiceKind.Consultation)),
        ServiceKindFigure("legalServicesPublicWelfare", nameof(Mediation.LegalWindows.ServiceKind.PublicWelfare)),
        ServiceKindFigure("legalServicesCivilMediation", nameof(Mediation.LegalWindows.ServiceKind.CivilMediation)),

        // The desk's three rates as the desk itself counts them (GET /api/service-desk/rates): every request filed in the period.
        new("deskReceived", FigureUnit.Count, RecordKind.DeskRequest, FactDate.ReceivedOn, DeskFiled),
        new("deskResponseRate", FigureUnit.Rate, RecordKind.DeskRequest, FactDate.ReceivedOn, w => And(DeskFiled(w), f => f.Succeeded), DeskFiled),
        new("deskResolutionRate", FigureUnit.Rate, RecordKind.DeskRequest, FactDate.ReceivedOn, w => And(DeskFiled(w), f => f.ConcludedOn != null), DeskFiled),
        new("deskSatisfactionRate", FigureUnit.Rate, RecordKind.DeskRequest, FactDate.ReceivedOn, w => And(DeskFiled(w), f => f.Rated && f.Satisfied),
            w => And(DeskFiled(w), f => f.Rated)),

        new("meetingTasksAssigned", FigureUnit.Count, RecordKind.MeetingTask, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.MeetingTask && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To),
        new("meetingTasksOnTime", FigureUnit.Rate, RecordKind.MeetingTask, FactDate.ConcludedOn,
            w => f => f.Kind == RecordKind.MeetingTask && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To && f.DueOn != null && f.ConcludedOn <= f.DueOn,
            w => f => f.Kind == RecordKind.MeetingTask && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To),
        new("meetingTasksOverdue", FigureUnit.Count, RecordKind.MeetingTask, FactDate.ReceivedOn,
            w => f => f.Kind == RecordKind.MeetingTask && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To && f.DueOn != null
                && ((f.ConcludedOn == null && f.DueOn < w.Today) || f.ConcludedOn > f.DueOn)),
    ];

    private static Figure ServiceKindFigure(string key, string kind) => new(key, FigureUnit.Count, RecordKind.LegalService, FactDate.ReceivedOn,
        w => f => f.Kind == RecordKind.LegalService && f.Category == kind && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To);

    private static Expression<Func<RecordFact, bool>> DeskFiled(FigureWindow w) =>
        f => f.Kind == RecordKind.DeskRequest && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To;

    /// <summary>Both conditions in one expression over the same parameter, so the provider translates it as one WHERE.</summary>
    private static Expression<Func<RecordFact, bool>> And(Expression<Func<RecordFact, bool>> first, Expression<Func<RecordFact, bool>> second) =>
        Expression.Lambda<Func<RecordFact, bool>>(Expression.AndAlso(first.Body,
            new ParameterSwap(second.Parameters[0], first.Parameters[0]).Visit(second.Body)), first.Parameters);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    public static Figure? Find(string key) => All.FirstOrDefault(f => f.Key == key);

    /// <summary>The records of a kind whose date is in the window: the WHERE of one pass that counts every figure bounded by that date.</summary>
    public static Expression<Func<RecordFact, bool>> Scan(RecordKind kind, FactDate date, FigureWindow w) => date switch
    {
        FactDate.ReceivedOn => f => f.Kind == kind && f.ReceivedOn >= w.From && f.ReceivedOn <= w.To,
        FactDate.ConcludedOn => f => f.Kind == kind && f.ConcludedOn >= w.From && f.ConcludedOn <= w.To,
        FactDate.DecidedOn => f => f.Kind == kind && f.DecidedOn >= w.From && f.DecidedOn <= w.To,
        FactDate.CriminalOn => f => f.Kind == kind && f.CriminalOn >= w.From && f.CriminalOn <= w.To,
        FactDate.JudicialAppliedOn => f => f.Kind == kind && f.JudicialAppliedOn >= w.From && f.JudicialAppliedOn <= w.To,
        FactDate.JudicialConfirmedOn => f => f.Kind == kind && f.JudicialConfirmedOn >= w.From && f.JudicialConfirmedOn <= w.To,
        _ => throw new ArgumentOutOfRangeException(nameof(date), date, "An unbounded part is counted on its own."),
    };
}
