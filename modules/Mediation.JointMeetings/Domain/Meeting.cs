using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>A joint meeting: planned, then held with every member unit's attendance; its minutes are issued once.</summary>
public sealed class Meeting : AggregateRoot<Guid>, IOrgScoped
{
    private readonly List<Attendance> _attendance = [];

    private Meeting() { }

    public Meeting(Guid id, WorkingGroup group, string title, DateTimeOffset scheduledAt, string place, string? recordedBy)
    {
        Id = id;
        GroupId = group.Id;
        OrgUnitId = group.OrgUnitId;
        Level = group.Level;
        Title = title;
        ScheduledAt = scheduledAt.ToUniversalTime();
        Place = place;
        RecordedBy = recordedBy;
    }

    public Guid GroupId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public MeetingLevel Level { get; private set; }
    public string Title { get; private set; } = "";
    public DateTimeOffset ScheduledAt { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public string Place { get; private set; } = "";
    public string? Chair { get; private set; }
    public MeetingStatus Status { get; private set; }
    public string? RecordedBy { get; private set; }
    public string? MinutesNumber { get; private set; }
    public Guid? MinutesDocumentId { get; private set; }
    public IReadOnlyList<Attendance> Attendance => _attendance;

    /// <summary>Every member unit of the group appears once: present, absent, or represented by a named substitute.</summary>
    public void RecordHeld(DateTimeOffset heldAt, string place, string chair, IReadOnlyList<Attendance> attendance, IReadOnlyCollection<Guid> memberUnitIds)
    {
        if (Status is MeetingStatus.Held) throw new BusinessException(JointMeetingsErrorCodes.MeetingAlreadyHeld);
        if (attendance.Select(a => a.MemberUnitId).Distinct().Count() != attendance.Count
            || !memberUnitIds.All(id => attendance.Any(a => a.MemberUnitId == id))
            || attendance.Any(a => !memberUnitIds.Contains(a.MemberUnitId)))
            throw new BusinessException(JointMeetingsErrorCodes.AttendanceIncomplete);
        if (attendance.Any(a => a.Status is AttendanceStatus.Substitute && string.IsNullOrWhiteSpace(a.SubstituteName)))
            throw new BusinessException(JointMeetingsErrorCodes.SubstituteNeedsName);
        HeldAt = heldAt.ToUniversalTime();
        Place = place;
        Chair = chair;
        Status = MeetingStatus.Held;
        _attendance.AddRange(attendance);
    }

    public void EnsureHeld()
    {
        if (Status is not MeetingStatus.Held) throw new BusinessException(JointMeetingsErrorCodes.MeetingNotHeld);
    }

    public void EnsureMinutesNotIssued()
    {
        EnsureHeld();
        if (MinutesDocumentId is not null) throw new BusinessException(JointMeetingsErrorCodes.MinutesAlreadyIssued);
    }

    public void MinutesIssued(Guid documentId, string number)
    {
        MinutesDocumentId = documentId;
        MinutesNumber = number;
    }
}

public sealed class Attendance
{
    private Attendance() { }

    public Attendance(Guid memberUnitId, string unitName, AttendanceStatus status, string? attendee, string? substituteName)
    {
        MemberUnitId = memberUnitId;
        UnitName = unitName;
        Status = status;
        Attendee = attendee;
        SubstituteName = status is AttendanceStatus.Substitute ? substituteName : null;
    }

    public Guid MemberUnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public AttendanceStatus Status { get; private set; }
    public string? Attendee { get; private set; }
    public string? SubstituteName { get; private set; }
}
