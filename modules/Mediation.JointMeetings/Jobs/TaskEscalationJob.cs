using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.JointMeetings.Jobs;

/// <summary>
/// 催办 the day after an open task's due date, 督办 once it is 3 working days overdue, 通报 at 7 (the module's policies, counted on
/// the working calendar, so a holiday after the due date delays the later steps), each to the convener's unit and once per
/// task: the step is recorded on the task in the same transaction as its notice, and a task already carrying it is skipped.
/// </summary>
internal sealed class TaskEscalationJob(MediationDbContext db, IDeadlineClocks clocks, INoticeOutbox notices, TimeProvider clock, ILogger<TaskEscalationJob> logger)
{
    public const string JobId = "joint-meetings:task-escalation";
    public const string Template = "joint-meeting-task-escalation";

    private static readonly (SupervisionKind Kind, string? Policy, string Name, string Basis)[] Ladder =
    [
        (SupervisionKind.Urge, null, "催办", "信访工作条例（2022）第三十八条第二款"),
        (SupervisionKind.Supervise, JointMeetingPolicies.SuperviseAfterDue, "督办", "信访工作条例（2022）第三十八条第二款"),
        (SupervisionKind.Circulate, JointMeetingPolicies.CirculateAfterDue, "通报", "信访工作条例（2022）第三十九条第三款"),
    ];

    public Task<int> RunAsync(CancellationToken ct) => RunAsync(clock.GetUtcNow(), ct);

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime();
        var overdue = await db.Tasks()
            .Where(t => (t.Status == AssignedTaskStatus.Assigned || t.Status == AssignedTaskStatus.InProgress) && t.DueAt != null && t.DueAt < now)
            .ToListAsync(ct);
        var taken = 0;
        foreach (var task in overdue)
        {
            var groupAndMeeting = await (from g in db.Set<WorkingGroup>()
                                         join m in db.Set<Meeting>() on g.Id equals m.GroupId
                                         where m.Id == task.MeetingId
                                         select new { Group = g, m.Title }).SingleAsync(ct);
            foreach (var step in Ladder)
            {
                var stepAt = step.Policy is null ? task.DueAt!.Value : (await clocks.PreviewAsync(step.Policy, task.DueAt!.Value, ct)).DueAt;
                if (now <= stepAt || !task.Escalate(step.Kind, now, $"逾期{step.Name}（{step.Basis}）")) continue;
                await notices.AddAsync(new NoticeRequest(Template, groupAndMeeting.Group.OrgUnitId, new Dictionary<string, object?>
                {
                    ["step_name"] = step.Name,
                    ["group_name"] = groupAndMeeting.Group.Name,
                    ["convener"] = groupAndMeeting.Group.Convener,
                    ["meeting_title"] = groupAndMeeting.Title,
                    ["task_number"] = task.Number,
                    ["lead_unit"] = task.LeadUnitName,
                    ["due_date"] = task.DueDate,
                    ["requirement"] = task.Requirement,
                    ["basis"] = step.Basis,
                }, $"{task.Id:N}:{step.Kind}"), ct);
                taken++;
            }
            await db.SaveChangesAsync(ct);
        }
        if (taken > 0) logger.LogInformation("Joint-meeting escalation: {Count} steps taken", taken);
        return taken;
    }
}
