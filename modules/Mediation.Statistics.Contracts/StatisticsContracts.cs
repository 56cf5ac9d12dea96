using Mediation.Cases;

namespace Mediation.Statistics;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    /// <summary>From <c>from</c> to <c>to</c>, both included.</summary>
    Custom,
}

public enum FigureUnit
{
    /// <summary>件: changes year on year in percent.</summary>
    Count,
    /// <summary>%: changes year on year in percentage points.</summary>
    Rate,
    /// <summary>天: changes year on year in days.</summary>
    Days,
}

/// <summary>Which records a figure counts: a case, a petition, a legal-window service, a joint meeting's task, a 接诉即办 desk request.</summary>
public enum RecordKind
{
    Case = 1,
    Petition = 2,
    LegalService = 3,
    MeetingTask = 4,
    DeskRequest = 5,
}

/// <summary>
/// The query of the figures. A period is a <paramref name="Period"/> of <paramref name="Year"/> (with <paramref name="Quarter"/> or
/// <paramref name="Month"/>), or a custom range <paramref name="From"/>–<paramref name="To"/>. <paramref name="OrgUnitId"/>: the caller's
/// unit when empty. <paramref name="DisputeType"/> and <paramref name="Source"/> narrow the case figures only.
/// </summary>
public sealed record FigureQuery(Guid? OrgUnitId, PeriodKind? Period, int? Year, int? Quarter, int? Month, DateOnly? From, DateOnly? To,
    DisputeType? DisputeType, CaseSource? Source);

/// <summary>
/// One figure: <paramref name="Value"/> is the count, the rate in percent (two decimals) or the mean in days (two decimals), null when
/// its denominator is zero. <paramref name="Definition"/> says what is counted and which date puts a record in the period.
/// </summary>
public sealed record FigureDto(string Key, string Name, FigureUnit Unit, RecordKind Kind, decimal? Value, long Numerator, long? Denominator,
    string Definition, string DrillDown);

public sealed record UnitFiguresDto(Guid OrgUnitId, string OrgUnitName, IReadOnlyList<FigureDto> Figures);

/// <summary><paramref name="Wording"/>: as an official writes it, e.g. 结案率同比提高6.4个百分点.</summary>
public sealed record YearOnYearDto(string Key, decimal? Previous, decimal? Current, decimal? Change, string Wording);

/// <summary>
/// The figures of <paramref name="OrgUnitName"/> over the period, and of each unit directly below it (each rolled up over its own
/// subtree; <paramref name="Units"/> lists the unit's own records, if any, under its own name), with the same period a year before.
/// </summary>
public sealed record FiguresDto(Guid OrgUnitId, string OrgUnitName, DateOnly From, DateOnly To, IReadOnlyList<FigureDto> Figures,
    IReadOnlyList<UnitFiguresDto> Units, IReadOnlyList<YearOnYearDto> YearOnYear);

/// <summary>One record a figure counts, with the page where anyone can check it.</summary>
public sealed record CountedRecordDto(RecordKind Kind, Guid RecordId, string Number, Guid OrgUnitId, DateOnly ReceivedOn, DateOnly? ConcludedOn,
    string? Outcome, string? Category, string? Source, string Link);

/// <summary><paramref name="Total"/> records are counted; <paramref name="Items"/> holds the first of them (at most 1,000).</summary>
public sealed record CountedRecordsDto(string Figure, string Part, long Total, IReadOnlyList<CountedRecordDto> Items);

/// <summary>The figures kept after a recount: how many records of each kind were read.</summary>
public sealed record RecountDto(IReadOnlyDictionary<RecordKind, int> Records);

/// <summary>One month of the trend: cases received and concluded, and the success rate of those concluded.</summary>
public sealed record TrendPointDto(string Month, long Received, long Concluded, decimal? SuccessRate);

/// <summary>A recount queued in the background: poll the job on the jobs dashboard.</summary>
public sealed record RecountQueuedDto(string JobId);
