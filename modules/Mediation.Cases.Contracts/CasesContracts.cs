using Mediation.Core.Messaging;

namespace Mediation.Cases;

public enum DisputeType
{
    MarriageFamily,
    Neighbourhood,
    HousingHomestead,
    Contract,
    Damages,
    Labour,
    LandContract,
    Other,
}

public enum CaseSource
{
    WalkIn,
    PetitionHandover,
    LegalWindowReferral,
    /// <summary>A 涉法案件 of the 接诉即办 desk handed to mediation.</summary>
    ServiceDeskReferral,
    CourtEntrustment,
    JointMeeting,
}

public enum CommitteeKind
{
    VillageOrResidents,
    TownshipOrStreet,
    /// <summary>行业性、专业性人民调解委员会: has a <see cref="CommitteeSpecialty"/>.</summary>
    Specialised,
}

/// <summary>The disputes a specialised committee mediates (DOMAIN.md: labour, medical, traffic and consumer disputes go to the matching one).</summary>
public enum CommitteeSpecialty
{
    Labour,
    Medical,
    Traffic,
    Consumer,
}

/// <summary>How a mediation ended (人民调解法 Art. 26, 28, 29).</summary>
public enum CaseOutcome
{
    /// <summary>Written agreement (Art. 29).</summary>
    Succeeded,
    /// <summary>Oral agreement, recorded by the mediator (Art. 28).</summary>
    OralAgreement,
    Failed,
    /// <summary>Mediation terminated (Art. 26): the parties are told of the other routes.</summary>
    Terminated,
}

/// <summary>Where parties may turn when mediation did not settle the dispute (Art. 26).</summary>
public enum OtherRoute
{
    Arbitration,
    Administrative,
    Court,
}

/// <summary>The court's answer to a joint application for 司法确认 (人民调解法 Art. 33).</summary>
public enum CourtDecision
{
    Confirmed,
    /// <summary>Not confirmed (协议无效 or the application dismissed): the parties may mediate again or sue.</summary>
    Refused,
    NotAccepted,
    Withdrawn,
}

public enum PartyKind
{
    Person,
    Organisation,
}

/// <summary>四色预警: red is the highest risk of escalation (民转刑).</summary>
public enum RiskGrade
{
    Blue = 1,
    Yellow = 2,
    Orange = 3,
    Red = 4,
}

public enum CaseStatus
{
    Registered,
    InMediation,
    Concluded,
}

public sealed record CommitteeDto(Guid Id, Guid OrgUnitId, string Name, string ShortName, CommitteeKind Kind,
    IReadOnlyList<CommitteeMediatorDto> Mediators, string ConcurrencyStamp, CommitteeSpecialty? Specialty = null);

public sealed record CommitteeMediatorDto(Guid UserId, string Name, bool IsHead);

/// <summary><paramref name="Specialty"/>: required for a specialised committee, and only for one.</summary>
public sealed record CreateCommitteeInput(Guid? OrgUnitId, string? Name, string? ShortName, CommitteeKind? Kind, CommitteeSpecialty? Specialty = null);

public sealed record AddMediatorInput(Guid? UserId, string? Name, bool IsHead);

/// <summary>
/// <paramref name="LegalRepresentative"/>: 法定代理人; <paramref name="Agent"/>: 委托代理人 — printed on the agreement when present.
/// A natural person gives a 身份证号 (<paramref name="IdCardNumber"/>) or, with <paramref name="IdDocumentKind"/>, another document's
/// number (<paramref name="IdDocumentNumber"/>: passport, 港澳台居民居住证, 通行证) or none, with <paramref name="NoIdReason"/>.
/// </summary>
public sealed record PartyInput(PartyKind? Kind, string? Name, string? IdCardNumber, string? CreditCode, string? Representative,
    string? Phone, string? Address, bool ConsentsToMediation, string? LegalRepresentative = null, string? Agent = null,
    Mediation.Core.PersonalData.IdDocumentKind? IdDocumentKind = null, string? IdDocumentNumber = null, string? NoIdReason = null);

public sealed record RegisterCaseInput(Guid? CommitteeId, DisputeType? DisputeType, string? Summary, decimal? AmountInDispute,
    string? Place, CaseSource? Source, string? SourceRecordId, IReadOnlyList<PartyInput>? Parties, IReadOnlyList<Guid>? MediatorIds,
    RiskGrade? RiskGrade, string? RiskReason);

/// <summary><paramref name="IdCardNumber"/>: the masked number of the person's identity document of <paramref name="IdDocumentKind"/>.</summary>
public sealed record PartyDto(Guid Id, PartyKind Kind, string Name, string? IdCardNumber, string? CreditCode, string? Representative,
    string? Phone, string? Address, bool ConsentsToMediation, string? LegalRepresentative = null, string? Agent = null,
    Mediation.Core.PersonalData.IdDocumentKind? IdDocumentKind = null, string? NoIdReason = null);

/// <summary>A step of a case's history. Detail: the reason of an assessment, a session's place, the outcome of a conclusion
/// (<c>CaseOutcome</c>), the agreement's number, the court applied to, the court's decision (<c>CourtDecision</c>), a continued term's
/// new due date.</summary>
public enum CaseEventKind
{
    Registered,
    RiskAssessed,
    Session,
    Concluded,
    AgreementIssued,
    AgreementSigned,
    JudicialApplied,
    CourtDecision,
    Reopened,
    TermContinued,
    BecameCriminal,
}

/// <summary>One step of a case's history, in the order it happened (<see cref="Sequence"/>); <c>Actor</c> is the login name,
/// <c>ActorName</c> and <c>ActorUnit</c> what a page prints.</summary>
public sealed record CaseEventDto(int Sequence, CaseEventKind Kind, DateTimeOffset At, string? Actor, string? Detail, string? ActorName, string? ActorUnit);

/// <summary><paramref name="AssessedBy"/> is the login; <paramref name="AssessedByName"/> and <paramref name="AssessedByUnit"/> what a page prints.</summary>
public sealed record RiskAssessmentDto(RiskGrade Grade, string? Reason, DateTimeOffset AssessedAt, string? AssessedBy, string? AssessedByName = null,
    string? AssessedByUnit = null);

public sealed record CaseSummaryDto(Guid Id, string Number, DisputeType DisputeType, string Summary, CaseStatus Status,
    RiskGrade RiskGrade, Guid CommitteeId, DateTimeOffset RegisteredAt);

public sealed record CaseDto(Guid Id, string Number, Guid CommitteeId, Guid OrgUnitId, DisputeType DisputeType, string Summary,
    decimal? AmountInDispute, string? Place, CaseSource Source, string? SourceRecordId, CaseStatus Status, RiskGrade RiskGrade,
    IReadOnlyList<PartyDto> Parties, IReadOnlyList<Guid> MediatorIds, IReadOnlyList<RiskAssessmentDto> RiskHistory,
    DateTimeOffset RegisteredAt, string ConcurrencyStamp, IReadOnlyList<CaseSessionDto> Sessions, CaseOutcomeDto? Outcome,
    PoliceReportDto? PoliceReport = null, BecameCriminalDto? BecameCriminal = null, IReadOnlyList<CaseEventDto>? Timeline = null);

/// <summary>The police were told the dispute may turn criminal (人民调解法 Art. 25).</summary>
public sealed record PoliceReportDto(DateOnly ReportedOn, string? Station);

/// <summary>民转刑: the dispute became a criminal case.</summary>
public sealed record BecameCriminalDto(DateOnly On, string? Note);

/// <summary>
/// <paramref name="MayTurnCriminal"/>: the mediator sees the dispute may turn criminal and has told the police
/// (<paramref name="PoliceReportedOn"/>, <paramref name="PoliceStation"/>; 人民调解法 Art. 25).
/// </summary>
public sealed record AssessRiskInput(RiskGrade? Grade, string? Reason, string? ConcurrencyStamp, bool MayTurnCriminal = false,
    DateOnly? PoliceReportedOn = null, string? PoliceStation = null);

/// <summary>民转刑: when the dispute became a criminal case, and a note (the file the police or prosecutors opened).</summary>
public sealed record RecordBecameCriminalInput(DateOnly? On, string? Note, string? ConcurrencyStamp);

public sealed record AssignMediatorsInput(IReadOnlyList<Guid>? CaseIds, IReadOnlyList<Guid>? MediatorIds);

public sealed record PartyStatementInput(Guid? PartyId, string? Statement);

/// <summary>调解笔录: one mediation session.</summary>
public sealed record RecordSessionInput(DateTimeOffset? HeldAt, string? Place, IReadOnlyList<string>? Attendees, string? Minutes,
    IReadOnlyList<PartyStatementInput>? Statements, string? ConcurrencyStamp);

public sealed record PartyStatementDto(Guid PartyId, string Statement);

/// <summary><paramref name="Participants"/>: those who took part at the mediator's invitation (人民调解法 Art. 20), e.g. a village's legal advisor.
/// <paramref name="RecordedBy"/> is the login; <paramref name="RecordedByName"/> and <paramref name="RecordedByUnit"/> what a page prints.</summary>
public sealed record CaseSessionDto(int Number, DateTimeOffset HeldAt, string Place, IReadOnlyList<string> Attendees, string Minutes,
    IReadOnlyList<PartyStatementDto> Statements, string? RecordedBy, DateTimeOffset RecordedAt, IReadOnlyList<SessionParticipantDto>? Participants = null,
    string? RecordedByName = null, string? RecordedByUnit = null);

public sealed record AgreementTermInput(string? Description, decimal? Amount, DateOnly? DueOn);

/// <summary>
/// Succeeded: facts, disputed points, responsibilities and terms (Art. 29). OralAgreement: the mediator's record (Art. 28).
/// Terminated: the reason (Art. 26). MayTurnCriminal needs the date the police were told (Art. 25).
/// </summary>
public sealed record ConcludeCaseInput(CaseOutcome? Outcome, string? Facts, string? DisputedPoints, string? Responsibilities,
    IReadOnlyList<AgreementTermInput>? Terms, string? Performance, string? OralRecord, string? Reason, bool MayTurnCriminal,
    DateOnly? ReportedToPoliceOn, string? ConcurrencyStamp);

public sealed record AgreementTermDto(int Number, string Description, decimal? Amount, DateOnly? DueOn);

/// <summary><paramref name="ConcludedBy"/> is the login; <paramref name="ConcludedByName"/> and <paramref name="ConcludedByUnit"/> what a page prints.</summary>
public sealed record CaseOutcomeDto(CaseOutcome Outcome, DateTimeOffset ConcludedAt, string? ConcludedBy, string? Facts, string? DisputedPoints,
    string? Responsibilities, IReadOnlyList<AgreementTermDto> Terms, string? Performance, string? OralRecord, string? Reason,
    IReadOnlyList<OtherRoute> OtherRoutes, bool MayTurnCriminal, DateOnly? ReportedToPoliceOn, Guid? AgreementDocumentId,
    DateTimeOffset? AgreementSignedAt, CourtDecision? CourtDecision, DateOnly? CourtDecidedOn, string? CourtName,
    DateOnly? AgreementEffectiveOn = null, DateOnly? JudicialAppliedOn = null, bool MayConcernPersonalStatus = false, string? ConcludedByName = null,
    string? ConcludedByUnit = null);

public sealed record AgreementIssuedDto(Guid CaseId, Guid DocumentId, string Number);

/// <summary><paramref name="SignedAt"/>: when the last signature, seal or fingerprint was put on the agreement (default: now).</summary>
public sealed record MarkAgreementSignedInput(DateTimeOffset? SignedAt, string? ConcurrencyStamp);

/// <summary>The parties' joint application for 司法确认: the court and the day it was filed.</summary>
public sealed record RecordJudicialApplicationInput(string? Court, DateOnly? AppliedOn, string? ConcurrencyStamp);

public sealed record ReopenCaseInput(string? ConcurrencyStamp);

public sealed record RecordCourtDecisionInput(CourtDecision? Decision, DateOnly? DecidedOn, string? CourtName, string? ConcurrencyStamp);

/// <summary>
/// A case was concluded; the petition it came from (<paramref name="SourceRecordId"/>, <paramref name="Source"/>) may be closed
/// and replied to by its module. <paramref name="AgreementSummary"/>: the agreed terms (written agreement, issued under the case
/// <paramref name="Number"/>) or the mediator's record of an oral one; <paramref name="Reason"/>: why mediation failed or was
/// terminated, with the other routes the parties were told of (Art. 26).
/// </summary>
public sealed record CaseConcludedEto(Guid CaseId, string Number, Guid OrgUnitId, CaseOutcome Outcome, string? SourceRecordId,
    CaseSource Source = CaseSource.WalkIn, DateTimeOffset ConcludedAt = default, string? AgreementSummary = null, string? Reason = null,
    IReadOnlyList<OtherRoute>? OtherRoutes = null) : IIntegrationEvent
{
    public const string EventName = "cases.case-concluded";
}

/// <summary>
/// A mediated agreement took effect — this, not the conclusion, is when a mediation succeeded. A written agreement
/// (人民调解法 Art. 29) takes effect on the day the last party, the mediator and the committee's seal signed it; an oral
/// one on the day it is reached (Art. 30), recorded by the mediator at the conclusion (Art. 28). The 30 days to apply for 司法确认 (Art. 33) run from
/// <paramref name="EffectiveOn"/> (China date). <paramref name="Source"/> and <paramref name="SourceRecordId"/> name the
/// record the case came from (e.g. the petition handed over); <paramref name="AgreementSummary"/> is the agreed terms.
/// </summary>
public sealed record CaseAgreementEffectiveEto(Guid CaseId, string Number, Guid OrgUnitId, CaseOutcome Outcome, CaseSource Source,
    string? SourceRecordId, DateOnly EffectiveOn, string? AgreementSummary) : IIntegrationEvent
{
    public const string EventName = "cases.agreement-effective";
}

/// <summary>
/// After the court refused to confirm its agreement the case was opened for mediation again (人民调解法 Art. 33 ¶2): the agreement
/// reported by <see cref="CaseConcludedEto"/> and <see cref="CaseAgreementEffectiveEto"/> no longer settles the record it came from
/// (<paramref name="Source"/>, <paramref name="SourceRecordId"/>); a later conclusion is published again.
/// </summary>
public sealed record CaseReopenedEto(Guid CaseId, string Number, Guid OrgUnitId, CaseSource Source, string? SourceRecordId,
    DateTimeOffset ReopenedAt, string? CourtName, DateOnly? RefusedOn) : IIntegrationEvent
{
    public const string EventName = "cases.case-reopened";
}

/// <summary>A case was raised to red: the supervising 综治中心 is told at once and the police liaison is asked for.</summary>
public sealed record CaseRaisedToRedEto(Guid CaseId, string Number, Guid OrgUnitId, string? Reason) : IIntegrationEvent
{
    public const string EventName = "cases.case-raised-to-red";
}
