using Mediation.Core.Messaging;

namespace Mediation.Petitions;

/// <summary>How a petition reached the body (信访工作条例 Art. 17: letters, visits, online, phone; Art. 22: 转送/交办).</summary>
public enum PetitionChannel
{
    Letter,
    Visit,
    Online,
    /// <summary>An officer files the call on the caller's behalf.</summary>
    Phone,
    /// <summary>转送 or 交办 by another body, with its reference.</summary>
    Transferred,
}

public enum TransferKind
{
    /// <summary>转送: forwarded for handling.</summary>
    Forwarded,
    /// <summary>交办: assigned by a higher body, which expects a report back.</summary>
    Assigned,
}

public enum PetitionStatus
{
    /// <summary>Registered; the acceptance decision is due within 15 days (Art. 23).</summary>
    Registered,
    /// <summary>Art. 19 ¶3: the same matter is already in progress; recorded as a repeat of it, not accepted anew.</summary>
    LinkedAsRepeat,
    NotAccepted,
    /// <summary>
    /// A misrouted transfer was objected to within 5 working days (Art. 23 ¶3); the objection awaits the sending body's answer
    /// and the acceptance clock keeps running meanwhile.
    /// </summary>
    TransferObjected,
    /// <summary>Accepted and being handled within 60 days (Art. 34).</summary>
    Accepted,
    /// <summary>Handed to a mediation committee (访调对接); the case's result flows back.</summary>
    HandedOverToMediation,
    /// <summary>The reply opinion was issued; 30 days to ask for 复查 (Art. 35).</summary>
    Replied,
    UnderReview,
    /// <summary>复查 answered; 30 days to ask for 复核 (Art. 36).</summary>
    Reviewed,
    UnderReexamination,
    /// <summary>复核 answered: the same matter is not accepted again (Art. 36).</summary>
    Reexamined,
    /// <summary>Art. 23 ¶3: the sending body agreed to the objection (核实同意); the materials go back to it.</summary>
    TransferReturned,
    /// <summary>建议意见 (Art. 29): studied by the body, which replies; no 60-day handling period (Art. 34 is for Art. 31 (六) only).</summary>
    SuggestionUnderStudy,
    /// <summary>Art. 29: the body replied to the suggestion (adopted, partly adopted or not adopted).</summary>
    SuggestionAnswered,
    /// <summary>申诉求决 under Art. 31 (一)–(五): the petitioner was led into that procedure with a written notice; closed here.</summary>
    LedIntoProcedure,
    /// <summary>检举控告 (Art. 30): routed to the discipline and supervision body; never shown to the unit complained about.</summary>
    RoutedToDisciplineBody,
}

/// <summary>The kind of item the officer classifies at acceptance (信访工作条例 Arts. 29–31).</summary>
public enum PetitionCategory
{
    /// <summary>建议意见类 (Art. 29).</summary>
    Suggestion,
    /// <summary>检举控告类 (Art. 30).</summary>
    Accusation,
    /// <summary>申诉求决类 (Art. 31), with its route.</summary>
    Grievance,
}

/// <summary>Art. 31: how a 申诉求决 item is dealt with; only (六) is handled as a petition with a 处理意见书 (Arts. 32, 34).</summary>
public enum GrievanceRoute
{
    /// <summary>（一）审判机关诉讼程序或者复议程序、检察机关刑事立案程序或者法律监督程序、公安机关法律程序.</summary>
    JudicialProcedure,
    /// <summary>（二）仲裁.</summary>
    Arbitration,
    /// <summary>（三）党员申诉、申请复审.</summary>
    PartyAppeal,
    /// <summary>（四）行政复议、行政裁决、行政确认、行政许可、行政处罚.</summary>
    AdministrativeProcedure,
    /// <summary>（五）申请查处违法行为、履行保护人身权或者财产权等合法权益职责: the competent body performs the duty or answers.</summary>
    StatutoryDuty,
    /// <summary>（六）none of the above: heard, investigated and answered with a 处理意见书 within 60 days.</summary>
    Handling,
}

/// <summary>Art. 29: what the body made of a suggestion.</summary>
public enum SuggestionOutcome
{
    Adopted,
    PartlyAdopted,
    NotAdopted,
}

/// <summary>How a written reply reached the petitioner; the 30 days of Arts. 35, 36 run from that day (自收到书面答复之日起).</summary>
public enum ServiceMethod
{
    /// <summary>当场送达: handed over, on that day.</summary>
    InPerson,
    /// <summary>邮寄送达: the day of receipt on the return receipt (回执).</summary>
    Post,
    /// <summary>电子送达: the day it reached the petitioner's system.</summary>
    Electronic,
}

/// <summary>
/// The ground of a 不予受理 decision, each with its article of 信访工作条例（2022）, chosen by the officer; the notice cites it.
/// </summary>
public enum NonAcceptanceGround
{
    /// <summary>第十九条第三款: already accepted or in progress, raised again within the period with a higher body.</summary>
    RepeatToHigherBody,
    /// <summary>第二十二条第二款: 涉法涉诉 letters go to the 政法部门, 检举控告 to the 纪检监察机关.</summary>
    ForwardedByArticle22,
    /// <summary>第二十八条第二款: 诉讼权利救济 is separated from petitions and handled by the 政法部门.</summary>
    LitigationRightsRelief,
    /// <summary>第三十一条第一项: court, procuratorate or police procedure.</summary>
    JudicialProcedure,
    /// <summary>第三十一条第二项: arbitration.</summary>
    Arbitration,
    /// <summary>第三十一条第三项: 党员申诉、申请复审.</summary>
    PartyAppeal,
    /// <summary>第三十一条第四项: 行政复议、行政裁决、行政确认、行政许可、行政处罚.</summary>
    AdministrativeProcedure,
    /// <summary>第三十一条第五项: 申请查处违法行为、履行保护人身权或者财产权等法定职责.</summary>
    StatutoryDuty,
    /// <summary>第三十六条第三款: after 复核, the same matter on the same facts is not accepted again.</summary>
    AfterReexamination,
}

/// <summary>What the handling body decides on the request (处理意见 / 复查意见 / 复核意见).</summary>
public enum OpinionDecision
{
    Support,
    Explain,
    NotSupport,
}

public enum OpinionKind
{
    Reply,
    Review,
    Reexamination,
}

/// <summary>
/// An opinion issued in the body's name is signed off by the body's head (负责人) before it is issued: the officer's draft awaits
/// sign-off, is returned with a reason (and revised and submitted again), or is signed off and thereby issued.
/// </summary>
public enum OpinionState
{
    AwaitingSignOff,
    Returned,
    Issued,
}

public enum PetitionNoticeKind
{
    AcceptanceNotice,
    NonAcceptanceNotice,
    /// <summary>Art. 34: the petitioner is told why the handling was extended.</summary>
    ExtensionNotice,
    ReplyOpinion,
    ReviewOpinion,
    ReexaminationOpinion,
    /// <summary>Art. 23: the objection to a misrouted 转送/交办 item, addressed to the body that sent it.</summary>
    TransferObjection,
    /// <summary>Art. 31 (一)–(五): the petitioner is led into the named procedure.</summary>
    ProcedureNotice,
    /// <summary>Art. 29: the reply to a suggestion.</summary>
    SuggestionReply,
}

public enum PetitionEventKind
{
    Registered,
    LinkedAsRepeat,
    Accepted,
    NotAccepted,
    TransferObjected,
    NoticeIssued,
    HandlingPaused,
    HandlingResumed,
    HandlingExtended,
    Replied,
    ReviewRequested,
    ReviewAnswered,
    ReexaminationRequested,
    ReexaminationAnswered,
    JointMeetingRequested,
    AttachmentAdded,
    HandedOverToMediation,
    MediationConcluded,
    TransferObjectionAgreed,
    TransferObjectionRejected,
    MediationAgreementEffective,
    ReexaminationHearing,
    PetitionerDetailsKnown,
    OpinionServed,
    LedIntoProcedure,
    RoutedToDisciplineBody,
    SuggestionAnswered,
    /// <summary>A task the joint meeting assigned on this petition was accepted as done (through joint-meetings.task-accepted).</summary>
    JointMeetingTaskAccepted,
    /// <summary>The handed-over case was opened again after the court refused to confirm its agreement (through cases.case-reopened).</summary>
    MediationReopened,
    /// <summary>An opinion was drafted and submitted to the head of the issuing body for sign-off.</summary>
    OpinionSubmitted,
    OpinionSignedOff,
    OpinionReturned,
}

/// <summary>How the mediation case the petition was handed to ended (mirrors the Cases module's outcome).</summary>
public enum MediationResult
{
    Succeeded,
    OralAgreement,
    Failed,
    Terminated,
}

public sealed record PetitionerInput(string? Name, string? IdCardNumber, string? Phone, string? Address);

/// <summary>
/// A new petition. Transferred items name the sending body and its reference; a phone petition is filed by the officer
/// on the caller's behalf. <paramref name="NameOrAddressUnclear"/>: the acceptance clock waits until they are known (Art. 23 ¶2). <paramref name="RepeatOfPetitionId"/> links the item to an open one (Art. 19 ¶3) at intake.
/// </summary>
public sealed record RegisterPetitionInput(PetitionChannel? Channel, DateTimeOffset? ReceivedAt, Guid? OrgUnitId,
    IReadOnlyList<PetitionerInput>? Petitioners, string? Matter, string? RequestedOutcome, string? Place,
    TransferKind? TransferKind, string? TransferringBody, string? TransferReference, Guid? RepeatOfPetitionId,
    bool? NameOrAddressUnclear = null);

/// <summary>Art. 23 ¶2: the petitioner's name (if it was unclear) and address, once known; the 15 days run from <paramref name="KnownOn"/>.</summary>
public sealed record PetitionerDetailsInput(string? Name, string? Address, DateTimeOffset? KnownOn, string? ConcurrencyStamp);

/// <summary>Art. 36 ¶2: the 复核 hearing's first and last day; that time is not counted in the 30 days.</summary>
public sealed record ReexaminationHearingInput(DateOnly? StartedOn, DateOnly? EndedOn, string? ConcurrencyStamp);

/// <summary>A draft checked for likely duplicates before it is registered.</summary>
public sealed record DuplicateQueryInput(Guid? OrgUnitId, IReadOnlyList<PetitionerInput>? Petitioners, string? Matter, string? RequestedOutcome, string? Place);

public sealed record DuplicateCandidateDto(Guid PetitionId, string Number, PetitionStatus Status, string Matter, bool SamePetitioner,
    double TextSimilarity, DateTimeOffset ReceivedAt);

public sealed record PetitionerDto(string Name, string? IdCardNumber, string? Phone, string? Address);

/// <summary>The full 身份证号 and phone, for a holder of Pii.Reveal; each reveal is audited.</summary>
public sealed record RevealedPetitionerDto(int Position, string Name, string? IdCardNumber, string? Phone);

/// <summary>One step of the petition's history, in the order it happened (<see cref="Sequence"/>); <c>Actor</c> is the login name,
/// <c>ActorName</c> and <c>ActorUnit</c> what a page prints.</summary>
public sealed record PetitionEventDto(int Sequence, PetitionEventKind Kind, DateTimeOffset At, string? Actor, string? Detail, string? ActorName = null,
    string? ActorUnit = null);

public sealed record PetitionNoticeDto(PetitionNoticeKind Kind, Guid DocumentId, string Number, DateTimeOffset IssuedAt);

/// <summary>
/// <paramref name="IssuedBy"/>: the officer who drafted it; <paramref name="IssuedAt"/>: set once the head of
/// <paramref name="IssuingOrgUnitId"/> (<paramref name="SignedOffBy"/>) signed it off; <paramref name="ServedOn"/>: the day the
/// petitioner received it (null while unserved: no request window runs). <paramref name="IssuedBy"/> and <paramref name="ReturnedBy"/> are
/// logins; the <c>…Name</c> and <c>…Unit</c> fields name them as a page prints them.
/// </summary>
public sealed record PetitionOpinionDto(OpinionKind Kind, OpinionDecision Decision, string Request, string FactsAndReasons, string LegalBasis,
    DateTimeOffset? IssuedAt, string? IssuedBy, ServiceMethod? ServiceMethod = null, DateOnly? ServedOn = null, string? ServiceReference = null,
    OpinionState State = OpinionState.Issued, Guid? IssuingOrgUnitId = null, DateTimeOffset? SubmittedAt = null, string? SignedOffBy = null,
    string? SignedOffByName = null, string? ReturnReason = null, string? ReturnedBy = null, DateTimeOffset? ReturnedAt = null,
    string? IssuedByName = null, string? IssuedByUnit = null, string? ReturnedByName = null, string? ReturnedByUnit = null);

/// <summary>The head of the issuing body signs the awaiting <paramref name="Opinion"/> off, which issues it.</summary>
public sealed record SignOffOpinionInput(OpinionKind? Opinion, string? ConcurrencyStamp);

/// <summary>The head returns the awaiting <paramref name="Opinion"/> to the officer with the reason.</summary>
public sealed record ReturnOpinionInput(OpinionKind? Opinion, string? Reason, string? ConcurrencyStamp);

/// <summary>
/// Arts. 35, 36 "自收到书面答复之日起30日内": how and when the latest opinion of <paramref name="Opinion"/> kind reached the
/// petitioner — in person (that day), by post (<paramref name="ServedOn"/> = receipt date on the return receipt, whose number goes
/// in <paramref name="Reference"/>) or electronically (the day it reached the petitioner's system).
/// </summary>
public sealed record RecordServiceInput(OpinionKind? Opinion, ServiceMethod? Method, DateOnly? ServedOn, string? Reference, string? ConcurrencyStamp);

/// <summary>Art. 29: the body's reply to a suggestion.</summary>
public sealed record SuggestionReplyInput(SuggestionOutcome? Outcome, string? Reply, string? ConcurrencyStamp);

/// <summary><paramref name="UploadedBy"/> is the login; <paramref name="UploadedByName"/> and <paramref name="UploadedByUnit"/> what a page prints.</summary>
public sealed record PetitionAttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy,
    string? UploadedByName = null, string? UploadedByUnit = null);

/// <summary><paramref name="StatutoryDueDate"/>: the period as its article fixes it, shown beside an extended <paramref name="DueDate"/>.</summary>
public sealed record PetitionClockDto(string Policy, DateOnly? DueDate, DateTimeOffset? DueAt, string Status, int ExtensionDays, DateOnly? StatutoryDueDate = null);

/// <summary><paramref name="StatutoryDueDate"/>: set when the first-due clock was extended — the date its article fixes, shown beside the adjusted one.</summary>
public sealed record PetitionSummaryDto(Guid Id, string Number, PetitionChannel Channel, PetitionStatus Status, string Matter, Guid OrgUnitId,
    DateTimeOffset ReceivedAt, string? DuePolicy, DateTimeOffset? DueAt, DateOnly? StatutoryDueDate = null);

public sealed record PetitionDto(Guid Id, string Number, Guid OrgUnitId, PetitionChannel Channel, DateTimeOffset ReceivedAt, string? RecordedBy,
    bool FiledOnBehalfOfCaller, TransferKind? TransferKind, string? TransferringBody, string? TransferReference,
    IReadOnlyList<PetitionerDto> Petitioners, string Matter, string? RequestedOutcome, string? Place, PetitionStatus Status,
    Guid? RepeatOfPetitionId, IReadOnlyList<Guid> RepeatIds, string? DecisionReason, DateTimeOffset? AcceptedAt,
    bool HandlingPaused, int ExtensionDays, string? ExtensionReason, string? ExtensionApprovedBy,
    IReadOnlyList<PetitionOpinionDto> Opinions, IReadOnlyList<PetitionNoticeDto> Notices, IReadOnlyList<PetitionAttachmentDto> Attachments,
    IReadOnlyList<PetitionEventDto> Timeline, IReadOnlyList<PetitionClockDto> Clocks, IReadOnlyList<DuplicateCandidateDto> LikelyDuplicates,
    DateTimeOffset? JointMeetingRequestedAt, Guid? MediationCaseId, string ConcurrencyStamp, PetitionMediationDto? Mediation = null,
    PetitionClassificationDto? Classification = null, string? RecordedByName = null, string? ExtensionApprovedByName = null, string? RecordedByUnit = null,
    string? ExtensionApprovedByUnit = null);

/// <summary>Arts. 29–31 as decided at acceptance.</summary>
public sealed record PetitionClassificationDto(PetitionCategory Category, GrievanceRoute? Route, string? RoutedTo, Guid? AccusedOrgUnitId,
    SuggestionOutcome? SuggestionOutcome);

/// <summary>访调对接 as the petition sees it: the case, once it concluded how, and the day its agreement took effect.</summary>
public sealed record PetitionMediationDto(Guid CaseId, string? CaseNumber, DateTimeOffset? HandedOverAt, MediationResult? Result,
    DateTimeOffset? ConcludedAt, string? Detail, DateOnly? AgreementEffectiveOn = null);

public sealed record LinkAsRepeatInput(Guid? OpenPetitionId, string? ConcurrencyStamp);

/// <summary>
/// The acceptance with the item's classification (Arts. 29–31): <paramref name="Route"/> for a 申诉求决 item;
/// <paramref name="RoutedTo"/> names the 纪检监察机关 of a 检举控告 item (required) or the body whose procedure an Art. 31 (一)–(五)
/// item goes to; <paramref name="AccusedOrgUnitId"/> the unit complained about, whose users never see the item (Art. 30 ¶3).
/// </summary>
public sealed record AcceptPetitionInput(string? ConcurrencyStamp, PetitionCategory? Category = null, GrievanceRoute? Route = null, string? RoutedTo = null,
    Guid? AccusedOrgUnitId = null);

/// <summary><paramref name="Ground"/>: the article the notice cites; <paramref name="LegalBasis"/> adds any further basis.</summary>
public sealed record NotAcceptPetitionInput(string? Reasons, string? LegalBasis, string? ConcurrencyStamp, NonAcceptanceGround? Ground = null);

public sealed record ObjectToTransferInput(string? Reason, string? ConcurrencyStamp);

/// <summary>
/// Art. 23 ¶3: the sending body's answer to the objection — it takes effect only when that body agrees (核实同意);
/// <paramref name="AnsweredOn"/> is the date of its answer, <paramref name="Note"/> its reference or reasons.
/// </summary>
public sealed record AnswerTransferObjectionInput(bool? Agreed, DateOnly? AnsweredOn, string? Note, string? ConcurrencyStamp);

public sealed record PauseHandlingInput(string? Reason, string? ConcurrencyStamp);

public sealed record ResumeHandlingInput(string? ConcurrencyStamp);

/// <summary>Art. 34: up to 30 days, approved by someone other than the handler, with the reason the petitioner is told.</summary>
public sealed record ExtendHandlingInput(int? Days, string? Reason, string? ConcurrencyStamp);

/// <summary>处理意见书 / 复查意见书 / 复核意见书: the request, the facts and reasons, the decision, the legal basis.</summary>
public sealed record IssueOpinionInput(OpinionDecision? Decision, string? Request, string? FactsAndReasons, string? LegalBasis, string? ConcurrencyStamp);

public sealed record RequestReviewInput(DateTimeOffset? RequestedAt, string? ConcurrencyStamp);

public sealed record RequestJointMeetingInput(string? Reason, IReadOnlyList<string>? Departments, string? ConcurrencyStamp);

public sealed record NoticeIssuedDto(Guid PetitionId, PetitionNoticeKind Kind, Guid DocumentId, string Number);

/// <summary>Art. 24: a matter involving several departments is proposed for the joint meeting's agenda.</summary>
public sealed record PetitionJointMeetingRequestedEto(Guid PetitionId, string Number, Guid OrgUnitId, string Matter, string Reason,
    IReadOnlyList<string> Departments) : IIntegrationEvent
{
    public const string EventName = "petitions.joint-meeting-requested";
}

/// <summary>
/// What another module may read of petitions it links (a joint meeting's agenda item): number and status now, under the caller's
/// data scope — a petition the caller may not see is simply absent.
/// </summary>
public interface IPetitionStatusReader
{
    Task<IReadOnlyList<PetitionStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

/// <summary><paramref name="Handled"/>: answered or closed otherwise, nothing left for the handling unit unless a 复查 / 复核 is asked for.</summary>
public sealed record PetitionStatusDto(Guid Id, string Number, PetitionStatus Status, bool Handled);
