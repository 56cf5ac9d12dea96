using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.ServiceDesk.Domain;

/// <summary>Who acts on a request, as the domain needs him: the account's id and the name written into the timeline.</summary>
/// <summary>
/// An officer acting on a request: <paramref name="Name"/> is his display name (kept on the record as he was named then),
/// <paramref name="UserName"/> his login, which the timeline stores so that a page names him with his unit when it is read.
/// </summary>
public sealed record DeskActor(Guid UserId, string Name, string? UserName = null)
{
    /// <summary>What the timeline stores as the actor: the login, or the name of one who has none (generated demo records).</summary>
    public string Signature => UserName ?? Name;
}

/// <summary>
/// 诉求: one request of an enterprise at the desk, numbered per desk and year (肥城接诉〔2026〕1号). Filing acknowledges it at once
/// (即收即复); the officer who takes it is its first responder (首问负责) and stays accountable through every transfer; one
/// materials notice lists every gap (一次性告知) and pauses the feedback clock; 办结告知 closes the handling and the enterprise
/// rates it; 不满意 sends it to the desk head. Every step is on the timeline.
/// </summary>
public sealed class DeskRequest : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<RequestTransfer> _transfers = [];
    private readonly List<MaterialsNotice> _notices = [];
    private readonly List<RequestEvent> _events = [];

    private DeskRequest() { }

    public static DeskRequest File(Guid id, Enterprise enterprise, string number, int year, int sequence, RequestKind kind, string title,
        string description, string? project, bool urgent, IEnumerable<string> suppliedMaterials, string? submittedBy, DateTimeOffset now,
        DateTimeOffset acknowledgementDueAt)
    {
        enterprise.EnsureApproved();
        var checklist = MaterialsChecklist.For(kind).Select(m => m.Code).ToHashSet();
        var supplied = suppliedMaterials.Distinct().ToList();
        if (supplied.Any(code => !checklist.Contains(code))) throw new BusinessException(ServiceDeskErrorCodes.UnknownMaterial);
        var request = new DeskRequest
        {
            Id = id, OrgUnitId = enterprise.OrgUnitId, EnterpriseId = enterprise.Id, Number = number, Year = year, SequenceNumber = sequence,
            Kind = kind, Title = title, Description = description, Project = project, Urgent = urgent, Status = RequestStatus.Submitted,
            SubmittedAt = now, SubmittedBy = submittedBy, FeedbackClockKey = id, AcknowledgementDueAt = acknowledgementDueAt, SuppliedMaterials = string.Join(',', supplied),
        };
        request.Log(now, "Filed", submittedBy, number);
        return request;
    }

    public Guid OrgUnitId { get; private set; }
    public Guid EnterpriseId { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public int SequenceNumber { get; private set; }
    public RequestKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Project { get; private set; }
    public bool Urgent { get; private set; }
    /// <summary>A complex matter gets the 15-day feedback period instead of 7; the officer decides when he takes it.</summary>
    public bool Complex { get; private set; }
    public RequestStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    /// <summary>When the human acknowledgement was due, kept for the 响应率 after the clock has stopped.</summary>
    public DateTimeOffset AcknowledgementDueAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? FirstResponderId { get; private set; }
    public string? FirstResponderName { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string? OwnerName { get; private set; }
    /// <summary>Another department handling it now; the desk's owner stays the one who transferred it there.</summary>
    public string? OwnerDepartment { get; private set; }
    /// <summary>Checklist codes the enterprise has supplied, comma-separated.</summary>
    public string SuppliedMaterials { get; private set; } = "";
    public string? Result { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? ConcludedBy { get; private set; }
    public ServiceRating? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }
    public LegalRoute? Route { get; private set; }
    public string? RouteBody { get; private set; }
    public string? RouteNote { get; private set; }
    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    /// <summary>The petition a 涉法案件 was handed to (转送 to the petition office), followed through the Petitions contract.</summary>
    public Guid? PetitionId { get; private set; }
    public string? PetitionNumber { get; private set; }
    public DateTimeOffset? RouteRecordedAt { get; private set; }
    public string? RouteOutcome { get; private set; }
    public DateTimeOffset? RouteOutcomeAt { get; private set; }
    public Guid? VisitId { get; private set; }
    /// <summary>
    /// The record id the feedback clock runs under: the request's own id, then a fresh one for each reopening, since the kernel keeps
    /// one clock per record and policy and a reopened request gets a new feedback period of its own.
    /// </summary>
    public Guid FeedbackClockKey { get; private set; }
    public Guid? AcknowledgementDocumentId { get; private set; }
    public Guid? CompletionDocumentId { get; private set; }
    /// <summary>上报: the unit above the one holding the request, which receives it with the reason; kept after it is accepted.</summary>
    public Guid? EscalatedToUnitId { get; private set; }
    public string? EscalatedToUnitName { get; private set; }
    public string? EscalationReason { get; private set; }
    public string? EscalatedBy { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public DateTimeOffset? EscalationAcceptedAt { get; private set; }

    /// <summary>Escalated and not yet taken by an officer of the unit above.</summary>
    public bool EscalationPending => EscalatedToUnitId is not null && EscalationAcceptedAt is null;

    /// <summary>The unit above that accepted the last escalation; the request stays the desk's record (its data scope) all along.</summary>
    public Guid? HeldByUnitId { get; private set; }

    /// <summary>The unit handling the request now: the desk's, or the last unit that accepted it on escalation.</summary>
    public Guid HoldingUnitId => HeldByUnitId ?? OrgUnitId;

    public IReadOnlyList<RequestTransfer> Transfers => _transfers;
    public IReadOnlyList<MaterialsNotice> Notices => _notices;
    public IReadOnlyList<RequestEvent> Events => _events;

    public IReadOnlyList<string> Supplied => SuppliedMaterials.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<MaterialItem> Missing => MaterialsChecklist.For(Kind).Where(m => !Supplied.Contains(m.Code)).ToList();

    /// <summary>"Mine" for an officer: he owns it, or he received it first and it was transferred on (he stays accountable).</summary>
    public bool IsMine(Guid userId) => OwnerId == userId || FirstResponderId == userId;

    public bool IsOpen => Status is RequestStatus.Submitted or RequestStatus.InHandling or RequestStatus.AwaitingMaterials;

    /// <summary>The human acknowledgement: the officer takes the request and becomes its first responder and owner.</summary>
    public void Take(DeskActor officer, bool complex, DateTimeOffset now)
    {
        if (Status is not RequestStatus.Submitted) throw new BusinessException(ServiceDeskErrorCodes.AlreadyTaken);
        FirstResponderId = OwnerId = officer.UserId;
        FirstResponderName = OwnerName = officer.Name;
        Complex = complex;
        AcknowledgedAt = now;
        Status = RequestStatus.InHandling;
        Log(now, "Taken", officer.Signature, complex ? "复杂诉求" : null);
    }

    /// <summary>Raised on a 大走访 visit by the officer himself: filed and taken in one step.</summary>
    public void RaisedOnVisit(Guid visitId, DeskActor officer, DateTimeOffset now)
    {
        VisitId = visitId;
        Take(officer, complex: false, now);
    }

    /// <summary>The owner hands it to a colleague or another department, with the reason; the first responder does not change.</summary>
    public void Transfer(DeskActor from, DeskActor? toColleague, string? toDepartment, string reason, DateTimeOffset now)
    {
        EnsureOwner(from.UserId);
        if (!IsOpen) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        if (toColleague is null && string.IsNullOrWhiteSpace(toDepartment)) throw new BusinessException(ServiceDeskErrorCodes.TransferTargetMissing);
        if (toColleague?.UserId == from.UserId) throw new BusinessException(ServiceDeskErrorCodes.TransferToSelf);
        _transfers.Add(new RequestTransfer(_transfers.Count + 1, from.UserId, from.Name, toColleague?.UserId, toColleague?.Name, toDepartment, reason, now));
        if (toColleague is not null)
        {
            OwnerId = toColleague.UserId;
            OwnerName = toColleague.Name;
            OwnerDepartment = null;
        }
        else OwnerDepartment = toDepartment;
        Log(now, "Transferred", from.Signature, $"{toColleague?.Name ?? toDepartment}：{reason}");
    }

    /// <summary>
    /// 上报: the owner sends an open request to the unit above the one holding it, with the reason. The request keeps its desk and its
    /// first responder (首问负责 stays with him); an officer of the unit above accepts it and becomes its owner.
    /// </summary>
    public void Escalate(DeskActor owner, Guid unitAboveId, string unitAboveName, string reason, DateTimeOffset now)
    {
        EnsureOwner(owner.UserId);
        if (!IsOpen) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        if (EscalationPending) throw new BusinessException(ServiceDeskErrorCodes.EscalationPending);
        if (string.IsNullOrWhiteSpace(reason)) throw new BusinessException(ServiceDeskErrorCodes.EscalationReasonRequired);
        EscalatedToUnitId = unitAboveId;
        EscalatedToUnitName = unitAboveName;
        EscalationReason = reason.Trim();
        EscalatedBy = owner.Name;
        EscalatedAt = now;
        EscalationAcceptedAt = null;
        Log(now, "Escalated", owner.Signature, $"{unitAboveName}：{EscalationReason}");
    }

    /// <summary>An officer of the unit the request was escalated to takes it over; the hand-over is a transfer on the record.</summary>
    public void AcceptEscalation(DeskActor officer, DateTimeOffset now)
    {
        if (!EscalationPending) throw new BusinessException(ServiceDeskErrorCodes.NotEscalated);
        if (!IsOpen) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        _transfers.Add(new RequestTransfer(_transfers.Count + 1, OwnerId!.Value, OwnerName ?? "", officer.UserId, officer.Name, null,
            "上报" + EscalatedToUnitName + "：" + EscalationReason, now));
        OwnerId = officer.UserId;
        OwnerName = officer.Name;
        OwnerDepartment = null;
        HeldByUnitId = EscalatedToUnitId;
        EscalationAcceptedAt = now;
        Log(now, "EscalationAccepted", officer.Signature, EscalatedToUnitName);
    }

    /// <summary>
    /// 一次性告知. The first notice lists every checklist item still missing plus any extra item, all at once. A later notice may
    /// ask again for an item of the first; an item that was not on the first needs the officer's reason, or it is refused.
    /// </summary>
    public MaterialsNotice IssueMaterialsNotice(DeskActor officer, IReadOnlyList<string> extraItems, string? reason, DateTimeOffset now)
    {
        EnsureOwner(officer.UserId);
        if (Status is not RequestStatus.InHandling) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        var extras = extraItems.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct().ToList();
        List<string> items;
        if (_notices.Count == 0)
        {
            items = [.. Missing.Select(m => m.Code), .. extras.Where(e => Missing.All(m => m.Code != e))];
            if (items.Count == 0) throw new BusinessException(ServiceDeskErrorCodes.NothingMissing);
        }
        else
        {
            if (extras.Count == 0) throw new BusinessException(ServiceDeskErrorCodes.NoticeItemsRequired);
            var first = _notices[0].ItemList;
            if (extras.Any(i => !first.Contains(i)) && string.IsNullOrWhiteSpace(reason))
                throw new BusinessException(ServiceDeskErrorCodes.ItemNotOnFirstNotice);
            items = extras;
        }
        var notice = new MaterialsNotice(_notices.Count + 1, items, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), officer.Signature, now);
        _notices.Add(notice);
        Status = RequestStatus.AwaitingMaterials;
        Log(now, "MaterialsNotice", officer.Signature, string.Join("、", items.Select(MaterialsChecklist.NameOf)));
        return notice;
    }

    public MaterialsNotice? OpenNotice => Status is RequestStatus.AwaitingMaterials ? _notices[^1] : null;

    /// <summary>The enterprise supplies items of the open notice; when every item is in, handling (and the feedback clock) resumes.</summary>
    public bool Supply(IReadOnlyList<string> items, string? actor, string? note, DateTimeOffset now)
    {
        var notice = OpenNotice ?? throw new BusinessException(ServiceDeskErrorCodes.NotAwaitingMaterials);
        var given = items.Select(i => i.Trim()).Distinct().ToList();
        if (given.Count == 0 || given.Any(i => !notice.ItemList.Contains(i))) throw new BusinessException(ServiceDeskErrorCodes.NotRequested);
        var checklist = MaterialsChecklist.For(Kind).Select(m => m.Code).ToHashSet();
        SuppliedMaterials = string.Join(',', Supplied.Union(given.Where(checklist.Contains)));
        notice.Supplied(given);
        Log(now, "MaterialsSupplied", actor, string.Join("、", given.Select(MaterialsChecklist.NameOf)) + (note is null ? "" : "：" + note));
        if (!notice.IsSatisfied) return false;
        notice.SatisfiedAt = now;
        Status = RequestStatus.InHandling;
        return true;
    }

    /// <summary>办结告知: only the owner concludes, and not while materials are awaited.</summary>
    public void Conclude(DeskActor officer, string result, DateTimeOffset now)
    {
        EnsureOwner(officer.UserId);
        if (Status is not RequestStatus.InHandling) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        Result = result;
        ConcludedAt = now;
        ConcludedBy = officer.Name;
        Status = RequestStatus.Concluded;
        Log(now, "Concluded", officer.Signature, result);
    }

    /// <summary>服务质量评价: once per conclusion; 不满意 needs a comment and goes to the desk head.</summary>
    public void Rate(ServiceRating rating, string? comment, string? actor, DateTimeOffset now)
    {
        if (Status is not RequestStatus.Concluded) throw new BusinessException(Rating is null ? ServiceDeskErrorCodes.NotConcluded : ServiceDeskErrorCodes.AlreadyRated);
        if (rating is ServiceRating.Dissatisfied && string.IsNullOrWhiteSpace(comment)) throw new BusinessException(ServiceDeskErrorCodes.DissatisfiedNeedsComment);
        Rating = rating;
        RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        RatedAt = now;
        Status = rating is ServiceRating.Dissatisfied ? RequestStatus.UnderReview : RequestStatus.Closed;
        Log(now, "Rated", actor, $"{rating}{(RatingComment is null ? "" : "：" + RatingComment)}");
    }

    /// <summary>The desk head's review of a 不满意: reopen it for the same owner (to be concluded and rated again), or uphold the conclusion.</summary>
    public void Review(bool reopen, string note, string? reviewer, DateTimeOffset now)
    {
        if (Status is not RequestStatus.UnderReview) throw new BusinessException(ServiceDeskErrorCodes.NotUnderReview);
        if (reopen)
        {
            Status = RequestStatus.InHandling;
            FeedbackClockKey = Guid.CreateVersion7();
            Rating = null;
            RatingComment = null;
            RatedAt = null;
            ConcludedAt = null;
            Result = null;
        }
        else Status = RequestStatus.Closed;
        Log(now, reopen ? "Reopened" : "ConclusionUpheld", reviewer, note);
    }

    /// <summary>A 涉法案件's route, once; the desk keeps following it until its outcome is recorded.</summary>
    public void RecordRoute(DeskActor officer, LegalRoute route, string? body, string? note, DateTimeOffset now, Guid? caseId = null, string? caseNumber = null,
        Guid? petitionId = null, string? petitionNumber = null)
    {
        EnsureRoutable(officer.UserId);
        // A petition route is the petition it created: without one the desk would follow nothing.
        if (route is LegalRoute.Petition != (petitionId is not null && petitionNumber is not null))
            throw new BusinessException(ServiceDeskErrorCodes.PetitionNeedsHandOff);
        Route = route;
        RouteBody = body;
        RouteNote = note;
        CaseId = caseId;
        CaseNumber = caseNumber;
        PetitionId = petitionId;
        PetitionNumber = petitionNumber;
        RouteRecordedAt = now;
        Log(now, "RouteRecorded", officer.Signature, $"{route}：{caseNumber ?? petitionNumber ?? body}");
    }

    public void EnsureRoutable(Guid officerId)
    {
        if (Kind is not RequestKind.LegalMatter) throw new BusinessException(ServiceDeskErrorCodes.NotALegalMatter);
        EnsureOwner(officerId);
        if (!IsOpen) throw new BusinessException(ServiceDeskErrorCodes.NotInHandling);
        if (Route is not null) throw new BusinessException(ServiceDeskErrorCodes.RouteAlreadyRecorded);
    }

    /// <summary>How the route ended (a judgment, an award, an agreement); once, so a repeated delivery changes nothing.</summary>
    public bool RecordRouteOutcome(string outcome, string? actor, DateTimeOffset now)
    {
        if (Route is null) throw new BusinessException(ServiceDeskErrorCodes.NoRoute);
        if (RouteOutcome is not null) return false;
        RouteOutcome = outcome;
        RouteOutcomeAt = now;
        Log(now, "RouteOutcome", actor, outcome);
        return true;
    }

    /// <summary>
    /// A file joins the request. The enterprise adds files while the request is open, and names only an item its kind's checklist or
    /// a materials notice asks for; the desk may add to any request it holds.
    /// </summary>
    public void AttachmentAdded(string fileName, string? material, bool fromEnterprise, string? actor, DateTimeOffset now)
    {
        if (fromEnterprise && !IsOpen) throw new BusinessException(ServiceDeskErrorCodes.RequestClosed);
        if (material is not null && !RequestableMaterials().Contains(material)) throw new BusinessException(ServiceDeskErrorCodes.UnknownMaterial,
            new Dictionary<string, object?> { ["item"] = material });
        Log(now, "AttachmentAdded", actor, material is null ? fileName : $"{MaterialsChecklist.NameOf(material)}：{fileName}");
    }

    /// <summary>What a file may answer: the kind's checklist and every item a materials notice named.</summary>
    public IReadOnlySet<string> RequestableMaterials() =>
        MaterialsChecklist.For(Kind).Select(m => m.Code).Concat(_notices.SelectMany(n => n.ItemList)).ToHashSet();

    public void AcknowledgementIssued(Guid documentId) => AcknowledgementDocumentId = documentId;

    public void CompletionNoticeIssued(Guid documentId) => CompletionDocumentId = documentId;

    private void EnsureOwner(Guid userId)
    {
        if (OwnerId is null) throw new BusinessException(ServiceDeskErrorCodes.NotTaken);
        if (OwnerId != userId) throw new ForbiddenException(ServiceDeskErrorCodes.NotOwner);
    }

    private void Log(DateTimeOffset at, string kind, string? actor, string? note) =>
        _events.Add(new RequestEvent(_events.Count + 1, at, kind, actor, note is { Length: > 1000 } ? note[..1000] : note));
}

public sealed class RequestTransfer
{
    private RequestTransfer() { }

    public RequestTransfer(int sequence, Guid fromUserId, string fromName, Guid? toUserId, string? toName, string? toDepartment, string reason, DateTimeOffset at)
    {
        Sequence = sequence;
        FromUserId = fromUserId;
        FromName = fromName;
        ToUserId = toUserId;
        ToName = toName;
        ToDepartment = toDepartment;
        Reason = reason;
        At = at;
    }

    public int Sequence { get; private set; }
    public Guid FromUserId { get; private set; }
    public string FromName { get; private set; } = "";
    public Guid? ToUserId { get; private set; }
    public string? ToName { get; private set; }
    public string? ToDepartment { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

public sealed class MaterialsNotice
{
    private MaterialsNotice() { }

    public MaterialsNotice(int sequence, IReadOnlyList<string> items, string? reason, string? issuedBy, DateTimeOffset issuedAt)
    {
        Sequence = sequence;
        Items = string.Join('\n', items);
        Reason = reason;
        IssuedBy = issuedBy;
        IssuedAt = issuedAt;
    }

    public int Sequence { get; private set; }
    /// <summary>Checklist codes or extra items the officer named, one per line.</summary>
    public string Items { get; private set; } = "";
    public string? SuppliedItems { get; private set; }
    public string? Reason { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public DateTimeOffset? SatisfiedAt { get; internal set; }
    public Guid? DocumentId { get; internal set; }

    public IReadOnlyList<string> ItemList => Items.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> SuppliedList => (SuppliedItems ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public bool IsSatisfied => ItemList.All(SuppliedList.Contains);

    internal void Supplied(IEnumerable<string> items) => SuppliedItems = string.Join('\n', SuppliedList.Union(items));
}

/// <summary>One line of the request's timeline (the 工作台账 shows it): what happened, when, by whom.</summary>
public sealed class RequestEvent
{
    private RequestEvent() { }

    public RequestEvent(int sequence, DateTimeOffset at, string kind, string? actor, string? note)
    {
        Sequence = sequence;
        At = at;
        Kind = kind;
        Actor = actor;
        Note = note;
    }

    public int Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Kind { get; private set; } = "";
    public string? Actor { get; private set; }
    public string? Note { get; private set; }
}
