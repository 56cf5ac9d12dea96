using Mediation.Core.Identity;
using Mediation.JointMeetings.Domain;

namespace Mediation.JointMeetings.Application;

internal static class TaskDtos
{
    public static AssignedTaskDto ToDto(AssignedTask t, AgendaItem? item, DateTimeOffset now, IReadOnlyDictionary<Guid, LinkedRecordLiveDto>? live = null,
        IReadOnlyDictionary<string, ActorInfo>? actors = null) => new(t.Id, t.GroupId, t.MeetingId, t.AgendaItemId, t.Number,
        t.Requirement, new TaskUnitDto(t.LeadUnitId, t.LeadUnitName), t.Cooperating.Select(c => new TaskUnitDto(c.MemberUnitId, c.Name)).ToList(), t.Policy,
        t.AssignedAt, t.DueDate, t.DueAt, t.Status, t.IsOverdue(now),
        t.Reports.OrderBy(r => r.At).Select(r => new TaskReportDto(r.Kind, r.Text, r.Evidence, r.At, r.By,
            actors.Named(LoginOf(r.By))?.DisplayName, actors.Named(LoginOf(r.By))?.UnitName)).ToList(),
        t.Supervisions.OrderBy(s => s.At).Select(s => new SupervisionDto(s.Kind, s.At, s.By, s.Note, s.Automatic,
            actors.Named(LoginOf(s.By))?.DisplayName, actors.Named(LoginOf(s.By))?.UnitName)).ToList(),
        item is null ? null : Linked(item, live), t.ConcurrencyStamp);

    /// <summary>Everyone a task names, to look up in one query: reporters, supervisors and uploaders.</summary>
    public static IEnumerable<string?> People(AssignedTask t) =>
        t.Reports.Select(r => LoginOf(r.By)).Concat(t.Supervisions.Select(s => LoginOf(s.By)));

    /// <summary>
    /// The login in what a report or upload was signed with: a liaison signs 张三（zhangsan）, his display name and login, so the
    /// record keeps who he was even if the account is renamed; a measure is signed with the login alone.
    /// </summary>
    public static string? LoginOf(string? signature) =>
        signature is { Length: > 2 } && signature[^1] == '）' && signature.LastIndexOf('（') is var open and >= 0
            ? signature[(open + 1)..^1]
            : signature;

    public static LinkedRecordDto? Linked(AgendaItem i, IReadOnlyDictionary<Guid, LinkedRecordLiveDto>? live = null) => i is { LinkedRecordType: { } type, LinkedRecordId: { } id }
        ? new LinkedRecordDto(type, id, i.LinkedRecordNumber, i.LinkedRecordClosedAt is not null, i.LinkedRecordClosedAt, i.LinkedRecordClosedNote,
            live?.GetValueOrDefault(id))
        : null;
}
