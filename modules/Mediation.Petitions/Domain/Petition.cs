using Mediation.Core.Attachments;
using Mediation.Core.Domain;
using Mediation.Core.Numbering;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.Petitions.Domain;

/// <summary>
/// A 信访事项 from intake to the final 复核 (信访工作条例 2022). The aggregate guards the order of the
/// steps; the time limits themselves run on the kernel's deadline clocks, whose due instants the
/// application hands in where a step is refused after its period (objection, review, re-examination).
/// </summary>
public sealed class Petition : AggregateRoot<Guid>, IOrgScoped
{
    /// <summary>What the kernel's clocks and archive call a petition.</summary>
    public const string RecordType = nameof(Petition);

    public const int MaxMatterLength = 4000;
    public const int MaxEventDetailLength = 2000;

    private readonly List<Petitioner> _petitioners = [];
    private readonly List<PetitionEvent> _events = [];
    private readonly List<PetitionNotice> _notices = [];
    private readonly List<PetitionOpinion> _opinions = [];

    private Petition() { }

    public Guid OrgUnitId { get; private set; }
    public int Year { get; private set; }
    public int SequenceNumber { get; private set; }
    public string Number { get; private set; } = "";
    public PetitionChannel Channel { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string? RecordedBy { get; private set; }
    public bool FiledOnBehalfOfCaller { get; private set; }
    public TransferKind? TransferKind { get; private set; }
    public string? TransferringBody { get; private set; }
    public string? TransferReference { get; private set; }
    public string Matter { get; private set; } = "";
    public string? RequestedOutcome { get; private set; }
    public string? Place { get; private set; }
    public PetitionStatus Status { get; private set; }
    public Guid? RepeatOfPetitionId { get; private set; }
    public string? DecisionReason { get; private set; }
    public NonAcceptanceGround? NonAcceptanceGround { get; private set; }
    /// <summary>Art. 23 ¶3: the sending body's answer to the objection (null while none was recorded) and its date.</summary>
    public bool? TransferObjectionAgreed { get; private set; }
    public DateOnly? TransferObjectionAnsweredOn { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? HandledBy { get; private set; }
    public bool HandlingPaused { get; private set; }
    public int ExtensionDays { get; private set; }
    public string? ExtensionReason { get; private set; }
    public string? ExtensionApprovedBy { get; private set; }
    public DateTimeOffset? JointMeetingRequestedAt { get; private set; }
    /// <summary>访调对接: the mediation case this petition was handed to; the case carries the petition as its source record.</summary>
    public Guid? MediationCaseId { get; private set; }
    public string? MediationCaseNumber { get; private set; }
    public DateTimeOffset? HandedOverAt { get; private set; }
    public MediationResult? MediationResult { get; private set; }
    public DateTimeOffset? MediationConcludedAt { get; private set; }
    /// <summary>The agreed terms as the case reported them (success) or the reason it ended (failure, termination).</summary>
    public string? MediationResultDetail { get; private set; }
    /// <summary>The day the mediated agreement took effect (cases.agreement-effective): the reply says the matter was resolved then.</summary>
    public DateOnly? MediationAgreementEffectiveOn { get; private set; }
    /// <summary>Arts. 29–31, decided at acceptance; items accepted before classification existed are 申诉求决 (六).</summary>
    public PetitionCategory? Category { get; private set; }
    public GrievanceRoute? GrievanceRoute { get; private set; }
    /// <summary>The 纪检监察机关 an accusation went to, or the body whose procedure an Art. 31 (一)–(五) item was led into.</summary>
    public string? RoutedTo { get; private set; }
    /// <summary>Art. 30 ¶3: the unit complained about; its users never see this item.</summary>
    public Guid? AccusedOrgUnitId { get; private set; }
    public SuggestionOutcome? SuggestionOutcome { get; private set; }
    public string? SuggestionReply { get; private set; }
    public IReadOnlyList<Petitioner> Petitioners => _petitioners;
    public IReadOnlyList<PetitionEvent> Events => _events;
    public IReadOnlyList<PetitionNotice> Notices => _notices;
    public IReadOnlyList<PetitionOpinion> Opinions => _opinions;

    public static Petition Register(Guid id, Guid orgUnitId, PetitionNumber number, string unitShortName, PetitionChannel channel, DateTimeOffset receivedAt,
        IReadOnlyList<Petitioner> petitioners, string matter, string? requestedOutcome, string? place, PetitionTransfer? transfer,
        string? recordedBy, DateTimeOffset now)
    {
        if (petitioners.Count == 0) throw new BusinessException(PetitionsErrorCodes.NoPetitioner);
        if ((channel is PetitionChannel.Transferred) != (transfer is not null)) throw new BusinessException(PetitionsErrorCodes.TransferDetailsMissing);
        var petition = new Petition
        {
            Id = id,
            OrgUnitId = orgUnitId,
            Year = number.Year,
            SequenceNumber = number.Sequence,
            Number = number.IsPending ? "" : number.Format(unitShortName),
            Channel = channel,
            ReceivedAt = receivedAt,
            RecordedBy = recordedBy,
            FiledOnBehalfOfCaller = channel is PetitionChannel.Phone,
            TransferKind = transfer?.Kind,
            TransferringBody = transfer?.Body,
            TransferReference = transfer?.Reference,
            Matter = matter,
            RequestedOutcome = requestedOutcome,
            Place = place,
            Status = PetitionStatus.Registered,
        };
        for (var i = 0; i < petitioners.Count; i++) petitioners[i].Position = i + 1;
        petition._petitioners.AddRange(petitioners);
        var how = channel switch
        {
            PetitionChannel.Phone => $"来电，由{recordedBy}代为登记",
            PetitionChannel.Transferred => $"{(transfer!.Kind is Petitions.TransferKind.Assigned ? "交办" : "转送")}：{transfer.Body} {transfer.Reference}",
            _ => null,
        };
        petition.Record(PetitionEventKind.Registered, recordedBy, now, how);
        return petition;
    }

    /// <summary>
    /// Numbers a petition registered with <see cref="PetitionNumber.Pending"/>: the petitions' group commit builds and tracks a batch's
    /// registrations before it takes the write gate and draws their numbers inside it, just before the save (issue 17). Once, in the
    /// year the petition was registered for.
    /// </summary>
    public void AssignNumber(PetitionNumber number, string unitShortName)
    {
        if (SequenceNumber != 0) throw new InvalidOperationException($"Petition {Number} has its number already.");
        if (number.IsPending || number.Year != Year)
            throw new InvalidOperationException($"A petition registered for {Year} cannot take number {number.Sequence} of {number.Year}.");
        SequenceNumber = number.Sequence;
        Number = number.Format(unitShortName);
    }

    /// <summary>Open: a later item on the same matter is a repeat of this one (Art. 19 ¶3), not a new petition.</summary>
    public bool IsOpen => Status is PetitionStatus.Registered or PetitionStatus.TransferObjected or PetitionStatus.Accepted or PetitionStatus.HandedOverToMediation
        or PetitionStatus.SuggestionUnderStudy or PetitionStatus.Replied or PetitionStatus.UnderReview or PetitionStatus.Reviewed or PetitionStatus.UnderReexamination;

    /// <summary>Art. 19 ¶3: the item is recorded as a repeat of the open one and not accepted as a new item. After 复核 the matter is closed (Art. 36).</summary>
    public void LinkAsRepeatOf(Petition original, string? actor, DateTimeOffset now)
    {
        if (original.Id == Id) throw new BusinessException(PetitionsErrorCodes.CannotLinkToItself);
        EnsureAwaitingDecision();
        if (original.Status is PetitionStatus.Reexamined) throw new BusinessException(PetitionsErrorCodes.MatterReexamined);
        if (!original.IsOpen) throw new BusinessException(PetitionsErrorCodes.RepeatTargetNotOpen);
        RepeatOfPetitionId = original.Id;
        Status = PetitionStatus.LinkedAsRepeat;
        DecidedAt = now;
        Record(PetitionEventKind.LinkedAsRepeat, actor, now, $"{original.Number}（同一信访事项已经受理或者正在办理，依《信访工作条例》第十九条第三款不予受理）");
    }

    /// <summary>
    /// Accepted and classified (Arts. 29–31). Only 申诉求决 (六) is handled as a petition — 60 days, a 处理意见书 (Arts. 32, 34);
    /// (一)–(五) are led into their procedure and closed here; a suggestion is studied and answered (Art. 29); an accusation goes to
    /// the discipline and supervision body (Art. 30), whose own rules govern what the petitioner is told (Art. 23 ¶4).
    /// </summary>
    public void Accept(PetitionClassification classification, string? actor, DateTimeOffset now)
    {
        if (classification.Refusal is { } refusal) throw new BusinessException(refusal);
        EnsureAwaitingDecision();
        Category = classification.Category;
        GrievanceRoute = classification.Category is PetitionCategory.Grievance ? classification.Route : null;
        RoutedTo = classification.RoutedTo;
        AccusedOrgUnitId = classification.Category is PetitionCategory.Accusation ? classification.AccusedOrgUnitId : null;
        DecidedAt = now;
        Record(PetitionEventKind.Accepted, actor, now, PetitionWording.Classification(classification.Category, GrievanceRoute));
        switch (classification.Category)
        {
            case PetitionCategory.Grievance when GrievanceRoute is Petitions.GrievanceRoute.Handling:
                Status = PetitionStatus.Accepted;
                AcceptedAt = now;
                HandledBy = actor;
                break;
            case PetitionCategory.Grievance:
                Status = PetitionStatus.LedIntoProcedure;
                Record(PetitionEventKind.LedIntoProcedure, actor, now, PetitionWording.ProcedureOf(GrievanceRoute!.Value) + (RoutedTo is null ? "" : "：" + RoutedTo));
                break;
            case PetitionCategory.Suggestion:
                Status = PetitionStatus.SuggestionUnderStudy;
                AcceptedAt = now;
                HandledBy = actor;
                break;
            default:
                Status = PetitionStatus.RoutedToDisciplineBody;
                Record(PetitionEventKind.RoutedToDisciplineBody, actor, now, RoutedTo);
                break;
        }
    }

    /// <summary>Art. 29: the body studied the suggestion and replies whether it adopts it.</summary>
    public void AnswerSuggestion(SuggestionOutcome outcome, string reply, string? actor, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.SuggestionUnderStudy) throw new BusinessException(PetitionsErrorCodes.NoSuggestionPending);
        Status = PetitionStatus.SuggestionAnswered;
        SuggestionOutcome = outcome;
        SuggestionReply = reply;
        Record(PetitionEventKind.SuggestionAnswered, actor, now, PetitionWording.Outcome(outcome));
    }

    /// <summary>
    /// Arts. 35, 36: the 30 days to ask for 复查 / 复核 run "自收到书面答复之日起", so the day the opinion reached the petitioner is
    /// recorded — not before it was issued, not after today. Returns whether that opens the request window now (the opinion is
    /// the current one and no request has been made yet).
    /// </summary>
    public bool RecordService(OpinionKind kind, ServiceMethod method, DateOnly servedOn, string? reference, DateOnly today, string? actor, DateTimeOffset now)
    {
        var opinion = LatestOpinion(kind) ?? throw new BusinessException(PetitionsErrorCodes.NoOpinionToServe);
        if (opinion.ServedOn is not null) throw new BusinessException(PetitionsErrorCodes.AlreadyServed);
        if (servedOn > today) throw new BusinessException(PetitionsErrorCodes.DateInFuture);
        if (servedOn < opinion.IssuedOn!.Value) throw new BusinessException(PetitionsErrorCodes.ServedBeforeIssued);
        opinion.Served(method, servedOn, reference, actor, now);
        Record(PetitionEventKind.OpinionServed, actor, now, PetitionWording.Service(kind, method, servedOn, reference));
        return (kind, Status) is (OpinionKind.Reply, PetitionStatus.Replied) or (OpinionKind.Review, PetitionStatus.Reviewed);
    }

    /// <summary>Not accepted on the ground the officer chose; the notice cites its article.</summary>
    public void NotAccept(NonAcceptanceGround ground, string reasons, string? actor, DateTimeOffset now)
    {
        EnsureAwaitingDecision();
        Status = PetitionStatus.NotAccepted;
        NonAcceptanceGround = ground;
        DecisionReason = reasons;
        DecidedAt = now;
        Record(PetitionEventKind.NotAccepted, actor, now, $"{PetitionWording.Citation(ground)}：{reasons}");
    }

    /// <summary>
    /// Art. 23 ¶3: a transferred item outside this body's remit is objected to within 5 working days of receipt. The objection
    /// takes effect only when the sending body agrees (<see cref="AnswerTransferObjection"/>); until then the item stays here.
    /// </summary>
    public void ObjectToTransfer(string reason, DateTimeOffset objectionDueAt, string? actor, DateTimeOffset now)
    {
        if (Channel is not PetitionChannel.Transferred) throw new BusinessException(PetitionsErrorCodes.NotTransferred);
        EnsureAwaitingDecision();
        if (now > objectionDueAt) throw new BusinessException(PetitionsErrorCodes.ObjectionPeriodOver);
        Status = PetitionStatus.TransferObjected;
        DecisionReason = reason;
        DecidedAt = now;
        Record(PetitionEventKind.TransferObjected, actor, now, $"{TransferringBody}：{reason}");
    }

    /// <summary>
    /// Art. 23 ¶3 "经转送、交办的信访部门或者上级机关、单位核实同意后，交还相关材料": agreed, the item goes back to the sending body;
    /// rejected, it returns to this body awaiting its decision, with the acceptance clock that kept running.
    /// </summary>
    public void AnswerTransferObjection(bool agreed, DateOnly answeredOn, string? note, string? actor, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.TransferObjected) throw new BusinessException(PetitionsErrorCodes.NoObjectionPending);
        TransferObjectionAgreed = agreed;
        TransferObjectionAnsweredOn = answeredOn;
        var detail = $"{TransferringBody}于{answeredOn.Year}年{answeredOn.Month}月{answeredOn.Day}日{(agreed ? "同意异议，交还材料" : "不同意异议，本机关继续办理")}"
            + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note);
        if (agreed)
        {
            Status = PetitionStatus.TransferReturned;
            Record(PetitionEventKind.TransferObjectionAgreed, actor, now, detail);
        }
        else
        {
            Status = PetitionStatus.Registered;
            DecisionReason = null;
            DecidedAt = null;
            Record(PetitionEventKind.TransferObjectionRejected, actor, now, detail);
        }
    }

    /// <summary>
    /// Art. 34 knows no pause of the 60 days: only a deployment whose local rule provides one (named in
    /// <paramref name="localRule"/>, from Petitions:HandlingPauseRule) may stop the clock, and the rule is recorded with the pause.
    /// </summary>
    public void PauseHandling(string reason, string? localRule, string? actor, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(localRule)) throw new BusinessException(PetitionsErrorCodes.PauseNotProvided);
        EnsureHandling();
        if (HandlingPaused) throw new BusinessException(PetitionsErrorCodes.AlreadyPaused);
        if (AwaitsSignOff) throw new BusinessException(PetitionsErrorCodes.OpinionAwaitingSignOff);
        HandlingPaused = true;
        Record(PetitionEventKind.HandlingPaused, actor, now, $"{reason}（依据：{localRule}）");
    }

    public void ResumeHandling(string? actor, DateTimeOffset now)
    {
        EnsureHandling();
        if (!HandlingPaused) throw new BusinessException(PetitionsErrorCodes.NotPaused);
        HandlingPaused = false;
        Record(PetitionEventKind.HandlingResumed, actor, now, null);
    }

    /// <summary>Art. 34: once, by up to the policy's days, approved by someone other than the handler.</summary>
    public void ExtendHandling(int days, int maxDays, string reason, string approver, DateTimeOffset now)
    {
        EnsureHandling();
        if (ExtensionDays > 0) throw new BusinessException(PetitionsErrorCodes.AlreadyExtended);
        if (days < 1 || days > maxDays)
            throw new BusinessException(PetitionsErrorCodes.ExtensionTooLong, new Dictionary<string, object?> { ["max"] = maxDays });
        if (string.Equals(approver, HandledBy, StringComparison.Ordinal)) throw new BusinessException(PetitionsErrorCodes.ApproverIsHandler);
        ExtensionDays = days;
        ExtensionReason = reason;
        ExtensionApprovedBy = approver;
        Record(PetitionEventKind.HandlingExtended, approver, now, $"{days}日：{reason}");
    }

    /// <summary>
    /// The officer drafts the 处理意见书 and submits it for the body's head to sign off; it is issued (and the handling ends,
    /// Art. 34) only at <see cref="SignOff"/>. A draft the head returned is revised in place and submitted again.
    /// </summary>
    public PetitionOpinion Reply(OpinionDecision decision, string request, string factsAndReasons, string legalBasis, Guid issuingOrgUnitId, string? actor,
        DateTimeOffset now)
    {
        EnsureHandling();
        if (HandlingPaused) throw new BusinessException(PetitionsErrorCodes.HandlingPaused);
        return SubmitOpinion(OpinionKind.Reply, decision, request, factsAndReasons, legalBasis, issuingOrgUnitId, actor, now);
    }

    /// <summary>
    /// Art. 35: within 30 days of receiving the written reply (<paramref name="windowDueAt"/>, the window's end). Before the reply
    /// was served no period has begun, so a request is in time: the petitioner never bears the office's failure to serve.
    /// </summary>
    public void RequestReview(DateTimeOffset requestedAt, DateTimeOffset? windowDueAt, string? actor, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.Replied) throw new BusinessException(PetitionsErrorCodes.NotReplied);
        if (LatestOpinion(OpinionKind.Reply)?.ServedOn is not null && requestedAt > windowDueAt) throw new BusinessException(PetitionsErrorCodes.RequestPeriodOver);
        Status = PetitionStatus.UnderReview;
        Record(PetitionEventKind.ReviewRequested, actor, now, null);
    }

    /// <summary>Art. 35: the reviewing body's 复查意见, drafted and submitted for its head's sign-off.</summary>
    public PetitionOpinion AnswerReview(OpinionDecision decision, string request, string factsAndReasons, string legalBasis, Guid issuingOrgUnitId, string? actor,
        DateTimeOffset now)
    {
        if (Status is not PetitionStatus.UnderReview) throw new BusinessException(PetitionsErrorCodes.NoReviewPending);
        return SubmitOpinion(OpinionKind.Review, decision, request, factsAndReasons, legalBasis, issuingOrgUnitId, actor, now);
    }

    /// <summary>Art. 36: within 30 days of receiving the review opinion; unserved, no period has begun (see <see cref="RequestReview"/>).</summary>
    public void RequestReexamination(DateTimeOffset requestedAt, DateTimeOffset? windowDueAt, string? actor, DateTimeOffset now)
    {
        if (Status is PetitionStatus.Reexamined or PetitionStatus.UnderReexamination) throw new BusinessException(PetitionsErrorCodes.MatterReexamined);
        if (Status is not PetitionStatus.Reviewed) throw new BusinessException(PetitionsErrorCodes.NotReviewed);
        if (LatestOpinion(OpinionKind.Review)?.ServedOn is not null && requestedAt > windowDueAt) throw new BusinessException(PetitionsErrorCodes.RequestPeriodOver);
        Status = PetitionStatus.UnderReexamination;
        Record(PetitionEventKind.ReexaminationRequested, actor, now, null);
    }

    /// <summary>
    /// Art. 36 ¶2: a 复核 hearing's time is not counted in the 30 days; returns the days (start and end inclusive) by which the
    /// answer clock is extended.
    /// </summary>
    public int RecordReexaminationHearing(DateOnly startedOn, DateOnly endedOn, string? actor, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.UnderReexamination) throw new BusinessException(PetitionsErrorCodes.NoReexaminationPending);
        if (endedOn < startedOn) throw new BusinessException(PetitionsErrorCodes.HearingEndsBeforeItStarts);
        var days = endedOn.DayNumber - startedOn.DayNumber + 1;
        Record(PetitionEventKind.ReexaminationHearing, actor, now,
            $"听证自{PetitionWording.Date(startedOn)}至{PetitionWording.Date(endedOn)}，共{days}日，不计入复核期限（《信访工作条例》第三十六条第二款）");
        return days;
    }

    /// <summary>
    /// Art. 23 ¶2: while the petitioner's name or address is unclear the 15 days do not run; once known they are recorded and the
    /// acceptance clock starts (the application starts it).
    /// </summary>
    public void PetitionerDetailsKnown(string? name, string address, string? actor, DateTimeOffset now)
    {
        EnsureAwaitingDecision();
        var first = _petitioners.OrderBy(p => p.Position).First();
        first.Complete(name, address);
        Record(PetitionEventKind.PetitionerDetailsKnown, actor, now, $"{first.Name}，{address}");
    }

    /// <summary>Art. 36: the re-examining body's 复核意见, drafted and submitted for its head's sign-off.</summary>
    public PetitionOpinion AnswerReexamination(OpinionDecision decision, string request, string factsAndReasons, string legalBasis, Guid issuingOrgUnitId,
        string? actor, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.UnderReexamination) throw new BusinessException(PetitionsErrorCodes.NoReexaminationPending);
        return SubmitOpinion(OpinionKind.Reexamination, decision, request, factsAndReasons, legalBasis, issuingOrgUnitId, actor, now);
    }

    /// <summary>
    /// The head (负责人) of the body in whose name the opinion is issued signs it off, and it is issued: the reply ends the handling
    /// (Art. 34), the 复查 / 复核 opinion answers the request (Arts. 35, 36; after 复核 the matter is closed). Only a holder of the
    /// sign-off duty at that very unit may sign — not the officer who drafted it, not a head of another unit, above or below.
    /// The clocks are not stopped by the waiting: the period runs until this moment.
    /// </summary>
    public PetitionOpinion SignOff(OpinionKind kind, OpinionSigner signer, DateTimeOffset now)
    {
        var opinion = PendingOpinion(kind) ?? throw new BusinessException(PetitionsErrorCodes.NoOpinionAwaitingSignOff);
        EnsureSigner(opinion, signer);
        if (Status != StatusAwaitingOpinion(kind)) throw new BusinessException(PetitionsErrorCodes.NoOpinionAwaitingSignOff);
        opinion.Issue(signer, now);
        Status = kind switch
        {
            OpinionKind.Reply => PetitionStatus.Replied,
            OpinionKind.Review => PetitionStatus.Reviewed,
            _ => PetitionStatus.Reexamined,
        };
        Record(PetitionEventKind.OpinionSignedOff, signer.UserName, now, $"{PetitionWording.OpinionTitle(kind)}由{signer.DisplayName}签发");
        Record(kind switch
        {
            OpinionKind.Reply => PetitionEventKind.Replied,
            OpinionKind.Review => PetitionEventKind.ReviewAnswered,
            _ => PetitionEventKind.ReexaminationAnswered,
        }, signer.UserName, now, opinion.Decision.ToString());
        return opinion;
    }

    /// <summary>The head sends the draft back with the reason; the officer revises and submits it again (the clocks keep running).</summary>
    public PetitionOpinion ReturnOpinion(OpinionKind kind, string reason, OpinionSigner signer, DateTimeOffset now)
    {
        var opinion = PendingOpinion(kind) ?? throw new BusinessException(PetitionsErrorCodes.NoOpinionAwaitingSignOff);
        EnsureSigner(opinion, signer);
        opinion.Returned(reason, signer.UserName, now);
        Record(PetitionEventKind.OpinionReturned, signer.UserName, now, $"{PetitionWording.OpinionTitle(kind)}退回修改：{reason}");
        return opinion;
    }

    /// <summary>The draft of <paramref name="kind"/> waiting for the head's sign-off, or null.</summary>
    public PetitionOpinion? PendingOpinion(OpinionKind kind) => _opinions.LastOrDefault(o => o.Kind == kind && o.State is OpinionState.AwaitingSignOff);

    public bool AwaitsSignOff => _opinions.Any(o => o.State is OpinionState.AwaitingSignOff);

    private static void EnsureSigner(PetitionOpinion opinion, OpinionSigner signer)
    {
        if (!signer.HoldsSignOffDuty) throw new BusinessException(PetitionsErrorCodes.SignOffNeedsUnitHead);
        if (opinion.IssuingOrgUnitId is { } issuing && signer.OrgUnitId != issuing) throw new BusinessException(PetitionsErrorCodes.NotTheIssuingUnitsHead);
        if (string.Equals(signer.UserName, opinion.IssuedBy, StringComparison.Ordinal)) throw new BusinessException(PetitionsErrorCodes.SignerIsDrafter);
    }

    private static PetitionStatus StatusAwaitingOpinion(OpinionKind kind) => kind switch
    {
        OpinionKind.Reply => PetitionStatus.Accepted,
        OpinionKind.Review => PetitionStatus.UnderReview,
        _ => PetitionStatus.UnderReexamination,
    };

    /// <summary>Art. 24: a matter involving several departments goes to the joint meeting; proposed once.</summary>
    public void RequestJointMeeting(string reason, IReadOnlyList<string> departments, string? actor, DateTimeOffset now)
    {
        if (!IsOpen) throw new BusinessException(PetitionsErrorCodes.Closed);
        if (JointMeetingRequestedAt is not null) throw new BusinessException(PetitionsErrorCodes.JointMeetingAlreadyRequested);
        JointMeetingRequestedAt = now;
        Record(PetitionEventKind.JointMeetingRequested, actor, now, $"{reason}（{string.Join("、", departments)}）");
    }

    /// <summary>
    /// 访调对接: why this petition cannot be handed over now, or null. The order is the dialog's: state first (accepted and being
    /// handled, not waiting on a pause, not handed over before), then the excluded matters, then every party's consent.
    /// </summary>
    public string? HandOverRefusal(HandOverDeclaration? declaration)
    {
        if (MediationCaseId is not null) return PetitionsErrorCodes.AlreadyHandedOver;
        if (Status is not PetitionStatus.Accepted) return PetitionsErrorCodes.NotInHandling;
        if (HandlingPaused) return PetitionsErrorCodes.HandlingPaused;
        if (AwaitsSignOff) return PetitionsErrorCodes.OpinionAwaitingSignOff;
        if (declaration is null) return null;
        // Labour, medical, traffic and consumer disputes are mediated by the matching specialised committee, and only by it.
        if (declaration.SpecialisedBodyMatter && !declaration.SpecialisedCommitteeMatches) return PetitionsErrorCodes.HandOverSpecialisedBodyMatter;
        if (declaration.LitigationOrArbitration) return PetitionsErrorCodes.HandOverInLitigationOrArbitration;
        if (declaration.AdministrativeDispute) return PetitionsErrorCodes.HandOverAdministrativeDispute;
        if (declaration.CriminalMatter) return PetitionsErrorCodes.HandOverCriminalMatter;
        if (declaration.AccusationMatter) return PetitionsErrorCodes.HandOverAccusationMatter;
        if (declaration.PersonalStatusMatter) return PetitionsErrorCodes.HandOverPersonalStatusMatter;
        if (declaration.PartyRefuses) return PetitionsErrorCodes.HandOverPartyRefuses;
        if (!declaration.EveryPartyConsents) return PetitionsErrorCodes.HandOverConsentMissing;
        return null;
    }

    /// <summary>
    /// 访调对接: an accepted civil dispute goes to a mediation committee as case <paramref name="caseId"/>. The 60-day handling
    /// clock keeps running (Art. 34 knows no pause; mediation under Art. 33 is part of the handling); the result flows back
    /// through <see cref="RecordMediationResult"/>.
    /// </summary>
    public void HandOverToMediation(HandOverDeclaration declaration, Guid caseId, string caseNumber, string? actor, DateTimeOffset now)
    {
        if (HandOverRefusal(declaration) is { } refusal) throw new BusinessException(refusal);
        Status = PetitionStatus.HandedOverToMediation;
        MediationCaseId = caseId;
        MediationCaseNumber = caseNumber;
        HandedOverAt = now;
        Record(PetitionEventKind.HandedOverToMediation, actor, now, caseNumber);
    }

    /// <summary>
    /// The case concluded: the petition returns to handling so the office replies — on an agreement
    /// the reply reports it, on failure or termination the office handles the matter itself. A repeated report changes nothing.
    /// </summary>
    public bool RecordMediationResult(Guid caseId, MediationResult result, string? detail, DateTimeOffset concludedAt, DateTimeOffset now)
    {
        if (Status is not PetitionStatus.HandedOverToMediation || MediationCaseId != caseId) return false;
        Status = PetitionStatus.Accepted;
        HandlingPaused = false;
        MediationResult = result;
        MediationConcludedAt = concludedAt;
        MediationResultDetail = detail;
        var what = result switch
        {
            Petitions.MediationResult.Succeeded => "调解成功，达成书面调解协议",
            Petitions.MediationResult.OralAgreement => "调解成功，达成口头协议",
            Petitions.MediationResult.Failed => "调解不成",
            _ => "调解终止",
        };
        var text = $"{MediationCaseNumber}：{what}{(string.IsNullOrWhiteSpace(detail) ? "" : "。" + detail)}";
        Record(PetitionEventKind.MediationConcluded, null, now, text.Length > MaxEventDetailLength ? text[..(MaxEventDetailLength - 1)] + "…" : text);
        return true;
    }

    /// <summary>
    /// The joint meeting the petition was put before (Art. 24) accepted a task on it as done: the lead unit and what it was asked to do.
    /// A repeated report of the same task changes nothing.
    /// </summary>
    public bool RecordJointMeetingTaskAccepted(string leadUnit, string requirement, DateTimeOffset acceptedAt)
    {
        var text = $"{leadUnit}：{requirement}";
        if (text.Length > MaxEventDetailLength) text = text[..(MaxEventDetailLength - 1)] + "…";
        if (_events.Any(v => v.Kind is PetitionEventKind.JointMeetingTaskAccepted && v.Detail == text)) return false;
        Record(PetitionEventKind.JointMeetingTaskAccepted, null, acceptedAt, text);
        return true;
    }

    public bool MediationSucceeded => MediationResult is Petitions.MediationResult.Succeeded or Petitions.MediationResult.OralAgreement;

    /// <summary>The handed-over case's agreement took effect (the last signature, or an oral one at conclusion). A repeat changes nothing.</summary>
    public bool RecordAgreementEffective(Guid caseId, DateOnly effectiveOn, DateTimeOffset now)
    {
        if (MediationCaseId != caseId || MediationAgreementEffectiveOn is not null) return false;
        MediationAgreementEffectiveOn = effectiveOn;
        Record(PetitionEventKind.MediationAgreementEffective, null, now, $"{MediationCaseNumber}：调解协议于{PetitionWording.Date(effectiveOn)}生效");
        return true;
    }

    /// <summary>
    /// The handed-over case was opened again after the court refused to confirm its agreement (人民调解法 Art. 33 ¶2): the agreement
    /// no longer resolves the matter. Before the reply the petition waits for mediation again, so the next conclusion comes back;
    /// after it the reply stands and the timeline records the change for the officer. A repeated report changes nothing.
    /// </summary>
    public bool RecordMediationReopened(Guid caseId, string? courtName, DateOnly? refusedOn, DateTimeOffset reopenedAt)
    {
        if (MediationCaseId != caseId || _events.Any(v => v.Kind is PetitionEventKind.MediationReopened && v.At == reopenedAt)) return false;
        if (Status is PetitionStatus.Accepted && MediationResult is not null)
        {
            // A reply drafted on the refused agreement no longer fits the matter: it goes back to the officer.
            PendingOpinion(OpinionKind.Reply)?.Returned("调解协议未获司法确认，调解委员会重新调解", "system", reopenedAt);
            Status = PetitionStatus.HandedOverToMediation;
            MediationResult = null;
            MediationConcludedAt = null;
            MediationResultDetail = null;
            MediationAgreementEffectiveOn = null;
        }
        var court = string.IsNullOrWhiteSpace(courtName) ? "人民法院" : courtName.Trim();
        var when = refusedOn is { } d ? PetitionWording.Date(d) : "";
        var text = $"{MediationCaseNumber}：{court}{when}裁定不予确认调解协议，调解委员会重新调解";
        Record(PetitionEventKind.MediationReopened, null, reopenedAt, text.Length > MaxEventDetailLength ? text[..(MaxEventDetailLength - 1)] + "…" : text);
        return true;
    }

    public void NoticeIssued(PetitionNoticeKind kind, Guid documentId, string number, string? actor, DateTimeOffset now)
    {
        _notices.Add(new PetitionNotice(_notices.Count + 1, kind, documentId, number, now));
        Record(PetitionEventKind.NoticeIssued, actor, now, number);
    }

    public void AttachmentAdded(string fileName, string? actor, DateTimeOffset now)
    {
        if (!IsOpen) throw new BusinessException(PetitionsErrorCodes.Closed);
        Record(PetitionEventKind.AttachmentAdded, actor, now, fileName);
    }

    /// <summary>The latest issued opinion of <paramref name="kind"/>: a draft has not been given to anyone.</summary>
    public PetitionOpinion? LatestOpinion(OpinionKind kind) => _opinions.LastOrDefault(o => o.Kind == kind && o.State is OpinionState.Issued);

    private PetitionOpinion SubmitOpinion(OpinionKind kind, OpinionDecision decision, string request, string factsAndReasons, string legalBasis,
        Guid issuingOrgUnitId, string? actor, DateTimeOffset now)
    {
        if (PendingOpinion(kind) is not null) throw new BusinessException(PetitionsErrorCodes.OpinionAwaitingSignOff);
        var opinion = _opinions.LastOrDefault(o => o.Kind == kind && o.State is OpinionState.Returned);
        if (opinion is null)
        {
            opinion = new PetitionOpinion(kind, decision, request, factsAndReasons, legalBasis, issuingOrgUnitId, actor, now);
            _opinions.Add(opinion);
        }
        else opinion.Revise(decision, request, factsAndReasons, legalBasis, actor, now);
        Record(PetitionEventKind.OpinionSubmitted, actor, now, $"{PetitionWording.OpinionTitle(kind)}报请签发");
        return opinion;
    }

    private void EnsureAwaitingDecision()
    {
        if (Status is not PetitionStatus.Registered) throw new BusinessException(PetitionsErrorCodes.NotAwaitingDecision);
    }

    private void EnsureHandling()
    {
        if (Status is not PetitionStatus.Accepted) throw new BusinessException(PetitionsErrorCodes.NotInHandling);
    }

    private void Record(PetitionEventKind kind, string? actor, DateTimeOffset at, string? detail) =>
        _events.Add(new PetitionEvent(_events.Count + 1, kind, at, actor, detail));
}

/// <summary>
/// 访调对接: the officer's answers to the excluded matters and the recorded consent of every party. <paramref name="SpecialisedBodyMatter"/>:
/// a labour, medical, traffic or consumer dispute, which goes only to a committee of that specialty (<paramref name="SpecialisedCommitteeMatches"/>).
/// </summary>
public sealed record HandOverDeclaration(bool SpecialisedBodyMatter, bool LitigationOrArbitration, bool AdministrativeDispute, bool PartyRefuses,
    bool EveryPartyConsents, bool CriminalMatter = false, bool AccusationMatter = false, bool PersonalStatusMatter = false,
    bool SpecialisedCommitteeMatches = false);

public sealed record PetitionTransfer(TransferKind Kind, string Body, string Reference);

/// <summary>The officer's classification at acceptance (Arts. 29–31).</summary>
public sealed record PetitionClassification(PetitionCategory Category, GrievanceRoute? Route = null, string? RoutedTo = null, Guid? AccusedOrgUnitId = null)
{
    /// <summary>申诉求决 (六): handled as a petition.</summary>
    public static PetitionClassification Handling { get; } = new(PetitionCategory.Grievance, GrievanceRoute.Handling);

    /// <summary>The rule the classification breaks, or null: a grievance names its Art. 31 route, an accusation its 纪检监察机关.</summary>
    public string? Refusal => Category switch
    {
        PetitionCategory.Grievance when Route is null => PetitionsErrorCodes.RouteRequired,
        not PetitionCategory.Grievance when Route is not null => PetitionsErrorCodes.RouteOnlyForGrievance,
        PetitionCategory.Accusation when string.IsNullOrWhiteSpace(RoutedTo) => PetitionsErrorCodes.DisciplineBodyRequired,
        _ => null,
    };
}

/// <summary>泰山信〔2026〕1号: the unit's short name, the year, a per-unit, per-year gap-free sequence.</summary>
public sealed record PetitionNumber(int Year, int Sequence)
{
    public const string Kind = "petitions.petition";

    /// <summary>No number yet: the year only, the sequence to be drawn (<see cref="Petition.AssignNumber"/>). Sequences start at 1.</summary>
    public static PetitionNumber Pending(int year) => new(year, 0);

    public bool IsPending => Sequence == 0;

    public string Format(string unitShortName) => OfficialNumber.Format(unitShortName + "信", Year, Sequence);

    /// <summary>泰山区 → 泰山, 岱庙街道 → 岱庙: the unit's name without its administrative suffix.</summary>
    public static string ShortNameOf(string unitName)
    {
        foreach (var suffix in new[] { "街道", "社区", "地区", "区", "县", "市", "镇", "乡", "村" })
        {
            if (unitName.Length > suffix.Length + 1 && unitName.EndsWith(suffix, StringComparison.Ordinal)) return unitName[..^suffix.Length];
        }
        return unitName;
    }
}

public sealed class Petitioner
{
    private Petitioner() { }

    public int Position { get; internal set; }
    public string Name { get; private set; } = "";
    public string? IdCardMasked { get; private set; }
    public string? IdCardCipher { get; private set; }
    public string? IdCardHash { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? Address { get; private set; }

    internal void Complete(string? name, string address)
    {
        if (!string.IsNullOrWhiteSpace(name)) Name = name;
        Address = address;
    }

    public static Petitioner Create(string name, ProtectedValue? idCard, ProtectedValue? phone, string? address) => new()
    {
        Name = name,
        IdCardMasked = idCard?.Masked, IdCardCipher = idCard?.Cipher, IdCardHash = idCard?.Hash,
        PhoneMasked = phone?.Masked, PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash,
        Address = address,
    };
}

public sealed class PetitionEvent
{
    private PetitionEvent() { }

    public PetitionEvent(int sequence, PetitionEventKind kind, DateTimeOffset at, string? actor, string? detail)
    {
        Sequence = sequence;
        Kind = kind;
        At = at;
        Actor = actor;
        Detail = detail;
    }

    public int Sequence { get; private set; }
    public PetitionEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Actor { get; private set; }
    public string? Detail { get; private set; }
}

public sealed class PetitionNotice
{
    private PetitionNotice() { }

    public PetitionNotice(int sequence, PetitionNoticeKind kind, Guid documentId, string number, DateTimeOffset issuedAt)
    {
        Sequence = sequence;
        Kind = kind;
        DocumentId = documentId;
        Number = number;
        IssuedAt = issuedAt;
    }

    public int Sequence { get; private set; }
    public PetitionNoticeKind Kind { get; private set; }
    public Guid DocumentId { get; private set; }
    public string Number { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
}

/// <summary>
/// 处理意见书 / 复查意见书 / 复核意见书. Drafted by an officer (<see cref="IssuedBy"/>), signed off by the head of the body in whose name it
/// is issued (<see cref="IssuingOrgUnitId"/>), and only then issued (<see cref="IssuedAt"/>) and served. Opinions stored before the
/// sign-off existed read as issued (the column's default).
/// </summary>
public sealed class PetitionOpinion
{
    private PetitionOpinion() { }

    public PetitionOpinion(OpinionKind kind, OpinionDecision decision, string request, string factsAndReasons, string legalBasis, Guid issuingOrgUnitId,
        string? draftedBy, DateTimeOffset submittedAt)
    {
        Kind = kind;
        Decision = decision;
        Request = request;
        FactsAndReasons = factsAndReasons;
        LegalBasis = legalBasis;
        IssuingOrgUnitId = issuingOrgUnitId;
        IssuedBy = draftedBy;
        SubmittedAt = submittedAt;
        State = OpinionState.AwaitingSignOff;
    }

    public OpinionKind Kind { get; private set; }
    public OpinionState State { get; private set; }
    public OpinionDecision Decision { get; private set; }
    public string Request { get; private set; } = "";
    public string FactsAndReasons { get; private set; } = "";
    public string LegalBasis { get; private set; } = "";
    /// <summary>The unit in whose name it is issued: the handling unit for the reply, the unit above for 复查, the next for 复核.</summary>
    public Guid? IssuingOrgUnitId { get; private set; }
    /// <summary>The officer who drafted it (承办人).</summary>
    public string? IssuedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Set at sign-off: the day of issue (成文日期) and the earliest it can have been served.</summary>
    public DateTimeOffset? IssuedAt { get; private set; }
    public string? SignedOffBy { get; private set; }
    public string? SignedOffByName { get; private set; }
    public string? ReturnedBy { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? ReturnReason { get; private set; }
    public ServiceMethod? ServiceMethod { get; private set; }
    public DateOnly? ServedOn { get; private set; }
    /// <summary>The return receipt's number (邮寄) or the system's delivery reference (电子送达).</summary>
    public string? ServiceReference { get; private set; }
    public string? ServiceRecordedBy { get; private set; }
    public DateTimeOffset? ServiceRecordedAt { get; private set; }

    /// <summary>The day of issue in China time: the earliest day it can have been served.</summary>
    public DateOnly? IssuedOn => IssuedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime) : null;

    internal void Revise(OpinionDecision decision, string request, string factsAndReasons, string legalBasis, string? draftedBy, DateTimeOffset submittedAt)
    {
        Decision = decision;
        Request = request;
        FactsAndReasons = factsAndReasons;
        LegalBasis = legalBasis;
        IssuedBy = draftedBy;
        SubmittedAt = submittedAt;
        State = OpinionState.AwaitingSignOff;
    }

    internal void Issue(OpinionSigner signer, DateTimeOffset now)
    {
        State = OpinionState.Issued;
        SignedOffBy = signer.UserName;
        SignedOffByName = signer.DisplayName;
        IssuedAt = now;
    }

    internal void Returned(string reason, string returnedBy, DateTimeOffset now)
    {
        State = OpinionState.Returned;
        ReturnReason = reason;
        ReturnedBy = returnedBy;
        ReturnedAt = now;
    }

    internal void Served(ServiceMethod method, DateOnly servedOn, string? reference, string? recordedBy, DateTimeOffset recordedAt)
    {
        ServiceMethod = method;
        ServedOn = servedOn;
        ServiceReference = reference;
        ServiceRecordedBy = recordedBy;
        ServiceRecordedAt = recordedAt;
    }
}

/// <summary>
/// Who signs an opinion off: the user, his unit, and whether he holds the sign-off duty (the 负责人's permission,
/// <c>Petitions.Opinions.SignOffAsUnitHead</c>, granted by default to UnitHead only).
/// </summary>
public sealed record OpinionSigner(string UserName, string DisplayName, Guid? OrgUnitId, bool HoldsSignOffDuty);

/// <summary>
/// An uploaded file, kept in the database (never under the web root, never by its client name); scoped like its petition.
/// <see cref="Content"/> is the encrypted file (ID-card scans are typical); size and SHA-256 are those of the original.
/// </summary>
public sealed class PetitionAttachment : StoredAttachment
{
    private PetitionAttachment() { }

    public PetitionAttachment(Guid id, Petition petition, CheckedUpload upload, string? uploadedBy, DateTimeOffset uploadedAt)
        : base(id, petition.OrgUnitId, upload, uploadedBy, uploadedAt) => PetitionId = petition.Id;

    public Guid PetitionId { get; private set; }
}

