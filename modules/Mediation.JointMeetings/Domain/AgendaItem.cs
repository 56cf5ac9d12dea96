using Mediation.Core.Domain;
using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// 议题: proposed (by the office or by another module's record), placed on a meeting's agenda, decided there. The linked
/// record stays its module's: the item keeps its number and what that module reported about it (closed, how).
/// </summary>
public sealed class AgendaItem : AggregateRoot<Guid>, IOrgScoped
{
    private AgendaItem() { }

    public AgendaItem(Guid id, WorkingGroup group, string title, string? description, AgendaItemSource source, LinkedRecordType? linkedType,
        Guid? linkedId, string? linkedNumber, DateTimeOffset proposedAt, string? proposedBy)
    {
        Id = id;
        GroupId = group.Id;
        OrgUnitId = group.OrgUnitId;
        Title = title;
        Description = description;
        Source = source;
        LinkedRecordType = linkedType;
        LinkedRecordId = linkedType is null ? null : linkedId;
        LinkedRecordNumber = linkedType is null ? null : linkedNumber;
        ProposedAt = proposedAt.ToUniversalTime();
        ProposedBy = proposedBy;
        Status = AgendaItemStatus.Proposed;
    }

    public Guid GroupId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public Guid? MeetingId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public AgendaItemSource Source { get; private set; }
    public AgendaItemStatus Status { get; private set; }
    public LinkedRecordType? LinkedRecordType { get; private set; }
    public Guid? LinkedRecordId { get; private set; }
    public string? LinkedRecordNumber { get; private set; }
    public DateTimeOffset? LinkedRecordClosedAt { get; private set; }
    public string? LinkedRecordClosedNote { get; private set; }
    public string? Decision { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public string? ProposedBy { get; private set; }

    public void PlaceOn(Meeting meeting)
    {
        if (Status is not AgendaItemStatus.Proposed) throw new BusinessException(JointMeetingsErrorCodes.ItemNotProposed);
        if (meeting.GroupId != GroupId) throw new BusinessException(JointMeetingsErrorCodes.MemberUnitNotInGroup);
        // A held meeting may still take an item recorded after the fact (临时动议), until its minutes are issued.
        if (meeting.MinutesDocumentId is not null) throw new BusinessException(JointMeetingsErrorCodes.MinutesAlreadyIssued);
        MeetingId = meeting.Id;
        Status = AgendaItemStatus.OnAgenda;
    }

    public void Decide(Meeting meeting, string decision)
    {
        if (Status is AgendaItemStatus.Decided) throw new BusinessException(JointMeetingsErrorCodes.ItemAlreadyDecided);
        if (Status is not AgendaItemStatus.OnAgenda || MeetingId != meeting.Id) throw new BusinessException(JointMeetingsErrorCodes.ItemNotOnAgenda);
        meeting.EnsureHeld();
        Decision = decision;
        Status = AgendaItemStatus.Decided;
    }

    /// <summary>The linked record's module reported it closed; a repeated report changes nothing.</summary>
    public bool LinkedRecordClosed(DateTimeOffset closedAt, string? note)
    {
        if (LinkedRecordClosedAt is not null) return false;
        LinkedRecordClosedAt = closedAt.ToUniversalTime();
        LinkedRecordClosedNote = note;
        return true;
    }
}
