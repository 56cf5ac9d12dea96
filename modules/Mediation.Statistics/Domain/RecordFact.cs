using Mediation.Core.Auditing;

namespace Mediation.Statistics.Domain;

/// <summary>
/// What the figures count of one record, kept by the record's module's change events and recomputable from its read contract.
/// Dates are China dates. <see cref="UnitKey"/> is the unit's path without its slashes: the records of a subtree are the keys in
/// [key, key + "g") whatever the database's collation, and the units one level down are the key's next 32 characters.
/// </summary>
public sealed class RecordFact : INotAudited
{
    public const int UnitKeyMaxLength = 32 * 8;
    public const int NumberMaxLength = 120;

    public RecordKind Kind { get; set; }
    public Guid RecordId { get; set; }
    public string Number { get; set; } = "";
    public Guid OrgUnitId { get; set; }
    public string UnitKey { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public DateOnly? ConcludedOn { get; set; }
    /// <summary>Days from receipt to conclusion, so the mean is one SUM over one COUNT.</summary>
    public int? HandlingDays { get; set; }
    public DateOnly? DueOn { get; set; }
    /// <summary>Petitions: the day acceptance was decided, and its due date (信访工作条例 Art. 22, 15 days).</summary>
    public DateOnly? DecidedOn { get; set; }
    public DateOnly? DecisionDueOn { get; set; }
    public string? Outcome { get; set; }
    /// <summary>A case mediated to an agreement; a desk request taken by an officer within its acknowledgement limit (响应).</summary>
    public bool Succeeded { get; set; }
    /// <summary>Dispute type of a case, service kind of a legal-window record, classification of a petition.</summary>
    public string? Category { get; set; }
    public string? Source { get; set; }
    public bool Rated { get; set; }
    public bool Satisfied { get; set; }
    public DateOnly? CriminalOn { get; set; }
    public DateOnly? JudicialAppliedOn { get; set; }
    public DateOnly? JudicialConfirmedOn { get; set; }

    public static string UnitKeyOf(string path) => path.Replace("/", "", StringComparison.Ordinal);

    public void Conclude(DateOnly? on)
    {
        ConcludedOn = on;
        HandlingDays = on is { } day ? day.DayNumber - ReceivedOn.DayNumber : null;
    }

    /// <summary>Same figures-relevant content (the recount compares with it).</summary>
    public bool SameAs(RecordFact other) =>
        (Kind, RecordId, Number, OrgUnitId, UnitKey, ReceivedOn, ConcludedOn, HandlingDays, DueOn, DecidedOn, DecisionDueOn) ==
        (other.Kind, other.RecordId, other.Number, other.OrgUnitId, other.UnitKey, other.ReceivedOn, other.ConcludedOn, other.HandlingDays,
            other.DueOn, other.DecidedOn, other.DecisionDueOn)
        && (Outcome, Succeeded, Category, Source, Rated, Satisfied, CriminalOn, JudicialAppliedOn, JudicialConfirmedOn) ==
        (other.Outcome, other.Succeeded, other.Category, other.Source, other.Rated, other.Satisfied, other.CriminalOn, other.JudicialAppliedOn,
            other.JudicialConfirmedOn);

    public void CopyFrom(RecordFact other)
    {
        Number = other.Number; OrgUnitId = other.OrgUnitId; UnitKey = other.UnitKey; ReceivedOn = other.ReceivedOn;
        ConcludedOn = other.ConcludedOn; HandlingDays = other.HandlingDays; DueOn = other.DueOn; DecidedOn = other.DecidedOn;
        DecisionDueOn = other.DecisionDueOn; Outcome = other.Outcome; Succeeded = other.Succeeded; Category = other.Category;
        Source = other.Source; Rated = other.Rated; Satisfied = other.Satisfied; CriminalOn = other.CriminalOn;
        JudicialAppliedOn = other.JudicialAppliedOn; JudicialConfirmedOn = other.JudicialConfirmedOn;
    }
}
