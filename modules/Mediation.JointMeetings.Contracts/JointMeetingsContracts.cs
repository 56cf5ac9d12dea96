using Mediation.Core.Messaging;

namespace Mediation.JointMeetings;

/// <summary>社会治理联席会议 of a city, county or township: the level follows the convening org unit.</summary>
public enum MeetingLevel
{
    City,
    County,
    Township,
}

public enum MeetingStatus
{
    Planned,
    Held,
}

public enum AttendanceStatus
{
    Present,
    Absent,
    /// <summary>委托参会: someone other than the unit's member attended; his name is recorded.</summary>
    Substitute,
}

public enum AgendaItemStatus
{
    Proposed,
    OnAgenda,
    Decided,
}

/// <summary>How the item reached the agenda: put by the office, or asked for by another module's record.</summary>
public enum AgendaItemSource
{
    Office,
    PetitionRequest,
}

/// <summary>The kinds of record an agenda item may link, each owned by another module.</summary>
public enum LinkedRecordType
{
    Petition,
    MediationCase,
    DeskRequest,
    LegalWindowRecord,
}

public enum AssignedTaskStatus
{
    Assigned,
    InProgress,
    /// <summary>The lead unit reported completion; the convener has not accepted it yet.</summary>
    CompletionReported,
    Accepted,
}

/// <summary>
/// 催办 → 督办 → 通报 follow an overdue task automatically; 约谈 and 挂牌督办 are measures the joint meeting decides
/// (信访工作条例 Art. 39 ¶3) and the office records.
/// </summary>
public enum SupervisionKind
{
    Urge,
    Supervise,
    Circulate,
    Interview,
    ListedSupervision,
}

public enum TaskReportKind
{
    /// <summary>签收 by the lead unit.</summary>
    Acknowledged,
    Progress,
    Completion,
    Returned,
    Accepted,
}

public sealed record CreateWorkingGroupInput(Guid? OrgUnitId, string? Name, string? IssuerCode, string? Convener);

public sealed record LiaisonInput(string? Name, string? Title, string? UserName);

public sealed record AddMemberUnitInput(string? Name, IReadOnlyList<LiaisonInput>? Liaisons);

public sealed record LiaisonDto(string Name, string? Title, Guid? UserId);

public sealed record MemberUnitDto(Guid Id, Guid GroupId, string Name, int Order, IReadOnlyList<LiaisonDto> Liaisons);

public sealed record WorkingGroupDto(Guid Id, Guid OrgUnitId, MeetingLevel Level, string Name, string IssuerCode, string Convener,
    IReadOnlyList<MemberUnitDto> MemberUnits, string ConcurrencyStamp);

public sealed record ScheduleMeetingInput(Guid? GroupId, string? Title, DateTimeOffset? ScheduledAt, string? Place);

public sealed record AttendanceInput(Guid? MemberUnitId, AttendanceStatus? Status, string? Attendee, string? SubstituteName);

/// <summary>The meeting took place: when, where, who chaired, and every member unit's attendance.</summary>
public sealed record RecordMeetingInput(DateTimeOffset? HeldAt, string? Place, string? Chair, IReadOnlyList<AttendanceInput>? Attendance, string? ConcurrencyStamp);

public sealed record AttendanceDto(Guid MemberUnitId, string UnitName, AttendanceStatus Status, string? Attendee, string? SubstituteName);

public sealed record MeetingSummaryDto(Guid Id, Guid GroupId, MeetingLevel Level, string Title, DateTimeOffset ScheduledAt, string Place,
    MeetingStatus Status, string? MinutesNumber);

public sealed record MeetingDto(Guid Id, Guid GroupId, MeetingLevel Level, string GroupName, string Convener, string Title, DateTimeOffset ScheduledAt,
    DateTimeOffset? HeldAt, string Place, string? Chair, MeetingStatus Status, IReadOnlyList<AttendanceDto> Attendance,
    IReadOnlyList<AgendaItemDto> AgendaItems, IReadOnlyList<AssignedTaskDto> Tasks, string? MinutesNumber, Guid? MinutesDocumentId, string ConcurrencyStamp);

public sealed record ProposeAgendaItemInput(Guid? GroupId, string? Title, string? Description, LinkedRecordType? LinkedRecordType, Guid? LinkedRecordId,
    string? LinkedRecordNumber);

public sealed record PlaceOnAgendaInput(Guid? AgendaItemId, string? ConcurrencyStamp);

/// <summary>
/// The linked record as the agenda shows it: its number, whether its module reported it closed, and <paramref name="Live"/> — its
/// state read now through that module's contract (null when the caller may not see it or the module offers no read).
/// </summary>
public sealed record LinkedRecordDto(LinkedRecordType Type, Guid Id, string? Number, bool Closed, DateTimeOffset? ClosedAt, string? ClosedNote,
    LinkedRecordLiveDto? Live = null);

/// <summary>
/// <paramref name="Status"/>: the owning module's state name (a petition's PetitionStatus; a legal-window record's referral result,
/// "Referred", its errand status or "Recorded"; a mediation case's outcome once concluded, else its CaseStatus);
/// <paramref name="Finished"/>: nothing is pending there.
/// </summary>
public sealed record LinkedRecordLiveDto(string Status, bool Finished);

public sealed record AgendaItemDto(Guid Id, Guid GroupId, Guid? MeetingId, string Title, string? Description, AgendaItemStatus Status,
    AgendaItemSource Source, LinkedRecordDto? LinkedRecord, string? Decision, DateTimeOffset ProposedAt, string ConcurrencyStamp);

/// <summary><paramref name="Urgent"/>: the urgent policy (10 working days) instead of 30 days.</summary>
public sealed record TaskInput(string? Requirement, Guid? LeadUnitId, IReadOnlyList<Guid>? CooperatingUnitIds, bool Urgent = false);

public sealed record DecideAgendaItemInput(string? Decision, IReadOnlyList<TaskInput>? Tasks, string? ConcurrencyStamp);

public sealed record AcknowledgeTaskInput(string? ConcurrencyStamp);

public sealed record ReportProgressInput(string? Text, string? ConcurrencyStamp);

/// <summary>Completion needs its evidence: what was done and the documents or facts that show it.</summary>
public sealed record ReportCompletionInput(string? Text, string? Evidence, string? ConcurrencyStamp);

public sealed record AcceptCompletionInput(bool? Accepted, string? Note, string? ConcurrencyStamp);

/// <summary>约谈 or 挂牌督办 (Art. 39 ¶3), decided on <paramref name="On"/>.</summary>
public sealed record RecordMeasureInput(SupervisionKind? Kind, DateOnly? On, string? Note, string? ConcurrencyStamp);

/// <summary><paramref name="By"/> stays as signed; <paramref name="ByName"/> and <paramref name="ByUnit"/>: who reported, what a page prints.</summary>
public sealed record TaskReportDto(TaskReportKind Kind, string Text, string? Evidence, DateTimeOffset At, string? By, string? ByName = null, string? ByUnit = null);

/// <summary><paramref name="By"/> is the login; <paramref name="ByName"/> and <paramref name="ByUnit"/>: who recorded the measure, what a page prints.</summary>
public sealed record SupervisionDto(SupervisionKind Kind, DateTimeOffset At, string? By, string? Note, bool Automatic, string? ByName = null,
    string? ByUnit = null);

public sealed record TaskUnitDto(Guid Id, string Name);

public sealed record AssignedTaskDto(Guid Id, Guid GroupId, Guid MeetingId, Guid AgendaItemId, int Number, string Requirement, TaskUnitDto LeadUnit,
    IReadOnlyList<TaskUnitDto> CooperatingUnits, string Policy, DateTimeOffset AssignedAt, DateOnly? DueDate, DateTimeOffset? DueAt, AssignedTaskStatus Status,
    bool Overdue, IReadOnlyList<TaskReportDto> Reports, IReadOnlyList<SupervisionDto> Supervisions, LinkedRecordDto? LinkedRecord, string ConcurrencyStamp,
    IReadOnlyList<TaskAttachmentDto>? Attachments = null);

/// <summary><paramref name="UploadedBy"/> stays as signed; <paramref name="UploadedByName"/> and <paramref name="UploadedByUnit"/> what a page prints.</summary>
public sealed record TaskAttachmentDto(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt, string? UploadedBy,
    string? UploadedByName = null, string? UploadedByUnit = null);

public sealed record MinutesIssuedDto(Guid MeetingId, Guid DocumentId, string Number);

/// <summary>
/// The convener accepted a task as done. Modules whose record the task's agenda item links may show it on that record's timeline.
/// </summary>
public sealed record JointMeetingTaskAcceptedEto(Guid TaskId, Guid MeetingId, LinkedRecordType? LinkedRecordType, Guid? LinkedRecordId,
    string LeadUnit, string Requirement, DateTimeOffset AcceptedAt) : IIntegrationEvent
{
    public const string EventName = "joint-meetings.task-accepted";
}
