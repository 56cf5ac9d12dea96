using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Application;

/// <summary>Names a task in deadline notices: "联席会议《2026年第一次全体会议》交办的第2项事项", its page and the lead unit.</summary>
internal sealed class AssignedTaskDeadlineRecords(MediationDbContext db) : IDeadlineRecordDescriber
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [AssignedTask.RecordType];

    public async Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(
        string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var rows = await (
                from t in db.Tasks().AsNoTracking()
                join m in db.Set<Meeting>().AsNoTracking() on t.MeetingId equals m.Id
                where recordIds.Contains(t.Id)
                select new { t.Id, t.Number, Meeting = m.Title, t.LeadUnitName })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new DeadlineRecordDescription(
            $"联席会议《{r.Meeting}》交办的第{r.Number}项事项", $"/JointMeetings/Tasks/{r.Id}", "牵头单位" + r.LeadUnitName));
    }
}
