using System.Linq.Expressions;
using Mediation.Core.Auditing;

namespace Mediation.Statistics.Domain;

/// <summary>Which date of a fact puts it in a monthly count's <see cref="MonthlyCount.Month"/>.</summary>
public enum CountedOn
{
    Received = 1,
    Concluded = 2,
    Decided = 3,
    Criminal = 4,
    JudicialApplied = 5,
    JudicialConfirmed = 6,
    /// <summary>Received that month, still open, with a due date in <see cref="MonthlyCount.Other"/>'s month (overdue once it passes).</summary>
    OpenDue = 7,
}

/// <summary>
/// The facts of one unit, kind, entry, category, source and second month counted together on one date (<see cref="CountedDate"/>: a month for
/// <see cref="MonthlyCount"/>, a day for <see cref="DailyCount"/>). Kept in the transaction that changes the facts
/// (<see cref="Application.MonthlyCounter"/>): a changed fact's old contribution is subtracted and its new one added, so a late change (a
/// case reopened, a rating given after the period) moves the record between rows. Each measure is a number of the facts of the row,
/// except <see cref="Days"/>, their handling days.
/// </summary>
public abstract class CountRow : INotAudited
{
    public RecordKind Kind { get; set; }
    public CountedOn Entry { get; set; }
    public string UnitKey { get; set; } = "";
    /// <summary>Dispute type of a case, service kind of a legal-window record; empty for the kinds no figure divides.</summary>
    public string Category { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>Received rows: the month the record was concluded (<see cref="MonthlyCount.None"/> while open); open rows: the due date's month.</summary>
    public DateOnly Other { get; set; }

    public long Records { get; set; }
    public long Days { get; set; }
    public long Succeeded { get; set; }
    public long Rated { get; set; }
    public long RatedSatisfied { get; set; }
    public long HasDue { get; set; }
    public long OnTime { get; set; }
    public long Late { get; set; }

    /// <summary>The row's date: its month's first day, or its day (not mapped; the column is <see cref="DateColumn"/>).</summary>
    public abstract DateOnly CountedDate { get; }

    /// <summary>The mapped property that holds <see cref="CountedDate"/>.</summary>
    public abstract string DateColumn { get; }

    public (RecordKind, CountedOn, DateOnly, string, string, string, DateOnly) Key => (Kind, Entry, CountedDate, UnitKey, Category, Source, Other);

    /// <summary>Puts the row on the date a figure counts the fact by: that day's month, or the day itself.</summary>
    internal abstract void PlaceOn(DateOnly day);

    /// <summary>What one fact adds to a table of counts: one row for each of its dates a figure counts by (<see cref="MonthlyCount.PartsOf"/>).</summary>
    public static IEnumerable<TRow> Of<TRow>(RecordFact fact) where TRow : CountRow, new() => MonthlyCount.PartsOf(fact, (entry, day, other) =>
    {
        var row = new TRow { Kind = fact.Kind, Entry = entry, UnitKey = fact.UnitKey, Other = other, Records = 1 };
        row.PlaceOn(day);
        return row;
    });

    public void Add(CountRow other, int sign)
    {
        Records += sign * other.Records; Days += sign * other.Days; Succeeded += sign * other.Succeeded; Rated += sign * other.Rated;
        RatedSatisfied += sign * other.RatedSatisfied; HasDue += sign * other.HasDue; OnTime += sign * other.OnTime; Late += sign * other.Late;
    }

    public bool IsZero => (Records, Days, Succeeded, Rated, RatedSatisfied, HasDue, OnTime, Late) == (0, 0, 0, 0, 0, 0, 0, 0);

    public bool SameMeasures(CountRow other) =>
        (Records, Days, Succeeded, Rated, RatedSatisfied, HasDue, OnTime, Late) ==
        (other.Records, other.Days, other.Succeeded, other.Rated, other.RatedSatisfied, other.HasDue, other.OnTime, other.Late);
}

/// <summary>A <see cref="CountRow"/> of one table; <typeparamref name="TSelf"/> is the row type itself.</summary>
public abstract class CountRow<TSelf> : CountRow where TSelf : CountRow<TSelf>, new()
{
    /// <summary>The same row (key) with every measure zero.</summary>
    public TSelf EmptyCopy()
    {
        var copy = (TSelf)MemberwiseClone();
        copy.Add(this, -1);
        return copy;
    }
}

/// <summary>The counts of a month (<see cref="Month"/>, its first day): a figure over whole months sums a few thousand of these rows
/// instead of reading millions of facts.</summary>
public sealed class MonthlyCount : CountRow<MonthlyCount>
{
    /// <summary>No second date (a record not concluded, or a count that needs none); not DateOnly.MinValue, which Npgsql writes as -infinity.</summary>
    public static readonly DateOnly None = new(1900, 1, 1);

    public DateOnly Month { get; set; }

    public override DateOnly CountedDate => Month;

    public override string DateColumn => nameof(Month);

    internal override void PlaceOn(DateOnly day) => Month = MonthOf(day);

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// Concluded after its due date — or, for a petition, also accepted after its acceptance due date: the part of an overdue figure
    /// that does not depend on today (FigureCatalog: overdue, petitionsOverdue, meetingTasksOverdue).
    /// </summary>
    public static bool LateOf(RecordFact f) => f.Kind switch
    {
        RecordKind.Petition => (f.DecisionDueOn is not null && f.DecidedOn > f.DecisionDueOn) || (f.DueOn is not null && f.ConcludedOn > f.DueOn),
        RecordKind.Case or RecordKind.MeetingTask => f.DueOn is not null && f.ConcludedOn > f.DueOn,
        _ => false,
    };

    /// <summary>The due date that makes an open record overdue once it is past, if the record is open and not already late.</summary>
    public static DateOnly? OpenDueOf(RecordFact f) => f.Kind switch
    {
        RecordKind.Petition when f.DecidedOn is null && !LateOf(f) => f.DecisionDueOn,
        RecordKind.Case or RecordKind.MeetingTask when f.ConcludedOn is null => f.DueOn,
        _ => null,
    };

    /// <summary>An open record of <paramref name="kind"/> whose due date falls in <paramref name="month"/>: read from the facts for the current month.</summary>
    public static Expression<Func<RecordFact, bool>> OpenDueIn(RecordKind kind, DateOnly month) => kind is RecordKind.Petition
        ? f => f.DecidedOn == null && f.DecisionDueOn >= month && (f.DueOn == null || f.ConcludedOn == null || f.ConcludedOn <= f.DueOn)
        : f => f.ConcludedOn == null && f.DueOn >= month;

    /// <summary>
    /// The rows one fact adds, whatever their table: one for each of its dates a figure counts by, made by <paramref name="row"/> from
    /// the entry, that date and the second month (every measure but <see cref="CountRow.Records"/> set here).
    /// </summary>
    public static IEnumerable<TRow> PartsOf<TRow>(RecordFact f, Func<CountedOn, DateOnly, DateOnly, TRow> row) where TRow : CountRow
    {
        var category = f.Kind is RecordKind.Case or RecordKind.LegalService ? f.Category ?? "" : "";
        var source = f.Kind is RecordKind.Case ? f.Source ?? "" : "";
        var rated = f.Rated ? 1 : 0;
        var satisfied = f.Rated && f.Satisfied ? 1 : 0;
        var succeeded = f.Succeeded ? 1 : 0;
        TRow Row(CountedOn entry, DateOnly day, DateOnly other)
        {
            var made = row(entry, day, other);
            (made.Category, made.Source) = (category, source);
            return made;
        }

        var received = Row(CountedOn.Received, f.ReceivedOn, f.ConcludedOn is { } c ? MonthOf(c) : None);
        (received.Succeeded, received.Rated, received.RatedSatisfied, received.Late) = (succeeded, rated, satisfied, LateOf(f) ? 1 : 0);
        yield return received;
        if (f.Kind is RecordKind.LegalService or RecordKind.DeskRequest) yield break;

        if (f.ConcludedOn is { } concludedOn)
        {
            var concluded = Row(CountedOn.Concluded, concludedOn, None);
            (concluded.Days, concluded.Succeeded, concluded.Rated, concluded.RatedSatisfied) = (f.HandlingDays ?? 0, succeeded, rated, satisfied);
            (concluded.HasDue, concluded.OnTime) = (f.DueOn is null ? 0 : 1, concludedOn <= f.DueOn ? 1 : 0);
            yield return concluded;
        }
        if (f.Kind is RecordKind.Petition && f.DecidedOn is { } decidedOn)
        {
            var decided = Row(CountedOn.Decided, decidedOn, None);
            (decided.HasDue, decided.OnTime) = (f.DecisionDueOn is null ? 0 : 1, decidedOn <= f.DecisionDueOn ? 1 : 0);
            yield return decided;
        }
        if (OpenDueOf(f) is { } due) yield return Row(CountedOn.OpenDue, f.ReceivedOn, MonthOf(due));
        if (f.Kind is not RecordKind.Case) yield break;
        if (f.CriminalOn is { } criminal) yield return Row(CountedOn.Criminal, criminal, None);
        if (f.JudicialAppliedOn is { } applied) yield return Row(CountedOn.JudicialApplied, applied, None);
        if (f.JudicialConfirmedOn is { } confirmed) yield return Row(CountedOn.JudicialConfirmed, confirmed, None);
    }
}
