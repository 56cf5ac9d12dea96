using Mediation.Core.Messaging;
namespace Mediation.ServiceDesk;

public enum EnterpriseStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>The four kinds a 建安 enterprise brings to the desk.</summary>
public enum RequestKind
{
    /// <summary>政策咨询.</summary>
    PolicyConsultation,
    /// <summary>服务诉求.</summary>
    ServiceRequest,
    /// <summary>投诉举报.</summary>
    ComplaintReport,
    /// <summary>涉法案件: contract and payment disputes, project-payment arrears, 农民工欠薪, enforcement of judgments.</summary>
    LegalMatter,
}

public enum RequestStatus
{
    /// <summary>Filed; the automatic acknowledgement carries the number; no officer has taken it yet.</summary>
    Submitted,
    /// <summary>Taken by an officer (the human acknowledgement) and being handled.</summary>
    InHandling,
    /// <summary>一次性告知 sent: the feedback clock is paused until the enterprise supplies what is missing.</summary>
    AwaitingMaterials,
    /// <summary>办结告知 given; waiting for the enterprise's rating.</summary>
    Concluded,
    /// <summary>Rated 不满意: the desk head reviews it.</summary>
    UnderReview,
    /// <summary>Rated 满意 or 基本满意, or the desk head upheld the conclusion.</summary>
    Closed,
}

public enum ServiceRating
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

/// <summary>The route a 涉法案件 takes; the desk follows it to the end.</summary>
public enum LegalRoute
{
    Court,
    Arbitration,
    /// <summary>人民调解, registered through the Cases contract.</summary>
    Mediation,
    /// <summary>信访, for a complaint about a body.</summary>
    Petition,
    OtherDepartment,
}

/// <summary>One item of a kind's materials checklist: a stable code and its Chinese name.</summary>
public sealed record MaterialItem(string Code, string Name);

/// <summary>
/// What each kind needs, so the portal shows the list at filing and the 一次性告知 can list every gap at once.
/// Codes are stable (stored on requests); names are what the notice prints.
/// </summary>
public static class MaterialsChecklist
{
    public static readonly MaterialItem BusinessLicence = new("business-licence", "营业执照（副本）复印件");
    public static readonly MaterialItem Authorisation = new("authorisation", "经办人授权委托书及身份证明");
    public static readonly MaterialItem ProjectDocuments = new("project-documents", "项目立项或施工许可文件");
    public static readonly MaterialItem Evidence = new("evidence", "相关事实的证据材料");
    public static readonly MaterialItem Contract = new("contract", "施工合同或分包合同");
    public static readonly MaterialItem Settlement = new("settlement", "工程结算或欠款确认凭证");
    public static readonly MaterialItem WageRoll = new("wage-roll", "农民工工资支付台账（涉欠薪时）");

    public static IReadOnlyList<MaterialItem> For(RequestKind kind) => kind switch
    {
        RequestKind.PolicyConsultation => [BusinessLicence],
        RequestKind.ServiceRequest => [BusinessLicence, Authorisation, ProjectDocuments],
        RequestKind.ComplaintReport => [BusinessLicence, Authorisation, Evidence],
        RequestKind.LegalMatter => [BusinessLicence, Authorisation, Contract, Settlement, WageRoll, Evidence],
        _ => [],
    };

    public static string NameOf(string code) => All.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public static IReadOnlyList<MaterialItem> All { get; } = [BusinessLicence, Authorisation, ProjectDocuments, Evidence, Contract, Settlement, WageRoll];
}

/// <summary>Anonymous sign-up: the enterprise and its first (admin) account; a desk officer approves it before it may file.</summary>
public sealed record EnterpriseSignUpInput(string? CreditCode, string? Name, string? LegalRepresentative, string? ContactName, string? ContactPhone,
    string? Address, string? UserName, string? Password, string? DisplayName);

/// <summary><paramref name="DecidedBy"/> is the desk officer's login; <paramref name="DecidedByName"/> and <paramref name="DecidedByUnit"/> what a page prints.</summary>
public sealed record EnterpriseDto(Guid Id, string CreditCode, string Name, string LegalRepresentative, string ContactName, string ContactPhone,
    string? Address, EnterpriseStatus Status, DateTimeOffset SignedUpAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectionReason,
    IReadOnlyList<EnterpriseMemberDto> Members, string ConcurrencyStamp, string? DecidedByName = null, string? DecidedByUnit = null);

public sealed record EnterpriseMemberDto(Guid UserId, string UserName, bool IsAdmin);

public sealed record DecideEnterpriseInput(bool? Approve, string? Reason, string? ConcurrencyStamp);

/// <summary>An enterprise admin adds a colleague: a new account that sees only this enterprise's requests.</summary>
public sealed record AddColleagueInput(string? UserName, string? DisplayName, string? Password);

public sealed record FileRequestInput(RequestKind? Kind, string? Title, string? Description, string? Project, bool? Urgent,
    IReadOnlyList<string>? SuppliedMaterials);

public sealed record TransferInput(Guid? ToUserId, string? ToDepartment, string? Reason, string? ConcurrencyStamp);

/// <summary>
/// 一次性告知. The first notice lists every checklist item not yet supplied, plus <paramref name="ExtraItems"/>; a later notice
/// lists <paramref name="ExtraItems"/> only, and an item that was not on the first needs <paramref name="Reason"/>.
/// </summary>
public sealed record MaterialsNoticeInput(IReadOnlyList<string>? ExtraItems, string? Reason, string? ConcurrencyStamp);

public sealed record SupplyMaterialsInput(IReadOnlyList<string>? Items, string? Note);

public sealed record ConcludeInput(string? Result, string? ConcurrencyStamp);

public sealed record RateInput(ServiceRating? Rating, string? Comment);

public sealed record ReviewInput(bool? Reopen, string? Note, string? ConcurrencyStamp);

public sealed record StepNoteInput(string? Note, string? ConcurrencyStamp);

/// <summary>A route other than mediation: the court, arbitration body, petition body or department, and what was done.</summary>
public sealed record LegalRouteInput(LegalRoute? Route, string? Body, string? Note, string? ConcurrencyStamp);

public sealed record TransferDto(Guid FromUserId, string FromName, Guid? ToUserId, string? ToName, string? ToDepartment, string Reason, DateTimeOffset At);

/// <summary><paramref name="IssuedBy"/> is the officer's login (his name on notices issued before logins were kept);
/// <paramref name="IssuedByName"/> and <paramref name="IssuedByUnit"/> what a page prints.</summary>
public sealed record MaterialsNoticeDto(int Sequence, IReadOnlyList<MaterialItem> Items, string? Reason, DateTimeOffset IssuedAt, string? IssuedBy,
    DateTimeOffset? SatisfiedAt, Guid? DocumentId, string? IssuedByName = null, string? IssuedByUnit = null);

/// <summary>One line of a request's timeline, in the order it happened (<see cref="Sequence"/>). <c>Actor</c> as recorded (a login name
/// or, for an officer's step, the officer's name); <c>ActorName</c> and <c>ActorUnit</c> when it names an account.</summary>
public sealed record TimelineEntryDto(DateTimeOffset At, string Kind, string? Actor, string? Note, int Sequence = 0, string? ActorName = null,
    string? ActorUnit = null);

public sealed record LegalRouteDto(LegalRoute Route, string? Body, string? Note, Guid? CaseId, string? CaseNumber, DateTimeOffset RecordedAt,
    string? Outcome, DateTimeOffset? OutcomeAt, PetitionLinkDto? Petition = null);

/// <summary>
/// The petition a 涉法案件 was handed to: its number, and its status now as the petition office names it (<paramref name="StatusText"/>,
/// <paramref name="Handled"/>: concluded there) — both null when the caller may not see the petition.
/// </summary>
public sealed record PetitionLinkDto(Guid PetitionId, string Number, string? StatusText, bool? Handled);

/// <summary>
/// Hand a 涉法案件 that is a complaint about a body to the petition office (转送): with the enterprise's consent; the matter defaults to the
/// request's description under the enterprise's name, the petitioner is its contact.
/// </summary>
public sealed record HandOffToPetitionInput(string? Matter, string? RequestedOutcome, bool? EnterpriseConsents, string? ConcurrencyStamp);

/// <summary><paramref name="SubmittedBy"/> is the enterprise user's login; <paramref name="SubmittedByName"/> and <paramref name="SubmittedByUnit"/>
/// what a page prints.</summary>
public sealed record DeskRequestDto(Guid Id, string Number, Guid OrgUnitId, Guid EnterpriseId, string EnterpriseName, RequestKind Kind, string Title,
    string Description, string? Project, bool Urgent, bool Complex, RequestStatus Status, DateTimeOffset SubmittedAt, string? SubmittedBy,
    DateTimeOffset AcknowledgementDueAt, DateTimeOffset? AcknowledgedAt, Guid? FirstResponderId, string? FirstResponderName, Guid? OwnerId,
    string? OwnerName, string? OwnerDepartment, IReadOnlyList<MaterialItem> Checklist, IReadOnlyList<string> SuppliedMaterials,
    IReadOnlyList<MaterialItem> MissingMaterials, DateOnly? FeedbackDueOn, DateTimeOffset? FeedbackDueAt, bool FeedbackPaused,
    IReadOnlyList<TransferDto> Transfers, IReadOnlyList<MaterialsNoticeDto> MaterialsNotices, string? Result, DateTimeOffset? ConcludedAt,
    ServiceRating? Rating, string? RatingComment, DateTimeOffset? RatedAt, LegalRouteDto? LegalRoute, Guid? VisitId,
    IReadOnlyList<TimelineEntryDto> Timeline, Guid? AcknowledgementDocumentId, Guid? CompletionDocumentId, IReadOnlyList<DeskAttachmentDto> Attachments,
    DeskEscalationDto? Escalation, string ConcurrencyStamp, string? SubmittedByName = null, string? SubmittedByUnit = null);

/// <summary>上报: to which unit, why, by whom (name and unit) and when; <paramref name="AcceptedAt"/> and <paramref name="AcceptedBy"/> once an officer of that unit took it over.</summary>
public sealed record DeskEscalationDto(Guid ToUnitId, string ToUnitName, string Reason, string? EscalatedBy, DateTimeOffset EscalatedAt,
    DateTimeOffset? AcceptedAt, string? AcceptedBy, string? EscalatedByUnit = null, string? AcceptedByUnit = null);

/// <summary>上报 to the unit above the one holding the request; the reason is required.</summary>
public sealed record EscalateInput(string? Reason, string? ConcurrencyStamp);

public sealed record AcceptEscalationInput(string? ConcurrencyStamp);

/// <summary><paramref name="Material"/>: the checklist or notice item the file answers, when the uploader named one.
/// <paramref name="UploadedBy"/> is the login; <paramref name="UploadedByName"/> and <paramref name="UploadedByUnit"/> what a page prints.</summary>
public sealed record DeskAttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt,
    string? UploadedBy, bool FromEnterprise, string? Material, string? MaterialName, string? UploadedByName = null, string? UploadedByUnit = null);

public sealed record DeskRequestSummaryDto(Guid Id, string Number, string EnterpriseName, RequestKind Kind, string Title, bool Urgent,
    RequestStatus Status, DateTimeOffset SubmittedAt, string? OwnerName, string? FirstResponderName, DateOnly? DueOn, DateTimeOffset? DueAt,
    bool Overdue);

/// <summary>The officer's queue: mine (owned, or first received and transferred on), unassigned, overdue.</summary>
public enum QueueView
{
    Mine,
    Unassigned,
    Overdue,
    All,
    /// <summary>上报: requests escalated to the caller's own unit that no officer of it has accepted yet.</summary>
    Escalated,
}

public sealed record VisitProblemInput(string? Description);

/// <summary>大走访: who visited which enterprise when, whom they met, and the problems raised.</summary>
public sealed record RecordEnterpriseVisitInput(Guid? EnterpriseId, DateOnly? VisitedOn, string? Visitors, string? MetWith, IReadOnlyList<VisitProblemInput>? Problems);

public sealed record VisitProblemDto(int Sequence, string Description, Guid? RequestId, string? RequestNumber);

/// <summary><paramref name="RecordedBy"/> is the officer's login; <paramref name="RecordedByName"/> and <paramref name="RecordedByUnit"/> what a page prints.</summary>
public sealed record VisitDto(Guid Id, Guid EnterpriseId, string EnterpriseName, DateOnly VisitedOn, string Visitors, string? MetWith, string? RecordedBy,
    IReadOnlyList<VisitProblemDto> Problems, string ConcurrencyStamp, string? RecordedByName = null, string? RecordedByUnit = null);

/// <summary>A problem raised on a visit becomes a request in one step, taken by the officer who raises it.</summary>
public sealed record RaiseProblemInput(RequestKind? Kind, string? Title, bool? Urgent);

/// <summary>
/// The three rates of the desk for requests filed from <paramref name="From"/> to <paramref name="To"/> (China dates, inclusive).
/// 响应率 = requests an officer took within the acknowledgement limit ÷ requests filed;
/// 解决率 = requests concluded (办结告知 given, whatever the rating) ÷ requests filed;
/// 满意率 = requests rated 满意 or 基本满意 ÷ requests rated. A rate with a zero denominator is null.
/// </summary>
public sealed record DeskRatesDto(DateOnly From, DateOnly To, int Filed, int RespondedOnTime, int Concluded, int Rated, int Satisfied,
    int BasicallySatisfied, int Dissatisfied, decimal? ResponseRate, decimal? ResolutionRate, decimal? SatisfactionRate);

public sealed record DeskDocumentDto(Guid RequestId, Guid DocumentId, string Number);

/// <summary>The human acknowledgement: the officer takes the request (首问负责) and says whether it is complex (15-day feedback).</summary>
public sealed record TakeInput(bool? Complex, string? ConcurrencyStamp);

public sealed record RouteOutcomeInput(string? Outcome, string? ConcurrencyStamp);

/// <summary>
/// What another module may read of desk requests it links (a joint meeting's agenda item): the request's state now, under the
/// caller's data scope — a request the caller may not see is simply absent, and an enterprise account sees none through it.
/// </summary>
public interface IDeskRequestStatusReader
{
    Task<IReadOnlyList<DeskRequestStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);

    /// <summary>
    /// The request handed to the petition office as <paramref name="petitionId"/> (转送, 信访工作条例 Art. 23), whatever the caller's scope:
    /// the petition page names it through <c>IRecordReferences</c>, which links it only for a reader who may open it.
    /// </summary>
    Task<Guid?> RequestOfPetitionAsync(Guid petitionId, CancellationToken ct);
}

/// <summary>
/// <paramref name="StatusText"/>: the status as the desk names it, in the caller's language (key <c>ServiceDesk:RequestStatus:{Status}</c>).
/// <paramref name="HandlingUnit"/>: the department it was transferred to, else the desk's unit; <paramref name="Owner"/> the officer who holds it.
/// <paramref name="DueOn"/>: the running acknowledgement or feedback period's due date (none once concluded or while nothing runs).
/// <paramref name="Handled"/>: 办结告知 given and no review pending; <paramref name="Result"/> what the 办结告知 told the enterprise.
/// </summary>
public sealed record DeskRequestStatusDto(Guid Id, string Number, string Title, RequestKind Kind, RequestStatus Status, string StatusText, bool Handled,
    string HandlingUnit, string? Owner, DateOnly? DueOn, DateTimeOffset? DueAt, DateTimeOffset? ConcludedAt, string? Result = null);

/// <summary>
/// A request another module files at a desk on a registered enterprise's behalf (a 12345 work order about it): the enterprise is
/// named by its 统一社会信用代码 and must be approved at the desk of <paramref name="OrgUnitId"/>.
/// </summary>
public sealed record ChannelDeskRequest(string EnterpriseCreditCode, Guid OrgUnitId, RequestKind Kind, string Title, string Description, bool Urgent);

public sealed record ChannelDeskRequestDto(Guid RequestId, string Number);

/// <summary>
/// How a module that is not the desk files a request there. <see cref="FileAsync"/> joins the caller's transaction when there is one, so
/// the request and the caller's record of it commit together; it answers null, writing nothing, when no approved enterprise of that code
/// is registered at that unit's desk. Later changes arrive as <see cref="DeskRequestsChangedEto"/>, read through <see cref="IDeskRequestStatusReader"/>.
/// </summary>
public interface IDeskRequestIntakeIntegrationService
{
    Task<ChannelDeskRequestDto?> FileAsync(ChannelDeskRequest request, CancellationToken ct);
}

/// <summary>
/// 办结告知 given: the desk concluded the request with <paramref name="Result"/>. Published in the conclusion's own transaction, so a
/// module linking the request (a joint meeting's agenda item and its tasks) learns it closed.
/// </summary>
public sealed record DeskRequestConcludedEto(Guid RequestId, string Number, Guid OrgUnitId, DateTimeOffset ConcludedAt, string Result) : IIntegrationEvent
{
    public const string EventName = "service-desk.request-concluded";
}

/// <summary>
/// 上报: the owner escalated request <paramref name="Number"/> from <paramref name="FromUnitId"/> to <paramref name="ToUnitId"/>, the unit
/// above. Published in the escalation's transaction; the desk's own handler notifies the unit above from the outbox, where no caller's
/// data scope applies (the escalating officer may not write into his parent unit's inbox himself).
/// </summary>
public sealed record DeskRequestEscalatedEto(Guid RequestId, string Number, Guid FromUnitId, Guid ToUnitId, string Reason, string EscalatedBy,
    DateTimeOffset EscalatedAt) : IIntegrationEvent
{
    public const string EventName = "service-desk.request-escalated";
}

/// <summary>An enterprise contact's full phone, shown to a desk officer once the reveal is audited.</summary>
public sealed record RevealedPhoneDto(string ContactPhone);
