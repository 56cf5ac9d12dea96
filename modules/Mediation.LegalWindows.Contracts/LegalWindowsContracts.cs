namespace Mediation.LegalWindows;

/// <summary>律师 (律师法) or 基层法律服务工作者 (基层法律服务工作者管理办法): both serve as village legal advisors.</summary>
public enum AdvisorKind
{
    Lawyer,
    GrassrootsLegalWorker,
}

/// <summary>The four services of a village legal window.</summary>
public enum ServiceKind
{
    /// <summary>民事代办: an errand done on the villager's behalf, on its own flow and due date.</summary>
    CivilAgency,
    /// <summary>咨询服务.</summary>
    Consultation,
    /// <summary>公益事业, e.g. a 普法 session: topic, place, attendance.</summary>
    PublicWelfare,
    /// <summary>民事调解 at the window; a dispute beyond it is referred to a mediation committee.</summary>
    CivilMediation,
}

public enum ErrandStatus
{
    Accepted,
    InProgress,
    Done,
    CannotBeDone,
}

/// <summary>How the mediation case a record was referred to ended (mirrors the Cases module's outcome).</summary>
public enum ReferralResult
{
    Succeeded,
    OralAgreement,
    Failed,
    Terminated,
}

public sealed record CreateWindowInput(Guid? OrgUnitId, string? Name, string? ShortName, string? Place, TimeOnly? OpensAt, TimeOnly? ClosesAt,
    string? OpeningNote, string? Phone);

public sealed record WindowAdvisorDto(Guid AdvisorId, string Name, AdvisorKind Kind);

public sealed record WindowDto(Guid Id, Guid OrgUnitId, string Name, string ShortName, string Place, TimeOnly OpensAt, TimeOnly ClosesAt,
    string? OpeningNote, string? Phone, IReadOnlyList<WindowAdvisorDto> Advisors, string ConcurrencyStamp);

/// <summary><paramref name="UserName"/>: the advisor's own account, when he signs in to record services.</summary>
public sealed record RegisterAdvisorInput(Guid? OrgUnitId, string? Name, AdvisorKind? Kind, string? Firm, string? LicenceNumber, string? Phone,
    string? UserName);

public sealed record AdvisorDto(Guid Id, Guid OrgUnitId, string Name, AdvisorKind Kind, string Firm, string LicenceNumber, string? Phone,
    Guid? UserId, IReadOnlyList<Guid> WindowIds, string ConcurrencyStamp);

public sealed record AttachAdvisorInput(Guid? AdvisorId, string? ConcurrencyStamp);

/// <summary>
/// A rota from <paramref name="From"/> to <paramref name="To"/> (at most 62 days): a shift on every working day of the calendar
/// whose weekday is in <paramref name="Weekdays"/> (default Monday–Friday) and on every 调休 working weekend day; none on a
/// statutory holiday unless listed in <paramref name="HolidayDuty"/>. Advisors take turns in the order given (default: the
/// window's advisors).
/// </summary>
public sealed record GenerateRosterInput(DateOnly? From, DateOnly? To, IReadOnlyList<Guid>? AdvisorIds = null,
    IReadOnlyList<DayOfWeek>? Weekdays = null, IReadOnlyList<DateOnly>? HolidayDuty = null);

/// <summary><paramref name="SwappedBy"/> is the officer's login; <paramref name="SwappedByName"/> and <paramref name="SwappedByUnit"/> what a page prints.</summary>
public sealed record ShiftSwapDto(Guid? FromAdvisorId, string? FromAdvisorName, Guid ToAdvisorId, string ToAdvisorName, string Reason,
    string? SwappedBy, DateTimeOffset SwappedAt, string? SwappedByName = null, string? SwappedByUnit = null);

public sealed record ShiftDto(Guid Id, Guid WindowId, DateOnly Date, TimeOnly StartsAt, TimeOnly EndsAt, Guid? AdvisorId, string? AdvisorName,
    bool OnHoliday, IReadOnlyList<ShiftSwapDto> Swaps, string ConcurrencyStamp);

public sealed record SwapShiftInput(Guid? AdvisorId, string? Reason, string? ConcurrencyStamp);

public sealed record OnDutyDto(Guid WindowId, string WindowName, DateOnly Date, bool OpenNow, ShiftDto? Shift);

public sealed record CoverageNodeDto(Guid OrgUnitId, string Name, int Depth, bool IsVillage, IReadOnlyList<string> Advisors);

public sealed record UncoveredVillageDto(Guid OrgUnitId, string Name, string? TownshipName, bool HasWindow);

public sealed record OverloadedAdvisorDto(Guid AdvisorId, string Name, int VillageCount, IReadOnlyList<string> Villages);

/// <summary>一村（社区）一律师: villages without an advisor, advisors over <paramref name="MaxVillagesPerAdvisor"/> villages, and the tree.</summary>
public sealed record CoverageDto(Guid OrgUnitId, string Name, int Villages, int Covered, int MaxVillagesPerAdvisor,
    IReadOnlyList<UncoveredVillageDto> WithoutAdvisor, IReadOnlyList<OverloadedAdvisorDto> Overloaded, IReadOnlyList<CoverageNodeDto> Tree);

public sealed record ServedPersonInput(string? Name, string? IdCardNumber, string? Phone);

/// <summary>
/// One service. Consultation and mediation: the person, the matter, the advice (or outcome), minutes spent, the laws cited.
/// 代办: the person and the errand. 公益事业: topic, place and attendance (a person is optional).
/// </summary>
public sealed record RecordServiceInput(Guid? WindowId, ServiceKind? Kind, DateTimeOffset? ServedAt, ServedPersonInput? Person, string? Matter,
    string? Advice, int? Minutes, string? LawsCited, bool? FollowUpNeeded = null, string? FollowUpNote = null, string? Topic = null,
    string? Place = null, int? Attendance = null);

public sealed record ErrandDto(ErrandStatus Status, DateOnly? DueOn, DateTimeOffset? DueAt, string? Note, DateTimeOffset? ClosedAt);

/// <summary><paramref name="ReferredBy"/> is the login; <paramref name="ReferredByName"/> and <paramref name="ReferredByUnit"/> what a page prints.</summary>
public sealed record ReferralDto(Guid CaseId, string CaseNumber, DateTimeOffset ReferredAt, string? ReferredBy, IReadOnlyList<string> ConsentingParties,
    ReferralResult? Result, DateTimeOffset? ConcludedAt, string? Detail, string? ReferredByName = null, string? ReferredByUnit = null);

/// <summary>律师参与调解: the mediation case and session the advisor took part in.</summary>
public sealed record MediationParticipationDto(Guid CaseId, string CaseNumber, int SessionNumber);

public sealed record ServiceRecordDto(Guid Id, string Number, Guid WindowId, string WindowName, Guid OrgUnitId, Guid AdvisorId, string AdvisorName,
    ServiceKind Kind, DateTimeOffset ServedAt, string? PersonName, string? IdCardNumber, string? Phone, string? Matter, string? Advice, int? Minutes,
    string? LawsCited, bool FollowUpNeeded, string? FollowUpNote, string? Topic, string? Place, int? Attendance, ErrandDto? Errand,
    ReferralDto? Referral, Guid? DocumentId, string ConcurrencyStamp, MediationParticipationDto? Participation = null);

/// <summary>
/// 律师参与调解: the advisor took part in session <paramref name="SessionNumber"/> of the mediation case numbered <paramref name="CaseNumber"/>
/// at the mediator's invitation, the parties having consented (<paramref name="PartiesConsent"/>, 人民调解法 Art. 20). Recorded as a
/// 民事调解 service of the window; <paramref name="Note"/>: what he contributed (the legal opinion given).
/// </summary>
public sealed record ParticipateInMediationInput(Guid? WindowId, string? CaseNumber, int? SessionNumber, int? Minutes, string? Note, bool? PartiesConsent);

public sealed record ServiceRecordSummaryDto(Guid Id, string Number, Guid WindowId, ServiceKind Kind, DateTimeOffset ServedAt, string? PersonName,
    string? Matter, string AdvisorName, ErrandStatus? ErrandStatus, Guid? CaseId, string? WindowName = null);

public sealed record RevealedPersonDto(string? IdCardNumber, string? Phone);

/// <summary>A 代办 errand moves on: start, done (what was done), cannot be done (why).</summary>
public sealed record ErrandStepInput(string? Note, string? ConcurrencyStamp);

public sealed record ServiceDocumentDto(Guid RecordId, Guid DocumentId, string Number);

/// <summary>A window whose shift in the coming week has no advisor: the township is told (one notice per shift).</summary>
public sealed record UncoveredShiftDto(Guid ShiftId, Guid WindowId, string WindowName, Guid OrgUnitId, DateOnly Date);

/// <summary>
/// What another module may read of legal-window service records it links (a joint meeting's agenda item): the errand's and the
/// referral's state now, under the caller's data scope — a record the caller may not see is simply absent.
/// </summary>
public interface IServiceRecordStatusReader
{
    Task<IReadOnlyList<ServiceRecordStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <summary><paramref name="Referred"/>: sent to a mediation committee; <paramref name="ReferralResult"/> once the case concluded.</summary>
public sealed record ServiceRecordStatusDto(Guid Id, string Number, ServiceKind Kind, ErrandStatus? Errand, bool Referred, ReferralResult? ReferralResult);
