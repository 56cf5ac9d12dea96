using Mediation.JointMeetings.Domain;

namespace Mediation.JointMeetings.Application;

internal static class TaskDtos
{
    public static AssignedTaskDto ToDto(AssignedTask t, AgendaItem? item, DateTimeOffset now, IReadOnlyDictionary<Guid, LinkedRecordLiveDto>? live = null) => new(t.Id, t.GroupId, t.MeetingId, t.AgendaItemId, t.Number,
        t.Requirement, new TaskUnitDto(t.LeadUnitId, t.LeadUnitName), t.Cooperating.Select(c => new TaskUnitDto(c.MemberUnitId, c.Name)).ToList(), t.Policy,
        t.AssignedAt, t.DueDate, t.DueAt, t.Status, t.IsOverdue(now),
        t.Reports.OrderBy(r => r.At).Select(r => new TaskReportDto(r.Kind, r.Text, r.Evidence, r.At, r.By)).ToList(),
        t.Supervisions.OrderBy(s => s.At).Select(s => new SupervisionDto(s.Kind, s.At, s.By, s.Note, s.Automatic)).ToList(),
        item is null ? null : Linked(item, live), t.ConcurrencyStamp);

    public static LinkedRecordDto? Linked(AgendaItem i, IReadOnlyDictionary<Guid, LinkedRecordLiveDto>? live = null) => i is { LinkedRecordType: { } type, LinkedRecordId: { } id }
        ? new LinkedRecordDto(type, id, i.LinkedRecordNumber, i.LinkedRecordClosedAt is not null, i.LinkedRecordClosedAt, i.LinkedRecordClosedNote,
            live?.GetValueOrDefault(id))
        : null;
}
