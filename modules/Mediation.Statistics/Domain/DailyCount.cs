namespace Mediation.Statistics.Domain;

/// <summary>
/// The counts of a day (<see cref="Day"/>), kept beside the monthly ones by the same change events: a custom range's partial first and
/// last months are summed from their days' rows instead of counted over their facts. <see cref="CountRow.Other"/> stays a month, as in
/// the monthly counts, so a day has at most one row per unit, kind, entry, category, source and second month.
/// </summary>
public sealed class DailyCount : CountRow<DailyCount>
{
    public DateOnly Day { get; set; }

    public override DateOnly CountedDate => Day;

    public override string DateColumn => nameof(Day);

    internal override void PlaceOn(DateOnly day) => Day = day;
}
