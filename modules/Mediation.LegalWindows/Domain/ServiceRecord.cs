using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;

namespace Mediation.LegalWindows.Domain;

/// <summary>What a consultation, errand, welfare event or mediation at the window records about the matter.</summary>
public sealed record ServiceDetails(string? Matter, string? Advice, int? Minutes, string? LawsCited, bool FollowUpNeeded, string? FollowUpNote,
    string? Topic, string? Place, int? Attendance);

public sealed record ServedPerson(string Name, ProtectedValue? IdCard, ProtectedValue? Phone);

/// <summary>
/// One service given at a legal window, numbered per window and year (岱东法〔2026〕1号). A 民事代办 errand runs accepted →
/// in progress → done or cannot be done, on the module's own errand clock. A consultation or mediation whose dispute needs a
/// committee is referred through the Cases contract; the case's outcome comes back here.
/// </summary>
public sealed class ServiceRecord : AggregateRoot<Guid>, IOrgScoped
{
    private ServiceRecord() { }

    public static ServiceRecord Record(Guid id, LegalWindow window, LegalAdvisor advisor, string number, int year, int sequence, ServiceKind kind,
        DateTimeOffset servedAt, ServedPerson? person, ServiceDetails details, DateTimeOffset now)
    {
        if (!window.HasAdvisor(advisor.Id)) throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        if (kind is ServiceKind.PublicWelfare && details.Attendance is not > 0) throw new BusinessException(LegalWindowsErrorCodes.AttendanceRequired);
        return new ServiceRecord
        {
            Id = id, WindowId = window.Id, OrgUnitId = window.OrgUnitId, AdvisorId = advisor.Id, Number = number, Year = year,
            SequenceNumber = sequence, Kind = kind, ServedAt = servedAt.ToUniversalTime(), RecordedAt = now.ToUniversalTime(),
            PersonName = person?.Name,
            IdCardMasked = person?.IdCard?.Masked, IdCardCipher = person?.IdCard?.Cipher, IdCardHash = person?.IdCard?.Hash,
            PhoneMasked = person?.Phone?.Masked, PhoneCipher = person?.Phone?.Cipher, PhoneHash = person?.Phone?.Hash,
            Matter = details.Matter, Advice = details.Advice, Minutes = details.Minutes, LawsCited = details.LawsCited,
            FollowUpNeeded = details.FollowUpNeeded, FollowUpNote = details.FollowUpNote,
            Topic = details.Topic, Place = details.Place, Attendance = details.Attendance,
            ErrandStatus = kind is ServiceKind.CivilAgency ? Mediation.LegalWindows.ErrandStatus.Accepted : null,
        };
    }

    public Guid WindowId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public Guid AdvisorId { get; private set; }
    public string Number { get; private set; } = "";
    public int Year { get; private set; }
    public int SequenceNumber { get; private set; }
    public ServiceKind Kind { get; private set; }
    public DateTimeOffset ServedAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? PersonName { get; private set; }
    public string? IdCardMasked { get; private set; }
    public string? IdCardCipher { get; private set; }
    public string? IdCardHash { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? Matter { get; private set; }
    public string? Advice { get; private set; }
    public int? Minutes { get; private set; }
    public string? LawsCited { get; private set; }
    public bool FollowUpNeeded { get; private set; }
    public string? FollowUpNote { get; private set; }
    public string? Topic { get; private set; }
    public string? Place { get; private set; }
    public int? Attendance { get; private set; }

    public ErrandStatus? ErrandStatus { get; private set; }
    public string? ErrandNote { get; private set; }
    public DateTimeOffset? ErrandClosedAt { get; private set; }

    public Guid? DocumentId { get; private set; }

    /// <summary>律师参与调解: the case and session the advisor took part in at the mediator's invitation.</summary>
    public Guid? ParticipationCaseId { get; private set; }
    public string? ParticipationCaseNumber { get; private set; }
    public int? ParticipationSessionNumber { get; private set; }

    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }
    public DateTimeOffset? ReferredAt { get; private set; }
    public string? ReferredBy { get; private set; }
    /// <summary>The parties who consented to mediation (人民调解法 Art. 17: mediation needs the parties' consent), one per line.</summary>
    public string? ConsentingParties { get; private set; }
    public ReferralResult? ReferralResult { get; private set; }
    public DateTimeOffset? ReferralConcludedAt { get; private set; }
    public string? ReferralDetail { get; private set; }

    public bool ErrandOpen => ErrandStatus is Mediation.LegalWindows.ErrandStatus.Accepted or Mediation.LegalWindows.ErrandStatus.InProgress;

    public void StartErrand(string? note)
    {
        EnsureErrand();
        if (ErrandStatus is not Mediation.LegalWindows.ErrandStatus.Accepted)
            throw new BusinessException(ErrandOpen ? LegalWindowsErrorCodes.ErrandAlreadyStarted : LegalWindowsErrorCodes.ErrandClosed);
        ErrandStatus = Mediation.LegalWindows.ErrandStatus.InProgress;
        ErrandNote = note ?? ErrandNote;
    }

    /// <summary>Done or cannot be done: only an errand in progress closes, with what was done or why not.</summary>
    public void CloseErrand(bool done, string note, DateTimeOffset now)
    {
        EnsureErrand();
        if (!ErrandOpen) throw new BusinessException(LegalWindowsErrorCodes.ErrandClosed);
        if (ErrandStatus is Mediation.LegalWindows.ErrandStatus.Accepted && done) throw new BusinessException(LegalWindowsErrorCodes.ErrandNotStarted);
        ErrandStatus = done ? Mediation.LegalWindows.ErrandStatus.Done : Mediation.LegalWindows.ErrandStatus.CannotBeDone;
        ErrandNote = note;
        ErrandClosedAt = now;
    }

    private void EnsureErrand()
    {
        if (Kind is not ServiceKind.CivilAgency) throw new BusinessException(LegalWindowsErrorCodes.NotAnErrand);
    }

    /// <summary>
    /// 律师参与调解 is a 民事调解 service of the window: the advisor's time and opinion in a committee's session, with the case linked.
    /// No person is recorded; the parties are the case's.
    /// </summary>
    public static ServiceRecord MediationParticipation(Guid id, LegalWindow window, LegalAdvisor advisor, string number, int year, int sequence,
        DateTimeOffset heldAt, Guid caseId, string caseNumber, int sessionNumber, ServiceDetails details, DateTimeOffset now)
    {
        var record = Record(id, window, advisor, number, year, sequence, ServiceKind.CivilMediation, heldAt, null, details, now);
        record.ParticipationCaseId = caseId;
        record.ParticipationCaseNumber = caseNumber;
        record.ParticipationSessionNumber = sessionNumber;
        return record;
    }

    /// <summary>Only a dispute (a consultation or a mediation at the window) is referred, once, with every party's consent.</summary>
    public void EnsureReferable()
    {
        if (Kind is not (ServiceKind.Consultation or ServiceKind.CivilMediation)) throw new BusinessException(LegalWindowsErrorCodes.NotReferable);
        if (ParticipationCaseId is not null) throw new BusinessException(LegalWindowsErrorCodes.AlreadyInMediation);
        if (CaseId is not null) throw new BusinessException(LegalWindowsErrorCodes.AlreadyReferred);
    }

    public void Referred(Guid caseId, string caseNumber, IEnumerable<string> consentingParties, string? actor, DateTimeOffset now)
    {
        EnsureReferable();
        CaseId = caseId;
        CaseNumber = caseNumber;
        ReferredAt = now;
        ReferredBy = actor;
        ConsentingParties = string.Join('\n', consentingParties);
    }

    /// <summary>The case's outcome, once; a repeated delivery changes nothing.</summary>
    public bool RecordReferralOutcome(Guid caseId, ReferralResult result, string? detail, DateTimeOffset concludedAt)
    {
        if (CaseId != caseId || ReferralResult is not null) return false;
        ReferralResult = result;
        ReferralConcludedAt = concludedAt.ToUniversalTime();
        ReferralDetail = detail;
        return true;
    }

    public void DocumentIssued(Guid documentId) => DocumentId = documentId;
}
