using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mediation.Petitions.Application;

/// <summary>
/// From the acceptance decision to the 复核 (信访工作条例 Art. 23, 34–36): each step moves the petition, runs its
/// clocks, and issues its written notice into the document archive, all in one transaction.
/// </summary>
internal sealed class PetitionProceedingsAppService(MediationDbContext db, PetitionAppService petitions, ICurrentUser user,
    IIntegrationEventPublisher events, IDeadlineClocks clocks, DeadlinePolicies policies, IDocumentArchive documents, IOrgUnitDirectory orgUnits,
    IConfiguration configuration, INoticeOutbox notices, TimeProvider clock)
{
    /// <summary>The local rule that lets this deployment pause the 60 days; none by default, as Art. 34 provides no pause.</summary>
    public const string PauseRuleSetting = "Petitions:HandlingPauseRule";

    public string? PauseRule => configuration[PauseRuleSetting] is { Length: > 0 } rule ? rule : null;

    public const string AcceptanceTemplate = "acceptance-notice";
    public const string NonAcceptanceTemplate = "non-acceptance-notice";
    public const string TransferObjectionTemplate = "transfer-objection";
    public const string OpinionTemplate = "reply-opinion";
    public const string ExtensionTemplate = "extension-notice";
    public const string SuggestionAcceptanceTemplate = "suggestion-acceptance-notice";
    public const string ProcedureTemplate = "procedure-notice";
    public const string SuggestionReplyTemplate = "suggestion-reply";

    /// <summary>
    /// Accepts and classifies the item (Arts. 29–31): only 申诉求决 (六) starts the 60-day clock (Art. 34); (一)–(五) are closed with
    /// the notice leading into their procedure; a suggestion is told it will be studied and answered; an accusation goes to the
    /// 纪检监察机关 with no notice from this body (Art. 23 ¶4: that body's rules govern what the petitioner is told).
    /// </summary>
    public async Task<PetitionDto> AcceptAsync(Guid id, AcceptPetitionInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Category, "category").MaxLength(input.RoutedTo, 200, "routedTo");
        if (input.Category is PetitionCategory.Grievance && input.Route is null) check.Add("route", PetitionsErrorCodes.RouteRequired);
        if (input.Category is not PetitionCategory.Grievance && input.Route is not null) check.Add("route", PetitionsErrorCodes.RouteOnlyForGrievance);
        if (input.Category is PetitionCategory.Accusation && string.IsNullOrWhiteSpace(input.RoutedTo)) check.Add("routedTo", PetitionsErrorCodes.DisciplineBodyRequired);
        if (input.AccusedOrgUnitId is { } accused && (input.Category is not PetitionCategory.Accusation || !await UnitExistsAsync(accused, ct)))
            check.Add("accusedOrgUnitId", PetitionsErrorCodes.AccusedUnitUnknown);
        check.ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        petition.Accept(new PetitionClassification(input.Category!.Value, input.Route, Blank(input.RoutedTo), input.AccusedOrgUnitId), user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var model = await NoticeModelAsync(petition, ct);
        switch (petition.Status)
        {
            case PetitionStatus.Accepted:
                await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "已受理", ct);
                await clocks.StartAsync(new StartClockInput(Petition.RecordType, petition.Id, petition.OrgUnitId, PetitionPolicies.Handling, now, user.UserName), ct);
                await IssueAsync(petition, PetitionNoticeKind.AcceptanceNotice, AcceptanceTemplate, model, ct);
                break;
            case PetitionStatus.SuggestionUnderStudy:
                await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "已受理（建议意见类）", ct);
                await IssueAsync(petition, PetitionNoticeKind.AcceptanceNotice, SuggestionAcceptanceTemplate, model, ct);
                break;
            case PetitionStatus.LedIntoProcedure:
                await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "导入相应程序", ct);
                var route = petition.GrievanceRoute!.Value;
                model["basis"] = "《信访工作条例》第三十一条" + PetitionWording.Item(route);
                model["procedure"] = PetitionWording.ProcedureOf(route);
                model["routed_to"] = petition.RoutedTo;
                model["route"] = PetitionWording.Route(route);
                await IssueAsync(petition, PetitionNoticeKind.ProcedureNotice, ProcedureTemplate, model, ct);
                break;
            default:
                await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "检举控告类，转纪检监察机关", ct);
                break;
        }
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 29: the suggestion was studied; the reply says whether it is adopted and why.</summary>
    public async Task<PetitionDto> AnswerSuggestionAsync(Guid id, SuggestionReplyInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Outcome, "outcome").Required(input.Reply, "reply").MaxLength(input.Reply, 4000, "reply").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        petition.AnswerSuggestion(input.Outcome!.Value, input.Reply!.Trim(), user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var model = await NoticeModelAsync(petition, ct);
        model["outcome"] = PetitionWording.Outcome(input.Outcome.Value);
        model["reply"] = petition.SuggestionReply;
        await IssueAsync(petition, PetitionNoticeKind.SuggestionReply, SuggestionReplyTemplate, model, ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>
    /// Arts. 35, 36 "自收到书面答复之日起30日内": records how and when the opinion reached the petitioner and starts the request window
    /// from that day (the day itself not counted). Until then no window runs.
    /// </summary>
    public async Task<PetitionDto> RecordServiceAsync(Guid id, RecordServiceInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTimeJsonConverter.ChinaOffset).DateTime);
        var check = new InputValidator().Required(input.Opinion, "opinion").Required(input.Method, "method").Required(input.ServedOn, "servedOn")
            .MaxLength(input.Reference, 100, "reference");
        if (input.ServedOn > today) check.Add("servedOn", PetitionsErrorCodes.DateInFuture);
        check.ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var kind = input.Opinion!.Value;
        // 复查 and 复核 opinions are the higher body's own; only its users record how they were served.
        if (kind is not OpinionKind.Reply) await ReviewingUnitAsync(petition, kind, ct);
        var opensWindow = petition.RecordService(kind, input.Method!.Value, input.ServedOn!.Value, Blank(input.Reference), today, user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var window = kind is OpinionKind.Reply ? PetitionPolicies.ReviewRequest : PetitionPolicies.ReexaminationRequest;
        // A reply issued before service was recorded started its window at issue; that clock stays (one clock per policy and record).
        if (opensWindow && await LatestClockAsync(petition.Id, window, ct) is null)
        {
            var servedAt = new DateTimeOffset(input.ServedOn.Value.ToDateTime(TimeOnly.MinValue), ChinaTimeJsonConverter.ChinaOffset);
            await clocks.StartAsync(new StartClockInput(Petition.RecordType, petition.Id, petition.OrgUnitId, window, servedAt, user.UserName), ct);
        }
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    public async Task<PetitionDto> NotAcceptAsync(Guid id, NotAcceptPetitionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Ground, "ground").Required(input.Reasons, "reasons").MaxLength(input.Reasons, 2000, "reasons")
            .MaxLength(input.LegalBasis, 1000, "legalBasis").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        petition.NotAccept(input.Ground!.Value, input.Reasons!.Trim(), user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice, PetitionPolicies.MisroutedObjection], "不予受理", ct);
        var model = await NoticeModelAsync(petition, ct);
        model["reasons"] = petition.DecisionReason!.TrimEnd('。');
        model["basis"] = PetitionWording.Citation(input.Ground.Value)
            + (string.IsNullOrWhiteSpace(input.LegalBasis) ? "" : "；" + input.LegalBasis.Trim().TrimEnd('。'));
        model["route"] = PetitionWording.Route(input.Ground.Value);
        await IssueAsync(petition, PetitionNoticeKind.NonAcceptanceNotice, NonAcceptanceTemplate, model, ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 23: a misrouted 转送/交办 item is objected to within 5 working days of receipt (the policy's clock).</summary>
    public async Task<PetitionDto> ObjectToTransferAsync(Guid id, ObjectToTransferInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, 1000, "reason").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var dueAt = (await LatestClockAsync(petition.Id, PetitionPolicies.MisroutedObjection, ct))?.DueAt ?? DateTimeOffset.MinValue;
        petition.ObjectToTransfer(input.Reason!.Trim(), dueAt, user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // The acceptance clock keeps running: the objection takes effect only when the sending body agrees (Art. 23 ¶3).
        await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.MisroutedObjection], "对转送交办事项提出异议", ct);
        var model = await NoticeModelAsync(petition, ct);
        model["transferring_body"] = petition.TransferringBody ?? "";
        model["transfer_reference"] = petition.TransferReference ?? "";
        model["transfer_kind"] = petition.TransferKind is TransferKind.Assigned ? "交办" : "转送";
        model["reason"] = input.Reason!.Trim();
        await IssueAsync(petition, PetitionNoticeKind.TransferObjection, TransferObjectionTemplate, model, ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 23 ¶3: the sending body agreed (the item goes back, its acceptance clock stops) or not (it returns here with its clocks).</summary>
    public async Task<PetitionDto> AnswerTransferObjectionAsync(Guid id, AnswerTransferObjectionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaTimeJsonConverter.ChinaOffset).DateTime);
        var check = new InputValidator().Required(input.Agreed, "agreed").Required(input.AnsweredOn, "answeredOn").MaxLength(input.Note, 1000, "note");
        if (input.AnsweredOn > today) check.Add("answeredOn", PetitionsErrorCodes.DateInFuture);
        check.ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        petition.AnswerTransferObjection(input.Agreed!.Value, input.AnsweredOn!.Value, input.Note?.Trim(), user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (input.Agreed.Value) await petitions.StopClocksAsync(petition.Id, [PetitionPolicies.AcceptanceNotice], "转送、交办机关同意异议，交还材料", ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Only under a deployment's local rule (Petitions:HandlingPauseRule); Art. 34 itself knows no pause.</summary>
    public async Task<PetitionDto> PauseAsync(Guid id, PauseHandlingInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, IDeadlineClocks.MaxReasonLength, "reason").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        petition.PauseHandling(input.Reason!.Trim(), PauseRule, user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var handling = await RunningClockAsync(petition.Id, PetitionPolicies.Handling, ct);
        await clocks.PauseAsync(handling.Id, new PauseClockInput(input.Reason.Trim(), user.UserName, handling.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    public async Task<PetitionDto> ResumeAsync(Guid id, ResumeHandlingInput input, CancellationToken ct)
    {
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        petition.ResumeHandling(user.UserName, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var handling = await RunningClockAsync(petition.Id, PetitionPolicies.Handling, ct);
        await clocks.ResumeAsync(handling.Id, new ResumeClockInput(user.UserName, handling.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 34: extended once, by up to the extension policy's days, approved by someone other than the handler.</summary>
    public async Task<PetitionDto> ExtendAsync(Guid id, ExtendHandlingInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Days, "days").Required(input.Reason, "reason").MaxLength(input.Reason, IDeadlineClocks.MaxReasonLength, "reason")
            .ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var maxDays = policies.ExtensionOf(policies.Get(PetitionPolicies.Handling))?.Amount ?? 0;
        var approver = user.UserName ?? "";
        petition.ExtendHandling(input.Days!.Value, maxDays, input.Reason!.Trim(), approver, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var handling = await RunningClockAsync(petition.Id, PetitionPolicies.Handling, ct);
        await clocks.ExtendAsync(handling.Id, new ExtendClockInput(input.Days, approver, input.Reason.Trim(), handling.ConcurrencyStamp), ct);
        var model = await NoticeModelAsync(petition, ct);
        model["days"] = petition.ExtensionDays;
        model["reason"] = petition.ExtensionReason!.TrimEnd('。', '；', '.');
        await IssueAsync(petition, PetitionNoticeKind.ExtensionNotice, ExtensionTemplate, model, ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>The 处理意见书 stops the 60-day clock; its service opens the 30 days to ask for 复查 (Art. 35).</summary>
    public async Task<PetitionDto> ReplyAsync(Guid id, IssueOpinionInput input, CancellationToken ct)
    {
        var petition = await petitions.FindAsync(id, ct);
        if (petition.MediationSucceeded && petition.MediationAgreementEffectiveOn is null && string.IsNullOrWhiteSpace(input.FactsAndReasons))
            throw new BusinessException(PetitionsErrorCodes.AgreementNotYetEffective);
        input = WithMediationDefaults(petition, input);
        ValidateOpinion(input);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        var opinion = petition.Reply(input.Decision!.Value, input.Request!.Trim(), input.FactsAndReasons!.Trim(), input.LegalBasis!.Trim(), petition.OrgUnitId,
            user.UserName, now);
        await AskForSignOffAsync(petition, opinion, ct);
        await db.SaveChangesAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>
    /// The head of the issuing unit signs the draft off and it is issued in one transaction: the answer clock stops now (the
    /// period ran while the draft waited — Arts. 34–36 know no pause for it), the PDF is archived, and only then can it be served.
    /// </summary>
    public async Task<PetitionDto> SignOffAsync(Guid id, SignOffOpinionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Opinion, "opinion").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var kind = input.Opinion!.Value;
        var opinion = petition.SignOff(kind, Signer(), clock.GetUtcNow());
        var issuingUnit = kind is OpinionKind.Reply ? null : await orgUnits.GetAsync(opinion.IssuingOrgUnitId!.Value, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var (answerClock, stopReason, noticeKind) = kind switch
        {
            // The 30 days to ask for 复查 / 复核 start when the opinion is served (RecordServiceAsync), not at issue (Arts. 35, 36).
            OpinionKind.Reply => (PetitionPolicies.Handling, "已出具处理意见书", PetitionNoticeKind.ReplyOpinion),
            OpinionKind.Review => (PetitionPolicies.ReviewAnswer, "已出具复查意见书", PetitionNoticeKind.ReviewOpinion),
            _ => (PetitionPolicies.ReexaminationAnswer, "已出具复核意见书", PetitionNoticeKind.ReexaminationOpinion),
        };
        await petitions.StopClocksAsync(petition.Id, [answerClock], stopReason, ct);
        await IssueOpinionAsync(petition, opinion, noticeKind, ct, issuingUnit);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>The head sends the draft back with the reason; the officer's unit is told. Nothing is issued and no clock changes.</summary>
    public async Task<PetitionDto> ReturnOpinionAsync(Guid id, ReturnOpinionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Opinion, "opinion").Required(input.Reason, "reason").MaxLength(input.Reason, 1000, "reason").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var opinion = petition.ReturnOpinion(input.Opinion!.Value, input.Reason!.Trim(), Signer(), clock.GetUtcNow());
        await notices.AddAsync(new NoticeRequest(OpinionReturnedNotice, opinion.IssuingOrgUnitId!.Value, new Dictionary<string, object?>
        {
            ["petition_number"] = petition.Number,
            ["title"] = PetitionWording.OpinionTitle(opinion.Kind),
            ["head"] = user.DisplayName ?? user.UserName,
            ["reason"] = opinion.ReturnReason,
            ["on"] = ChinaTime.DateOf(opinion.ReturnedAt!.Value),
        }, $"{petition.Id:N}:opinion-returned:{opinion.Kind}:{opinion.ReturnedAt.Value.ToUnixTimeMilliseconds()}", $"/Petitions/{petition.Id}"), ct);
        await db.SaveChangesAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    public const string SignOffNotice = "petition-opinion-awaiting-sign-off";
    public const string OpinionReturnedNotice = "petition-opinion-returned";

    private OpinionSigner Signer() => new(user.UserName ?? "", user.DisplayName ?? user.UserName ?? "", user.OrgUnitId,
        user.HasPermission(PetitionsPermissions.Opinions.SignOff));

    /// <summary>
    /// Tells the issuing unit that a draft waits for its head's sign-off, with the answer clock's statutory date: the waiting does
    /// not stop the period (Arts. 34–36).
    /// </summary>
    private async Task AskForSignOffAsync(Petition petition, PetitionOpinion opinion, CancellationToken ct)
    {
        var unitId = opinion.IssuingOrgUnitId!.Value;
        var unit = await orgUnits.GetAsync(unitId, ct);
        var policy = opinion.Kind switch
        {
            OpinionKind.Reply => PetitionPolicies.Handling,
            OpinionKind.Review => PetitionPolicies.ReviewAnswer,
            _ => PetitionPolicies.ReexaminationAnswer,
        };
        var running = (await clocks.ForRecordAsync(Petition.RecordType, petition.Id, ct)).Where(c => c.Policy == policy && c.Status != ClockStatus.Stopped)
            .MaxBy(c => c.StartedAt);
        await notices.AddAsync(new NoticeRequest(SignOffNotice, unitId, new Dictionary<string, object?>
        {
            ["unit_name"] = unit.IssuingBodyName,
            ["petition_number"] = petition.Number,
            ["title"] = PetitionWording.OpinionTitle(opinion.Kind),
            ["drafter"] = user.DisplayName ?? user.UserName,
            ["due_date"] = running?.DueDate,
            ["on"] = ChinaTime.DateOf(opinion.SubmittedAt!.Value),
        }, $"{petition.Id:N}:opinion-submitted:{opinion.Kind}:{opinion.SubmittedAt.Value.ToUnixTimeMilliseconds()}", $"/Petitions/{petition.Id}"), ct);
    }

    public Task<PetitionDto> RequestReviewAsync(Guid id, RequestReviewInput input, CancellationToken ct) =>
        RequestHigherLevelAsync(id, input, OpinionKind.Review, ct);

    public Task<PetitionDto> AnswerReviewAsync(Guid id, IssueOpinionInput input, CancellationToken ct) =>
        AnswerHigherLevelAsync(id, input, OpinionKind.Review, ct);

    public Task<PetitionDto> RequestReexaminationAsync(Guid id, RequestReviewInput input, CancellationToken ct) =>
        RequestHigherLevelAsync(id, input, OpinionKind.Reexamination, ct);

    public Task<PetitionDto> AnswerReexaminationAsync(Guid id, IssueOpinionInput input, CancellationToken ct) =>
        AnswerHigherLevelAsync(id, input, OpinionKind.Reexamination, ct);

    /// <summary>
    /// Arts. 35, 36: the petitioner asks the body above for 复查 (of the reply) or 复核 (of the 复查意见). The request's window stops and
    /// the answer's 30 days start at the reviewing body, in one transaction with the petition's new status.
    /// </summary>
    private async Task<PetitionDto> RequestHigherLevelAsync(Guid id, RequestReviewInput input, OpinionKind kind, CancellationToken ct)
    {
        var (requestPolicy, answerPolicy, why) = kind is OpinionKind.Review
            ? (PetitionPolicies.ReviewRequest, PetitionPolicies.ReviewAnswer, "信访人请求复查")
            : (PetitionPolicies.ReexaminationRequest, PetitionPolicies.ReexaminationAnswer, "信访人请求复核");
        new InputValidator().Happened(input.RequestedAt, clock.GetUtcNow(), "requestedAt").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        var requestedAt = input.RequestedAt ?? now;
        var reviewing = await ReviewingUnitAsync(petition, kind, ct);
        var window = await LatestClockAsync(petition.Id, requestPolicy, ct);
        if (kind is OpinionKind.Review) petition.RequestReview(requestedAt, window?.DueAt, user.UserName, now);
        else petition.RequestReexamination(requestedAt, window?.DueAt, user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await petitions.StopClocksAsync(petition.Id, [requestPolicy], why, ct);
        await clocks.StartAsync(new StartClockInput(Petition.RecordType, petition.Id, reviewing.Id, answerPolicy, requestedAt, user.UserName), ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Arts. 35, 36: the reviewing body drafts its 复查 / 复核 opinion in its own name and asks its head to sign it off.</summary>
    private async Task<PetitionDto> AnswerHigherLevelAsync(Guid id, IssueOpinionInput input, OpinionKind kind, CancellationToken ct)
    {
        ValidateOpinion(input);
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var reviewing = await ReviewingUnitAsync(petition, kind, ct);
        var now = clock.GetUtcNow();
        var (decision, request, factsAndReasons, legalBasis) = (input.Decision!.Value, input.Request!.Trim(), input.FactsAndReasons!.Trim(), input.LegalBasis!.Trim());
        var opinion = kind is OpinionKind.Review
            ? petition.AnswerReview(decision, request, factsAndReasons, legalBasis, reviewing.Id, user.UserName, now)
            : petition.AnswerReexamination(decision, request, factsAndReasons, legalBasis, reviewing.Id, user.UserName, now);
        await AskForSignOffAsync(petition, opinion, ct);
        await db.SaveChangesAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 36 ¶2: the hearing's days are added to the 复核 answer clock, which the re-examining body owns.</summary>
    public async Task<PetitionDto> RecordReexaminationHearingAsync(Guid id, ReexaminationHearingInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new InputValidator().Required(input.StartedOn, "startedOn").Required(input.EndedOn, "endedOn");
        if (input.EndedOn > DateOnly.FromDateTime(now.ToOffset(ChinaTimeJsonConverter.ChinaOffset).DateTime)) check.Add("endedOn", PetitionsErrorCodes.DateInFuture);
        check.ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        await ReviewingUnitAsync(petition, OpinionKind.Reexamination, ct);
        var days = petition.RecordReexaminationHearing(input.StartedOn!.Value, input.EndedOn!.Value, user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var answer = await RunningClockAsync(petition.Id, PetitionPolicies.ReexaminationAnswer, ct);
        await clocks.ExtendAsync(answer.Id, new ExtendClockInput(days, user.UserName, "复核听证所需时间不计入复核期限（《信访工作条例》第三十六条第二款）",
            answer.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>Art. 23 ¶2: the name and address are known now; the 15 days to tell the petitioner start from that day.</summary>
    public async Task<PetitionDto> PetitionerDetailsKnownAsync(Guid id, PetitionerDetailsInput input, CancellationToken ct)
    {
        new InputValidator().MaxLength(input.Name, 100, "name").Required(input.Address, "address").MaxLength(input.Address, 300, "address").ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        if (await LatestClockAsync(petition.Id, PetitionPolicies.AcceptanceNotice, ct) is not null)
            throw new BusinessException(PetitionsErrorCodes.DetailsAlreadyKnown);
        var now = clock.GetUtcNow();
        var knownAt = input.KnownOn ?? now;
        petition.PetitionerDetailsKnown(input.Name?.Trim(), input.Address!.Trim(), user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await clocks.StartAsync(new StartClockInput(Petition.RecordType, petition.Id, petition.OrgUnitId, PetitionPolicies.AcceptanceNotice, knownAt, user.UserName), ct);
        await transaction.CommitAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>
    /// Arts. 35, 36: 复查 is for the body one level above the original handling body, 复核 for the level above that. Only that
    /// body's users receive the request and answer it; its clock is the body's and the opinion is issued in its name.
    /// </summary>
    private async Task<OrgUnitInfo> ReviewingUnitAsync(Petition petition, OpinionKind step, CancellationToken ct)
    {
        var handling = await orgUnits.GetAsync(petition.OrgUnitId, ct);
        var reviewing = handling.ParentId is { } parentId ? await orgUnits.GetAsync(parentId, ct) : throw new BusinessException(PetitionsErrorCodes.NoHigherUnit);
        if (step is OpinionKind.Reexamination)
            reviewing = reviewing.ParentId is { } upper ? await orgUnits.GetAsync(upper, ct) : throw new BusinessException(PetitionsErrorCodes.NoHigherUnit);
        if (user.OrgUnitId != reviewing.Id)
            throw new BusinessException(PetitionsErrorCodes.NotTheReviewingUnit,
                new Dictionary<string, object?> { ["step"] = step is OpinionKind.Review ? "复查" : "复核", ["unit"] = reviewing.Name });
        return reviewing;
    }

    /// <summary>Art. 24: proposes the matter for the joint meeting's agenda; the Joint meetings module picks the event up from the outbox.</summary>
    public async Task<PetitionDto> RequestJointMeetingAsync(Guid id, RequestJointMeetingInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, 1000, "reason");
        var departments = input.Departments ?? [];
        if (departments.Count < 2) check.Add("departments", PetitionsErrorCodes.JointMeetingNeedsDepartments);
        for (var i = 0; i < departments.Count; i++) check.Required(departments[i], $"departments[{i}]").MaxLength(departments[i], 100, $"departments[{i}]");
        check.ThrowIfInvalid();
        var petition = await petitions.FindAsync(id, ct);
        db.ExpectConcurrencyStamp(petition, input.ConcurrencyStamp);
        var names = departments.Select(d => d!.Trim()).Distinct().ToList();
        petition.RequestJointMeeting(input.Reason!.Trim(), names, user.UserName, clock.GetUtcNow());
        events.Publish(new PetitionJointMeetingRequestedEto(petition.Id, petition.Number, petition.OrgUnitId, petition.Matter, input.Reason.Trim(), names));
        await db.SaveChangesAsync(ct);
        return await petitions.ToDtoAsync(petition, ct);
    }

    /// <summary>访调对接: after an agreement took effect the reply reports it unless the officer wrote his own facts and basis.</summary>
    internal static IssueOpinionInput WithMediationDefaults(Petition petition, IssueOpinionInput input)
    {
        if (!petition.MediationSucceeded || petition.MediationAgreementEffectiveOn is null) return input;
        return input with
        {
            Decision = input.Decision ?? OpinionDecision.Support,
            Request = string.IsNullOrWhiteSpace(input.Request) ? petition.RequestedOutcome ?? petition.Matter : input.Request,
            FactsAndReasons = string.IsNullOrWhiteSpace(input.FactsAndReasons) ? MediationText(petition) : input.FactsAndReasons,
            LegalBasis = string.IsNullOrWhiteSpace(input.LegalBasis) ? PetitionWording.MediatedReplyBasis : input.LegalBasis,
        };
    }

    /// <summary>The mediation's result as the reply opinion states it.</summary>
    internal static string? MediationText(Petition petition)
    {
        if (petition.MediationResult is not { } result) return null;
        var on = petition.MediationConcludedAt?.ToOffset(ChinaTimeJsonConverter.ChinaOffset).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
        var effective = petition.MediationAgreementEffectiveOn is { } day ? PetitionWording.Date(day) : on;
        var how = result switch
        {
            MediationResult.Succeeded => $"经调解，当事人达成书面调解协议，该协议于{effective}生效",
            MediationResult.OralAgreement => $"经调解，当事人于{effective}达成口头调解协议，协议即时生效",
            MediationResult.Failed => $"经调解，当事人未能达成协议，调解于{on}结束",
            _ => $"调解于{on}终止",
        };
        var detail = string.IsNullOrWhiteSpace(petition.MediationResultDetail) ? "" : "：" + petition.MediationResultDetail.TrimEnd('。');
        return $"本机关经当事人同意，将该信访事项移交人民调解委员会调解（案号{petition.MediationCaseNumber}）。{how}{detail}。";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<bool> UnitExistsAsync(Guid id, CancellationToken ct) => await orgUnits.FindAsync(id, ct) is not null;

    private static void ValidateOpinion(IssueOpinionInput input) =>
        new InputValidator()
            .Required(input.Decision, "decision")
            .Required(input.Request, "request").MaxLength(input.Request, 2000, "request")
            .Required(input.FactsAndReasons, "factsAndReasons").MaxLength(input.FactsAndReasons, 8000, "factsAndReasons")
            .Required(input.LegalBasis, "legalBasis").MaxLength(input.LegalBasis, 2000, "legalBasis")
            .ThrowIfInvalid();

    private async Task<DeadlineClockDto?> LatestClockAsync(Guid petitionId, string policy, CancellationToken ct) =>
        (await clocks.ForRecordAsync(Petition.RecordType, petitionId, ct)).Where(c => c.Policy == policy).MaxBy(c => c.StartedAt);

    private async Task<DeadlineClockDto> RunningClockAsync(Guid petitionId, string policy, CancellationToken ct) =>
        (await clocks.ForRecordAsync(Petition.RecordType, petitionId, ct)).Where(c => c.Policy == policy && c.Status != ClockStatus.Stopped).MaxBy(c => c.StartedAt)
        ?? throw new BusinessException(PetitionsErrorCodes.NotInHandling);

    private async Task IssueOpinionAsync(Petition petition, PetitionOpinion opinion, PetitionNoticeKind kind, CancellationToken ct, OrgUnitInfo? issuingUnit = null)
    {
        var model = await NoticeModelAsync(petition, ct);
        if (issuingUnit is not null)
        {
            // 复查 / 复核 opinions are the higher body's: its name heads and signs them.
            model["office"] = OfficeName(issuingUnit);
            model["issuer"] = model["office"];
        }
        model["title"] = PetitionWording.OpinionTitle(opinion.Kind);
        model["request"] = opinion.Request;
        var mediated = kind is PetitionNoticeKind.ReplyOpinion && petition.MediationSucceeded && petition.MediationAgreementEffectiveOn is { } effectiveOn
            && opinion.Decision is OpinionDecision.Support;
        // An explanation is the facts and reasons themselves: the decision carries them instead of repeating them.
        model["facts"] = opinion.Decision is OpinionDecision.Explain && !mediated ? null : opinion.FactsAndReasons;
        model["decision"] = mediated
            ? PetitionWording.MediatedDecision(petition.MediationAgreementEffectiveOn!.Value)
            : PetitionWording.Decision(opinion.Decision, opinion.FactsAndReasons);
        model["basis"] = opinion.LegalBasis;
        model["mediation"] = kind is PetitionNoticeKind.ReplyOpinion ? MediationText(petition) : null;
        model["next_step"] = kind switch
        {
            PetitionNoticeKind.ReviewOpinion => "如对本复查意见不服，可以自收到本意见书之日起三十日内向复查机关的上一级机关请求复核。",
            PetitionNoticeKind.ReexaminationOpinion => "本复核意见为最终意见。信访人仍以同一事实和理由提出投诉请求的，各级机关不再受理。",
            _ => "如对本处理意见不服，可以自收到本意见书之日起三十日内请求原办理机关的上一级机关复查。",
        };
        await IssueAsync(petition, kind, OpinionTemplate, model, ct);
    }

    private async Task IssueAsync(Petition petition, PetitionNoticeKind kind, string template, Dictionary<string, object?> model, CancellationToken ct)
    {
        var number = NoticeNumber(petition.Number, kind);
        var issued = await documents.IssueAsync(new IssueFromTemplate(template, number, Petition.RecordType, petition.Id.ToString(), petition.OrgUnitId, model), ct);
        petition.NoticeIssued(kind, issued.Id, issued.Number, user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>泰山信〔2026〕1号 → 泰山信受〔2026〕1号: one number per notice, traceable to its petition.</summary>
    internal static string NoticeNumber(string petitionNumber, PetitionNoticeKind kind) => petitionNumber.Replace("信〔", kind switch
    {
        PetitionNoticeKind.AcceptanceNotice => "信受〔",
        PetitionNoticeKind.NonAcceptanceNotice => "信不受〔",
        PetitionNoticeKind.ExtensionNotice => "信延〔",
        PetitionNoticeKind.ReplyOpinion => "信处〔",
        PetitionNoticeKind.ReviewOpinion => "信复查〔",
        PetitionNoticeKind.TransferObjection => "信异〔",
        PetitionNoticeKind.ProcedureNotice => "信导〔",
        PetitionNoticeKind.SuggestionReply => "信建复〔",
        _ => "信复核〔",
    }, StringComparison.Ordinal);

    /// <summary>
    /// 发文机关: the name the unit's administrator gave (e.g. 泰安市泰山区人民政府信访局); until one is given, the
    /// petition office named after the unit, since a bare place name is not a body that may issue a notice.
    /// </summary>
    private static string OfficeName(OrgUnitInfo unit) => unit.IssuingBodyName != unit.Name
        ? unit.IssuingBodyName
        : unit.Name + (unit.Kind is OrgUnitKind.City or OrgUnitKind.County ? "信访局" : "信访办公室");

    private async Task<Dictionary<string, object?>> NoticeModelAsync(Petition petition, CancellationToken ct)
    {
        var unit = await orgUnits.GetAsync(petition.OrgUnitId, ct);
        var subject = petition.Matter.Length > 60 ? petition.Matter[..60] + "……" : petition.Matter;
        var office = OfficeName(unit);
        return new Dictionary<string, object?>
        {
            ["office"] = office,
            // 发文机关: the body in whose name the document is issued and sealed.
            ["issuer"] = office,
            ["petitioner"] = string.Join("、", petition.Petitioners.OrderBy(p => p.Position).Select(p => p.Name)),
            ["received_on"] = petition.ReceivedAt.ToOffset(ChinaTimeJsonConverter.ChinaOffset).ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
            ["channel"] = petition.Channel switch
            {
                PetitionChannel.Letter => "来信",
                PetitionChannel.Visit => "走访",
                PetitionChannel.Online => "网上信访",
                PetitionChannel.Phone => "来电",
                _ => petition.TransferKind is TransferKind.Assigned ? $"{petition.TransferringBody}交办" : $"{petition.TransferringBody}转送",
            },
            ["subject"] = subject,
            ["petition_number"] = petition.Number,
        };
    }
}
