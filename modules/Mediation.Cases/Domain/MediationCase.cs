using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Numbering;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.Cases.Domain;

/// <summary>
/// A dispute under people's mediation. Registration requires two or more parties, each consenting
/// (人民调解法 Art. 17), and at least one mediator of the committee. The risk grade (四色预警) is
/// set at registration and re-assessed later; every assessment is kept.
/// </summary>
public sealed class MediationCase : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<CaseParty> _parties = [];
    private readonly List<CaseMediator> _mediators = [];
    private readonly List<RiskAssessment> _riskHistory = [];
    private readonly List<CaseSession> _sessions = [];
    private readonly List<SessionStatement> _statements = [];
    private readonly List<AgreementTerm> _terms = [];
    private readonly List<TermContinuation> _continuations = [];
    private readonly List<SessionParticipant> _participants = [];
    private readonly List<CaseEvent> _events = [];

    // The highest event number when the case's events were not loaded (IssuingAgreement); 0 for a case read whole.
    private int _lastEventNotLoaded;

    private MediationCase() { }

    /// <summary>
    /// The case as issuing its 调解协议书 changes it, for a caller that read only what the document prints (issue 17: reading the case
    /// whole joined its nine owned tables for every agreement): attached, it saves the same UPDATE (the link and the stamp, checked
    /// against the stamp read), the same next event and the same audit rows as the case read whole. Nothing else may be done with it.
    /// </summary>
    internal static MediationCase IssuingAgreement(Guid id, Guid orgUnitId, string concurrencyStamp, CaseOutcome? outcome, Guid? agreementDocumentId,
        DateTimeOffset? concludedAt, int lastEventSequence) => new()
    {
        Id = id,
        OrgUnitId = orgUnitId,
        ConcurrencyStamp = concurrencyStamp,
        Outcome = outcome,
        AgreementDocumentId = agreementDocumentId,
        ConcludedAt = concludedAt,
        _lastEventNotLoaded = lastEventSequence,
    };

    public Guid CommitteeId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public int Year { get; private set; }
    public int SequenceNumber { get; private set; }
    public string Number { get; private set; } = "";
    public DisputeType DisputeType { get; private set; }
    public string Summary { get; private set; } = "";
    public decimal? AmountInDispute { get; private set; }
    public string? Place { get; private set; }
    public CaseSource Source { get; private set; }
    public string? SourceRecordId { get; private set; }
    public CaseStatus Status { get; private set; }
    public RiskGrade RiskGrade { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public IReadOnlyList<CaseParty> Parties => _parties;
    public IReadOnlyList<CaseMediator> Mediators => _mediators;
    public IReadOnlyList<RiskAssessment> RiskHistory => _riskHistory;
    public IReadOnlyList<CaseSession> Sessions => _sessions;
    public IReadOnlyList<SessionStatement> Statements => _statements;
    public IReadOnlyList<SessionParticipant> Participants => _participants;

    public CaseOutcome? Outcome { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? ConcludedBy { get; private set; }
    public string? AgreementFacts { get; private set; }
    public string? DisputedPoints { get; private set; }
    public string? Responsibilities { get; private set; }
    public IReadOnlyList<AgreementTerm> Terms => _terms;
    public string? Performance { get; private set; }
    public string? OralRecord { get; private set; }
    public string? TerminationReason { get; private set; }
    public bool MayTurnCriminal { get; private set; }
    public DateOnly? ReportedToPoliceOn { get; private set; }
    public Guid? AgreementDocumentId { get; private set; }
    public DateTimeOffset? AgreementSignedAt { get; private set; }
    public CourtDecision? CourtDecision { get; private set; }
    public DateOnly? CourtDecidedOn { get; private set; }
    public string? CourtName { get; private set; }
    public Guid? TerminationNoticeDocumentId { get; private set; }
    public string? PoliceStation { get; private set; }
    public DateOnly? BecameCriminalOn { get; private set; }
    public string? BecameCriminalNote { get; private set; }
    public DateOnly? JudicialAppliedOn { get; private set; }
    public DateTimeOffset? ReopenedAt { get; private set; }
    public IReadOnlyList<TermContinuation> Continuations => _continuations;

    /// <summary>The case's history in the order its steps were recorded; a reopened case keeps the conclusion it had.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    public static MediationCase Register(Guid id, MediationCommittee committee, CaseNumber number, DisputeType disputeType, string summary,
        decimal? amount, string? place, CaseSource source, string? sourceRecordId, IReadOnlyList<CaseParty> parties,
        IReadOnlyList<Guid> mediatorIds, RiskGrade riskGrade, string? riskReason, string? assessedBy, DateTimeOffset now)
    {
        if (parties.Count < 2) throw new BusinessException(CasesErrorCodes.TooFewParties);
        if (parties.Any(p => !p.ConsentsToMediation)) throw new BusinessException(CasesErrorCodes.PartyConsentMissing);
        if (mediatorIds.Count == 0) throw new BusinessException(CasesErrorCodes.NoMediator);
        if (mediatorIds.Any(m => !committee.HasMediator(m))) throw new BusinessException(CasesErrorCodes.MediatorNotInCommittee);

        var mediationCase = new MediationCase
        {
            Id = id,
            CommitteeId = committee.Id,
            OrgUnitId = committee.OrgUnitId,
            Year = number.Year,
            SequenceNumber = number.Sequence,
            Number = number.Format(committee.ShortName),
            DisputeType = disputeType,
            Summary = summary,
            AmountInDispute = amount,
            Place = place,
            Source = source,
            SourceRecordId = sourceRecordId,
            Status = CaseStatus.Registered,
            RiskGrade = riskGrade,
            RegisteredAt = now,
        };
        for (var i = 0; i < parties.Count; i++) parties[i].Position = i + 1;
        mediationCase._parties.AddRange(parties);
        mediationCase._mediators.AddRange(mediatorIds.Distinct().Select(m => new CaseMediator(m)));
        mediationCase._riskHistory.Add(new RiskAssessment(riskGrade, riskReason, now, assessedBy));
        mediationCase.Log(CaseEventKind.Registered, now, assessedBy, null);
        mediationCase.Log(CaseEventKind.RiskAssessed, now, assessedBy, riskReason);
        return mediationCase;
    }

    /// <summary>Re-assesses the risk; returns true when the case has just been raised to red.</summary>
    public bool AssessRisk(RiskGrade grade, string? reason, string? assessedBy, DateTimeOffset now) =>
        AssessRisk(grade, reason, null, assessedBy, now);

    /// <summary>
    /// Re-assesses the risk. Seeing that the dispute may turn criminal is reported to the police then, not at the
    /// conclusion (人民调解法 Art. 25: 对有可能引起治安案件、刑事案件的纠纷，应当及时向当地公安机关或者其他有关部门报告),
    /// so that assessment records the report's date and station. Returns true when the case has just been raised to red.
    /// </summary>
    public bool AssessRisk(RiskGrade grade, string? reason, PoliceReport? policeReport, string? assessedBy, DateTimeOffset now)
    {
        EnsureOpen();
        if (grade == RiskGrade && policeReport is null) throw new BusinessException(CasesErrorCodes.SameRiskGrade);
        if (policeReport is not null) ReportToPolice(policeReport, now);
        var raisedToRed = grade is RiskGrade.Red && RiskGrade is not RiskGrade.Red;
        RiskGrade = grade;
        _riskHistory.Add(new RiskAssessment(grade, reason, now, assessedBy));
        Log(CaseEventKind.RiskAssessed, now, assessedBy, reason);
        return raisedToRed;
    }

    private void ReportToPolice(PoliceReport report, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(report.Station)) throw new BusinessException(CasesErrorCodes.PoliceReportMissing);
        if (report.ReportedOn > ChinaTime.DateOf(now) || report.ReportedOn < ChinaTime.DateOf(RegisteredAt))
            throw new BusinessException(CasesErrorCodes.PoliceReportDateOutOfRange);
        MayTurnCriminal = true;
        ReportedToPoliceOn = report.ReportedOn;
        PoliceStation = report.Station.Trim();
    }

    /// <summary>
    /// 民转刑: the dispute actually became a criminal case (a police or prosecution file was opened). A separate, later
    /// record from the Art. 25 risk flag; it is what the 民转刑 figure counts. Recorded once, open or concluded.
    /// </summary>
    public void RecordBecameCriminal(DateOnly on, string note, DateTimeOffset now, string? recordedBy = null)
    {
        if (BecameCriminalOn is not null) throw new BusinessException(CasesErrorCodes.BecameCriminalRecorded);
        if (on > ChinaTime.DateOf(now) || on < ChinaTime.DateOf(RegisteredAt)) throw new BusinessException(CasesErrorCodes.BecameCriminalDateOutOfRange);
        BecameCriminalOn = on;
        BecameCriminalNote = note;
        Log(CaseEventKind.BecameCriminal, now, recordedBy, note);
    }

    public void AssignMediators(MediationCommittee committee, IReadOnlyList<Guid> mediatorIds)
    {
        EnsureOpen();
        if (mediatorIds.Count == 0) throw new BusinessException(CasesErrorCodes.NoMediator);
        if (mediatorIds.Any(m => !committee.HasMediator(m))) throw new BusinessException(CasesErrorCodes.MediatorNotInCommittee);
        _mediators.RemoveAll(m => !mediatorIds.Contains(m.UserId));
        _mediators.AddRange(mediatorIds.Distinct().Where(m => _mediators.All(x => x.UserId != m)).Select(m => new CaseMediator(m)));
    }

    /// <summary>Records a session (调解笔录); the first one starts the mediation.</summary>
    public CaseSession RecordSession(DateTimeOffset heldAt, string place, IReadOnlyList<string> attendees, string minutes,
        IReadOnlyList<(Guid PartyId, string Statement)> statements, string? recordedBy, DateTimeOffset now)
    {
        EnsureOpen();
        if (statements.Any(s => _parties.All(p => p.Id != s.PartyId))) throw new BusinessException(CasesErrorCodes.PartyNotInCase);
        var session = new CaseSession(_sessions.Count + 1, heldAt, place, string.Join('\n', attendees), minutes, recordedBy, now);
        _sessions.Add(session);
        _statements.AddRange(statements.Select(s => new SessionStatement(session.Number, s.PartyId, s.Statement)));
        if (Status is CaseStatus.Registered) Status = CaseStatus.InMediation;
        Log(CaseEventKind.Session, heldAt, recordedBy, place);
        return session;
    }

    /// <summary>
    /// 人民调解法 Art. 20: with the parties' consent the mediator may invite people of special knowledge or experience — a village's
    /// legal advisor — to take part. Recorded against a session on record, also after the conclusion, but not once its 调解笔录 is
    /// printed: the archived copy names everyone who took part.
    /// </summary>
    public SessionParticipant AddSessionParticipant(int sessionNumber, string name, ParticipantRole role, string? organisation, string? capacity,
        string? sourceRecordId, bool partiesConsented, string? recordedBy, DateTimeOffset now)
    {
        var session = _sessions.FirstOrDefault(s => s.Number == sessionNumber)
            ?? throw new BusinessException(CasesErrorCodes.SessionNotFound, new Dictionary<string, object?> { ["session"] = sessionNumber });
        session.EnsureMinutesCanBeIssued();
        if (!partiesConsented) throw new BusinessException(CasesErrorCodes.ParticipantConsentMissing);
        if (_participants.Any(p => p.SessionNumber == sessionNumber && p.Name == name))
            throw new BusinessException(CasesErrorCodes.AlreadyParticipant, new Dictionary<string, object?> { ["name"] = name, ["session"] = sessionNumber });
        var participant = new SessionParticipant(sessionNumber, name, role, organisation, capacity, sourceRecordId, recordedBy, now);
        _participants.Add(participant);
        return participant;
    }

    public void Conclude(CaseConclusion conclusion, string? concludedBy, DateTimeOffset now)
    {
        EnsureOpen();
        switch (conclusion.Outcome)
        {
            case CaseOutcome.Succeeded when string.IsNullOrWhiteSpace(conclusion.Facts) || string.IsNullOrWhiteSpace(conclusion.DisputedPoints)
                                            || string.IsNullOrWhiteSpace(conclusion.Responsibilities) || conclusion.Terms.Count == 0:
                throw new BusinessException(CasesErrorCodes.AgreementIncomplete);
            case CaseOutcome.OralAgreement when string.IsNullOrWhiteSpace(conclusion.OralRecord):
                throw new BusinessException(CasesErrorCodes.OralRecordMissing);
            case CaseOutcome.Terminated when string.IsNullOrWhiteSpace(conclusion.Reason):
                throw new BusinessException(CasesErrorCodes.TerminationReasonMissing);
        }
        if (conclusion.MayTurnCriminal && conclusion.ReportedToPoliceOn is null && ReportedToPoliceOn is null)
            throw new BusinessException(CasesErrorCodes.PoliceReportMissing);

        var written = conclusion.Outcome is CaseOutcome.Succeeded;
        Outcome = conclusion.Outcome;
        AgreementFacts = written ? conclusion.Facts : null;
        DisputedPoints = written ? conclusion.DisputedPoints : null;
        Responsibilities = written ? conclusion.Responsibilities : null;
        Performance = written ? conclusion.Performance : null;
        if (written) _terms.AddRange(conclusion.Terms.Select((t, i) => new AgreementTerm(i + 1, t.Description, t.Amount, t.DueOn)));
        OralRecord = conclusion.Outcome is CaseOutcome.OralAgreement ? conclusion.OralRecord : null;
        TerminationReason = conclusion.Outcome is CaseOutcome.Terminated or CaseOutcome.Failed ? conclusion.Reason : null;
        // A risk reported during the mediation (Art. 25) stays on record whatever the conclusion says.
        MayTurnCriminal |= conclusion.MayTurnCriminal;
        if (conclusion.MayTurnCriminal && conclusion.ReportedToPoliceOn is { } reportedOn) ReportedToPoliceOn = reportedOn;
        Status = CaseStatus.Concluded;
        ConcludedAt = now;
        ConcludedBy = concludedBy;
        Log(CaseEventKind.Concluded, now, concludedBy, conclusion.Outcome.ToString());
    }

    /// <summary>Art. 26: parties whose dispute was not settled are told the routes open to it, and only those.</summary>
    public IReadOnlyList<OtherRoute> OtherRoutes => Outcome is CaseOutcome.Failed or CaseOutcome.Terminated ? RoutesOpenTo(DisputeType) : [];

    /// <summary>
    /// 婚姻家庭 disputes cannot be arbitrated (仲裁法 Art. 3 (一)); a labour dispute goes to labour arbitration before any
    /// court (劳动争议调解仲裁法 Art. 5), which the notice words for that route.
    /// </summary>
    public static IReadOnlyList<OtherRoute> RoutesOpenTo(DisputeType disputeType) => disputeType switch
    {
        DisputeType.MarriageFamily => [OtherRoute.Administrative, OtherRoute.Court],
        DisputeType.Labour => [OtherRoute.Arbitration, OtherRoute.Court],
        _ => [OtherRoute.Arbitration, OtherRoute.Administrative, OtherRoute.Court],
    };

    public void AgreementIssued(Guid documentId, string? number = null, DateTimeOffset? issuedAt = null, string? issuedBy = null)
    {
        if (Outcome is not CaseOutcome.Succeeded) throw new BusinessException(CasesErrorCodes.NoWrittenAgreement);
        if (AgreementDocumentId is not null) throw new BusinessException(CasesErrorCodes.AgreementAlreadyIssued);
        AgreementDocumentId = documentId;
        Log(CaseEventKind.AgreementIssued, issuedAt ?? ConcludedAt!.Value, issuedBy, number);
    }

    public void EnsureAgreementCanBeIssued()
    {
        if (Outcome is not CaseOutcome.Succeeded) throw new BusinessException(CasesErrorCodes.NoWrittenAgreement);
        if (AgreementDocumentId is not null) throw new BusinessException(CasesErrorCodes.AgreementAlreadyIssued);
    }

    /// <summary>
    /// The last signature or seal was put on the written agreement: it takes effect that day (Art. 29 ¶2) and the
    /// 30 days to apply for judicial confirmation start (Art. 33). It cannot be signed before it was concluded, nor later than now.
    /// </summary>
    public void MarkAgreementSigned(DateTimeOffset signedAt, DateTimeOffset now, string? recordedBy = null)
    {
        if (Outcome is not CaseOutcome.Succeeded) throw new BusinessException(CasesErrorCodes.NoWrittenAgreement);
        if (AgreementDocumentId is null) throw new BusinessException(CasesErrorCodes.AgreementNotIssued);
        if (AgreementSignedAt is not null) throw new BusinessException(CasesErrorCodes.AgreementAlreadySigned);
        if (ChinaTime.DateOf(signedAt) < ChinaTime.DateOf(ConcludedAt!.Value) || signedAt > now.AddMinutes(5))
            throw new BusinessException(CasesErrorCodes.SigningDateOutOfRange);
        AgreementSignedAt = signedAt;
        Log(CaseEventKind.AgreementSigned, signedAt, recordedBy, null);
    }

    /// <summary>
    /// The day the agreement took effect: a written one when the last signature or seal was recorded (Art. 29 ¶2), an
    /// oral one on the day it was reached, i.e. the conclusion the mediator recorded (Arts. 28, 30); none otherwise.
    /// </summary>
    public DateOnly? AgreementEffectiveOn => Outcome switch
    {
        CaseOutcome.Succeeded when AgreementSignedAt is { } signedAt => ChinaTime.DateOf(signedAt),
        CaseOutcome.OralAgreement => ChinaTime.DateOf(ConcludedAt!.Value),
        _ => null,
    };

    /// <summary>
    /// The parties applied jointly to a court for 司法确认 (Art. 33; 民事诉讼法 Art. 205): the reminders of the 30-day
    /// window stop. An application after the window is recorded all the same — the court decides whether to accept it.
    /// </summary>
    public void RecordJudicialApplication(string court, DateOnly appliedOn, DateTimeOffset now, string? recordedBy = null)
    {
        if (AgreementEffectiveOn is not { } effectiveOn || Outcome is not CaseOutcome.Succeeded) throw new BusinessException(CasesErrorCodes.AgreementNotSigned);
        if (JudicialAppliedOn is not null) throw new BusinessException(CasesErrorCodes.JudicialApplicationRecorded);
        if (appliedOn < effectiveOn || appliedOn > ChinaTime.DateOf(now)) throw new BusinessException(CasesErrorCodes.JudicialApplicationDateOutOfRange);
        JudicialAppliedOn = appliedOn;
        CourtName = court;
        Log(CaseEventKind.JudicialApplied, ChinaTime.StartOfDay(appliedOn), recordedBy, court);
    }

    /// <summary>The court's answer to the application: confirmed, refused (协议无效或驳回申请), not accepted, or withdrawn.</summary>
    public void RecordCourtDecision(CourtDecision decision, DateOnly decidedOn, string? courtName, string? recordedBy = null)
    {
        if (AgreementSignedAt is null) throw new BusinessException(CasesErrorCodes.AgreementNotSigned);
        if (JudicialAppliedOn is null) throw new BusinessException(CasesErrorCodes.JudicialApplicationMissing);
        if (CourtDecision is not null) throw new BusinessException(CasesErrorCodes.CourtDecisionRecorded);
        if (decidedOn < JudicialAppliedOn) throw new BusinessException(CasesErrorCodes.JudicialApplicationDateOutOfRange);
        CourtDecision = decision;
        CourtDecidedOn = decidedOn;
        if (!string.IsNullOrWhiteSpace(courtName)) CourtName = courtName;
        Log(CaseEventKind.CourtDecision, ChinaTime.StartOfDay(decidedOn), recordedBy, decision.ToString());
    }

    /// <summary>
    /// 司法确认 is not available for an agreement on personal status (最高人民法院关于适用《民事诉讼法》的解释 第三百五十五条:
    /// 涉及确认身份关系的，人民法院裁定不予受理); a marriage and family agreement may be one, so the committee is warned.
    /// </summary>
    public bool MayConcernPersonalStatus => DisputeType is DisputeType.MarriageFamily && Outcome is CaseOutcome.Succeeded or CaseOutcome.OralAgreement;

    /// <summary>
    /// After the court refused to confirm the agreement the parties may change it or reach a new one by mediation (Art. 33 ¶2):
    /// the case is open again; the refused agreement stays in the archive and the audit trail.
    /// </summary>
    public void ReopenAfterRefusal(DateTimeOffset now, string? reopenedBy = null)
    {
        if (CourtDecision is not global::Mediation.Cases.CourtDecision.Refused) throw new BusinessException(CasesErrorCodes.NotRefusedByCourt);
        Status = _sessions.Count > 0 ? CaseStatus.InMediation : CaseStatus.Registered;
        Outcome = null;
        ConcludedAt = null;
        ConcludedBy = null;
        AgreementFacts = DisputedPoints = Responsibilities = Performance = OralRecord = TerminationReason = null;
        _terms.Clear();
        AgreementDocumentId = null;
        AgreementSignedAt = null;
        JudicialAppliedOn = null;
        CourtDecision = null;
        CourtDecidedOn = null;
        CourtName = null;
        ReopenedAt = now;
        Log(CaseEventKind.Reopened, now, reopenedBy, null);
    }

    /// <summary>
    /// Mediation goes beyond its term only with every party's consent, recorded (《人民调解工作若干规定》: 一般在一个月内调结).
    /// </summary>
    public TermContinuation ContinueMediation(IReadOnlyList<Guid> consentingPartyIds, DateOnly consentedOn, DateOnly? previousDueDate,
        DateOnly newDueDate, string? note, string? recordedBy, DateTimeOffset now)
    {
        EnsureOpen();
        if (consentingPartyIds.Any(id => _parties.All(p => p.Id != id))) throw new BusinessException(CasesErrorCodes.PartyNotInCase);
        var missing = _parties.OrderBy(p => p.Position).FirstOrDefault(p => !consentingPartyIds.Contains(p.Id));
        if (missing is not null)
            throw new BusinessException(CasesErrorCodes.ContinuationConsentMissing, new Dictionary<string, object?> { ["party"] = missing.Name });
        if (previousDueDate is { } previous && newDueDate <= previous)
            throw new BusinessException(CasesErrorCodes.TermNotLonger, new Dictionary<string, object?> { ["due"] = previous.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var continuation = new TermContinuation(_continuations.Count + 1, string.Join(',', _parties.OrderBy(p => p.Position).Select(p => p.Id)),
            consentedOn, previousDueDate, newDueDate, note, recordedBy, now);
        _continuations.Add(continuation);
        Log(CaseEventKind.TermContinued, now, recordedBy, newDueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        return continuation;
    }

    public void EnsureTerminationNoticeCanBeIssued()
    {
        if (Outcome is not (CaseOutcome.Failed or CaseOutcome.Terminated)) throw new BusinessException(CasesErrorCodes.NotTerminated);
        if (TerminationNoticeDocumentId is not null) throw new BusinessException(CasesErrorCodes.TerminationNoticeAlreadyIssued);
    }

    /// <summary>终止调解告知书 (Art. 26) issued into the archive.</summary>
    public void TerminationNoticeIssued(Guid documentId)
    {
        EnsureTerminationNoticeCanBeIssued();
        TerminationNoticeDocumentId = documentId;
    }

    public CaseSession Session(int number) =>
        _sessions.FirstOrDefault(s => s.Number == number) ?? throw new EntityNotFoundException(nameof(CaseSession), number);

    private void Log(CaseEventKind kind, DateTimeOffset at, string? actor, string? detail) =>
        _events.Add(new CaseEvent((_events.Count == 0 ? _lastEventNotLoaded : _events.Max(e => e.Sequence)) + 1, kind, at.ToUniversalTime(), actor,
            detail is { Length: > CaseEvent.MaxDetailLength } ? detail[..CaseEvent.MaxDetailLength] : detail));

    private void EnsureOpen()
    {
        if (Status is CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.AlreadyConcluded);
    }
}

/// <summary>The police were told the dispute may turn criminal (Art. 25): when, and which station.</summary>
public sealed record PoliceReport(DateOnly ReportedOn, string Station);

public sealed record CaseConclusion(CaseOutcome Outcome, string? Facts, string? DisputedPoints, string? Responsibilities,
    IReadOnlyList<AgreementTermInput> Terms, string? Performance, string? OralRecord, string? Reason, bool MayTurnCriminal, DateOnly? ReportedToPoliceOn);

public sealed class CaseSession
{
    private CaseSession() { }

    public CaseSession(int number, DateTimeOffset heldAt, string place, string attendees, string minutes, string? recordedBy, DateTimeOffset recordedAt)
    {
        Number = number;
        HeldAt = heldAt;
        Place = place;
        Attendees = attendees;
        Minutes = minutes;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Number { get; private set; }
    public DateTimeOffset HeldAt { get; private set; }
    public string Place { get; private set; } = "";
    /// <summary>One attendee a line.</summary>
    public string Attendees { get; private set; } = "";
    public string Minutes { get; private set; } = "";
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>The printed 调解笔录 in the archive: printed once, reprinted from there, so every copy is the same.</summary>
    public Guid? MinutesDocumentId { get; private set; }

    public void EnsureMinutesCanBeIssued()
    {
        if (MinutesDocumentId is not null) throw new BusinessException(CasesErrorCodes.MinutesAlreadyIssued, new Dictionary<string, object?> { ["session"] = Number });
    }

    public void MinutesIssued(Guid documentId)
    {
        EnsureMinutesCanBeIssued();
        MinutesDocumentId = documentId;
    }
}

/// <summary>Every party consented to continue mediation past the term; the term clock was extended to <see cref="NewDueDate"/>.</summary>
public sealed class TermContinuation
{
    private TermContinuation() { }

    public TermContinuation(int sequence, string consentingPartyIds, DateOnly consentedOn, DateOnly? previousDueDate, DateOnly newDueDate,
        string? note, string? recordedBy, DateTimeOffset recordedAt)
    {
        Sequence = sequence;
        ConsentingPartyIds = consentingPartyIds;
        ConsentedOn = consentedOn;
        PreviousDueDate = previousDueDate;
        NewDueDate = newDueDate;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Sequence { get; private set; }
    /// <summary>Comma-separated party ids, in party order.</summary>
    public string ConsentingPartyIds { get; private set; } = "";
    public DateOnly ConsentedOn { get; private set; }
    public DateOnly? PreviousDueDate { get; private set; }
    public DateOnly NewDueDate { get; private set; }
    public string? Note { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public int Days => PreviousDueDate is { } previous ? NewDueDate.DayNumber - previous.DayNumber : 0;
}

/// <summary>Someone who took part in a session at the mediator's invitation (Art. 20), with the record of the module that sent him.</summary>
public sealed class SessionParticipant
{
    private SessionParticipant() { }

    public SessionParticipant(int sessionNumber, string name, ParticipantRole role, string? organisation, string? capacity, string? sourceRecordId,
        string? recordedBy, DateTimeOffset recordedAt)
    {
        SessionNumber = sessionNumber;
        Name = name;
        Role = role;
        Organisation = organisation;
        Capacity = capacity;
        SourceRecordId = sourceRecordId;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int SessionNumber { get; private set; }
    public string Name { get; private set; } = "";
    public ParticipantRole Role { get; private set; }
    public string? Organisation { get; private set; }
    public string? Capacity { get; private set; }
    public string? SourceRecordId { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>What one party said at one session.</summary>
public sealed class SessionStatement
{
    private SessionStatement() { }

    public SessionStatement(int sessionNumber, Guid partyId, string statement)
    {
        SessionNumber = sessionNumber;
        PartyId = partyId;
        Statement = statement;
    }

    public int SessionNumber { get; private set; }
    public Guid PartyId { get; private set; }
    public string Statement { get; private set; } = "";
}

public sealed class AgreementTerm
{
    private AgreementTerm() { }

    public AgreementTerm(int number, string? description, decimal? amount, DateOnly? dueOn)
    {
        Number = number;
        Description = description ?? "";
        Amount = amount;
        DueOn = dueOn;
    }

    public int Number { get; private set; }
    public string Description { get; private set; } = "";
    public decimal? Amount { get; private set; }
    public DateOnly? DueOn { get; private set; }
}

/// <summary>泰山调〔2026〕1号: committee short name, year, a per-committee, per-year gap-free sequence.</summary>
public sealed record CaseNumber(int Year, int Sequence)
{
    public const string Kind = "cases.case";

    public string Format(string committeeShortName) => OfficialNumber.Format(committeeShortName + "调", Year, Sequence);
}

public sealed class CaseParty
{
    private CaseParty() { }

    public Guid Id { get; private set; }
    /// <summary>The order the parties were registered in (甲方, 乙方, …).</summary>
    public int Position { get; internal set; }
    public PartyKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>A person's identity document; its number (whatever the kind) is kept in the IdCard* columns.</summary>
    public IdDocumentKind? IdDocumentKind { get; private set; }
    public string? IdCardMasked { get; private set; }
    public string? IdCardCipher { get; private set; }
    public string? IdCardHash { get; private set; }
    /// <summary>Why a person has no identity document recorded.</summary>
    public string? NoIdReason { get; private set; }
    public string? CreditCode { get; private set; }
    public string? Representative { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? Address { get; private set; }
    public bool ConsentsToMediation { get; private set; }
    /// <summary>法定代理人 of a party without full capacity (a minor, for instance).</summary>
    public string? LegalRepresentative { get; private set; }
    /// <summary>委托代理人 the party appointed.</summary>
    public string? Agent { get; private set; }

    public CaseParty RepresentedBy(string? legalRepresentative, string? agent)
    {
        LegalRepresentative = string.IsNullOrWhiteSpace(legalRepresentative) ? null : legalRepresentative.Trim();
        Agent = string.IsNullOrWhiteSpace(agent) ? null : agent.Trim();
        return this;
    }

    public static CaseParty Person(string name, ProtectedValue idCard, ProtectedValue? phone, string? address, bool consents) =>
        Person(name, Mediation.Core.PersonalData.IdDocumentKind.ResidentIdCard, idCard, null, phone, address, consents);

    /// <summary>A person with the document he gave, or none (<paramref name="document"/> null) and the reason.</summary>
    public static CaseParty Person(string name, IdDocumentKind kind, ProtectedValue? document, string? noIdReason, ProtectedValue? phone, string? address,
        bool consents) => new()
    {
        Id = Guid.CreateVersion7(), Kind = PartyKind.Person, Name = name, IdDocumentKind = kind, NoIdReason = noIdReason,
        IdCardMasked = document?.Masked, IdCardCipher = document?.Cipher, IdCardHash = document?.Hash,
        PhoneMasked = phone?.Masked, PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash,
        Address = address, ConsentsToMediation = consents,
    };

    public static CaseParty Organisation(string name, string creditCode, string? representative, ProtectedValue? phone, string? address, bool consents) => new()
    {
        Id = Guid.CreateVersion7(), Kind = PartyKind.Organisation, Name = name, CreditCode = creditCode, Representative = representative,
        PhoneMasked = phone?.Masked, PhoneCipher = phone?.Cipher, PhoneHash = phone?.Hash,
        Address = address, ConsentsToMediation = consents,
    };
}

public sealed class CaseMediator
{
    private CaseMediator() { }

    public CaseMediator(Guid userId) => UserId = userId;

    public Guid UserId { get; private set; }
}

public sealed class RiskAssessment
{
    private RiskAssessment() { }

    public RiskAssessment(RiskGrade grade, string? reason, DateTimeOffset assessedAt, string? assessedBy)
    {
        Grade = grade;
        Reason = reason;
        AssessedAt = assessedAt;
        AssessedBy = assessedBy;
    }

    public RiskGrade Grade { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset AssessedAt { get; private set; }
    public string? AssessedBy { get; private set; }
}


/// <summary>One step of a case's history. <see cref="Sequence"/> is the order the steps were recorded in, which is the order the
/// timeline reads: steps of the same second, or a signing entered to the minute, cannot swap.</summary>
public sealed class CaseEvent
{
    public const int MaxDetailLength = 500;

    private CaseEvent() { }

    public CaseEvent(int sequence, CaseEventKind kind, DateTimeOffset at, string? actor, string? detail)
    {
        Sequence = sequence;
        Kind = kind;
        At = at;
        Actor = actor;
        Detail = detail;
    }

    public int Sequence { get; private set; }
    public CaseEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Actor { get; private set; }
    public string? Detail { get; private set; }
}
