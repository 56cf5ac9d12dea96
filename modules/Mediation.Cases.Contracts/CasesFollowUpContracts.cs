namespace Mediation.Cases;

/// <summary>回访: the first after conclusion, then one when terms of the agreement fall due (人民调解法 Art. 31).</summary>
public enum FollowUpVisitKind
{
    AfterConclusion,
    TermDue,
}

public enum FollowUpVisitStatus
{
    Scheduled,
    Recorded,

    /// <summary>Not made: the court refused the agreement it was to check and the case was reopened; a new agreement brings its own visits.</summary>
    Withdrawn,
}

/// <summary>在场（上门、当面）、电话、视频、书面.</summary>
public enum VisitMethod
{
    InPerson,
    Phone,
    Video,
    Letter,
}

public enum TermPerformance
{
    Performed,
    PartlyPerformed,
    NotPerformed,
}

public enum PartySatisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public sealed record TermPerformanceInput(int? TermNumber, TermPerformance? Performance, string? Note);

public sealed record PartySatisfactionInput(Guid? PartyId, PartySatisfaction? Satisfaction, string? Note);

public sealed record RecordVisitInput(DateTimeOffset? VisitedAt, VisitMethod? Method, IReadOnlyList<TermPerformanceInput>? Terms,
    IReadOnlyList<PartySatisfactionInput>? Parties, string? Notes, string? Visitor, string? ConcurrencyStamp);

public sealed record VisitTermDto(int Number, string Description, DateOnly? DueOn, TermPerformance? Performance, string? Note);

public sealed record VisitPartyDto(Guid PartyId, string Name, PartySatisfaction? Satisfaction, string? Note);

/// <summary><paramref name="RecordedBy"/> is the login; <paramref name="RecordedByName"/> and <paramref name="RecordedByUnit"/> what a page prints.</summary>
public sealed record FollowUpVisitDto(Guid Id, Guid CaseId, string CaseNumber, FollowUpVisitKind Kind, DateOnly ScheduledOn, DateOnly? DueDate,
    FollowUpVisitStatus Status, IReadOnlyList<VisitTermDto> Terms, IReadOnlyList<VisitPartyDto> Parties, DateTimeOffset? VisitedAt,
    VisitMethod? Method, string? Notes, string? Visitor, string? RecordedBy, DateTimeOffset? RecordedAt, string ConcurrencyStamp,
    string? RecordedByName = null, string? RecordedByUnit = null);

/// <summary>
/// Every party's recorded consent to continue mediation beyond the one-month term (《人民调解工作若干规定》).
/// Either <paramref name="Days"/> or <paramref name="Until"/>; neither: 30 more days.
/// </summary>
public sealed record ContinueMediationInput(IReadOnlyList<Guid>? ConsentingPartyIds, DateOnly? ConsentedOn, int? Days, DateOnly? Until,
    string? Note, string? ConcurrencyStamp);

/// <summary><paramref name="RecordedBy"/> is the login; <paramref name="RecordedByName"/> and <paramref name="RecordedByUnit"/> what a page prints.</summary>
public sealed record TermContinuationDto(int Sequence, IReadOnlyList<Guid> ConsentingPartyIds, DateOnly ConsentedOn, DateOnly? PreviousDueDate,
    DateOnly NewDueDate, int Days, string? Note, string? RecordedBy, DateTimeOffset RecordedAt, string? RecordedByName = null, string? RecordedByUnit = null);

public sealed record MediationTermDto(Guid CaseId, Guid ClockId, DateOnly? DueDate, DateTimeOffset? DueAt, Mediation.Core.Deadlines.Domain.ClockStatus ClockStatus, int ExtensionDays,
    IReadOnlyList<TermContinuationDto> Continuations, string ConcurrencyStamp);

public sealed record CaseDocumentIssuedDto(Guid CaseId, Guid DocumentId, string Number);

/// <summary>
/// How another module (Petitions, 访调对接) hands a civil dispute over to a mediation committee. Runs under the
/// calling user's data scope: a committee outside it is not found. Registration follows the same rules as a
/// walk-in case (two or more consenting parties, a mediator of the committee, gap-free numbering).
/// </summary>
public interface ICaseIntakeIntegrationService
{
    /// <summary>The committees of <paramref name="orgUnitId"/> and the units below it that the caller may see.</summary>
    Task<IReadOnlyList<CommitteeSummaryDto>> ListCommitteesAsync(Guid orgUnitId, CancellationToken ct);

    /// <summary>
    /// Registers the case; calling again for the same source record returns the case already registered
    /// (<see cref="HandedOverCaseDto.AlreadyRegistered"/>) instead of a second one.
    /// </summary>
    Task<HandedOverCaseDto> RegisterHandedOverCaseAsync(HandOverCaseRequest request, CancellationToken ct);
}

public sealed record CommitteeSummaryDto(Guid Id, Guid OrgUnitId, string Name, string ShortName, CommitteeKind Kind, int MediatorCount,
    CommitteeSpecialty? Specialty = null);

/// <summary>
/// <paramref name="SourceRecordId"/>: the petition's (or legal-window service record's) id, echoed in <see cref="CaseConcludedEto"/>.
/// No mediators: the committee's heads take the case. No risk grade: blue. <paramref name="Source"/>: 访调对接
/// (<see cref="CaseSource.PetitionHandover"/>) or a legal window's referral (<see cref="CaseSource.LegalWindowReferral"/>).
/// </summary>
public sealed record HandOverCaseRequest(Guid CommitteeId, string SourceRecordId, DisputeType DisputeType, string Summary,
    IReadOnlyList<PartyInput> Parties, IReadOnlyList<Guid>? MediatorIds = null, RiskGrade? RiskGrade = null, string? RiskReason = null,
    decimal? AmountInDispute = null, string? Place = null, CaseSource Source = CaseSource.PetitionHandover);

public sealed record HandedOverCaseDto(Guid CaseId, string Number, bool AlreadyRegistered);

/// <summary>
/// What another module may read of cases it links (a joint meeting's agenda item): number, status and outcome now, under the
/// caller's data scope — a case the caller may not see is simply absent.
/// </summary>
public interface ICaseStatusReader
{
    Task<IReadOnlyList<CaseStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

public sealed record CaseStatusDto(Guid Id, string Number, CaseStatus Status, CaseOutcome? Outcome);

/// <summary>Someone the mediator invited to a session (人民调解法 Art. 20: 具有专门知识、特定经验的人员), here a legal window's advisor.</summary>
public enum ParticipantRole
{
    Lawyer,
    GrassrootsLegalWorker,
}

/// <summary><paramref name="Capacity"/>: in what capacity he took part, e.g. 岱东社区法律顾问.</summary>
public sealed record SessionParticipantDto(string Name, ParticipantRole Role, string? Organisation, string? Capacity);

/// <summary>
/// 律师参与调解: an advisor took part in session <paramref name="SessionNumber"/> of the case numbered <paramref name="CaseNumber"/>
/// at the mediator's invitation; <paramref name="PartiesConsented"/> must be true (人民调解法 Art. 20: 在征得当事人的同意后).
/// <paramref name="SourceRecordId"/>: the calling module's record of the service (a legal window's service record).
/// </summary>
public sealed record AddSessionParticipantRequest(string CaseNumber, int SessionNumber, string Name, ParticipantRole Role, string? Organisation,
    string? Capacity, string SourceRecordId, bool PartiesConsented);

public sealed record SessionParticipationDto(Guid CaseId, string CaseNumber, int SessionNumber, DateTimeOffset HeldAt, string Summary);

/// <summary>
/// How another module (LegalWindows) records that its advisor took part in a mediation session. Runs under the calling user's data
/// scope and in the caller's transaction: a case outside the scope is not found (field <c>caseNumber</c>), a session not on record
/// is refused (field <c>sessionNumber</c>), and so is a session whose 调解笔录 was already printed (the archived copy would no
/// longer match).
/// </summary>
public interface ICaseParticipationIntegrationService
{
    Task<SessionParticipationDto> AddSessionParticipantAsync(AddSessionParticipantRequest request, CancellationToken ct);
}
