using Mediation.Core.Domain;
using Mediation.JointMeetings;
using Mediation.JointMeetings.Domain;
using Shouldly;

namespace Mediation.Tests.JointMeetings;

public sealed class AssignedTask_Tests
{
    private static readonly DateTimeOffset Now = new(2026, 9, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly WorkingGroup Group = new(Guid.NewGuid(), Guid.NewGuid(), MeetingLevel.City, "泰安市社会治理联席会议", "泰安政法联", "中共泰安市委政法委员会");
    private static readonly MemberUnit Housing = new(Guid.NewGuid(), Group, "市住房和城乡建设局", 1);
    private static readonly MemberUnit Labour = new(Guid.NewGuid(), Group, "市人力资源和社会保障局", 2);

    private static Meeting HeldMeeting()
    {
        var meeting = new Meeting(Guid.NewGuid(), Group, "第三次联席会议", Now, "会议室", "x");
        meeting.RecordHeld(Now, "会议室", "张某某",
            [new Attendance(Housing.Id, Housing.Name, AttendanceStatus.Present, "李某", null), new Attendance(Labour.Id, Labour.Name, AttendanceStatus.Absent, null, null)],
            [Housing.Id, Labour.Id]);
        return meeting;
    }

    private static AssignedTask NewTask()
    {
        var meeting = HeldMeeting();
        var item = new AgendaItem(Guid.NewGuid(), Group, "欠薪", null, AgendaItemSource.Office, null, null, null, Now, "x");
        item.PlaceOn(meeting);
        item.Decide(meeting, "限期清欠");
        return new AssignedTask(Guid.NewGuid(), item, meeting, 1, "督促清欠", Housing, [Labour], JointMeetingPolicies.Task, Now);
    }

    private static void ShouldRefuse(Action action, string code) => Should.Throw<BusinessException>(action).Code.ShouldBe(code);

    [Fact]
    public void A_meeting_is_held_only_with_every_member_units_attendance_and_named_substitutes()
    {
        var meeting = new Meeting(Guid.NewGuid(), Group, "会", Now, "室", "x");
        ShouldRefuse(() => meeting.RecordHeld(Now, "室", "张", [new Attendance(Housing.Id, Housing.Name, AttendanceStatus.Present, null, null)], [Housing.Id, Labour.Id]),
            JointMeetingsErrorCodes.AttendanceIncomplete);
        ShouldRefuse(() => meeting.RecordHeld(Now, "室", "张",
            [new Attendance(Housing.Id, Housing.Name, AttendanceStatus.Present, null, null), new Attendance(Labour.Id, Labour.Name, AttendanceStatus.Substitute, null, " ")],
            [Housing.Id, Labour.Id]), JointMeetingsErrorCodes.SubstituteNeedsName);
        meeting.Status.ShouldBe(MeetingStatus.Planned);
    }

    [Fact]
    public void An_item_is_decided_only_on_the_agenda_of_a_held_meeting()
    {
        var planned = new Meeting(Guid.NewGuid(), Group, "会", Now, "室", "x");
        var item = new AgendaItem(Guid.NewGuid(), Group, "议题", null, AgendaItemSource.Office, null, null, null, Now, "x");
        ShouldRefuse(() => item.Decide(planned, "决定"), JointMeetingsErrorCodes.ItemNotOnAgenda);
        item.PlaceOn(planned);
        ShouldRefuse(() => item.Decide(planned, "决定"), JointMeetingsErrorCodes.MeetingNotHeld);
    }

    [Fact]
    public void The_lead_unit_acknowledges_a_task_once_and_it_is_then_in_progress()
    {
        var task = NewTask();
        task.Acknowledge("联络员", Now.AddDays(1));
        task.Status.ShouldBe(AssignedTaskStatus.InProgress);
        task.Reports.Single().Kind.ShouldBe(TaskReportKind.Acknowledged);
        ShouldRefuse(() => task.Acknowledge("联络员", Now.AddDays(2)), JointMeetingsErrorCodes.TaskAlreadyAcknowledged);
    }

    [Fact]
    public void The_lead_unit_cannot_also_cooperate()
    {
        var meeting = HeldMeeting();
        var item = new AgendaItem(Guid.NewGuid(), Group, "议题", null, AgendaItemSource.Office, null, null, null, Now, "x");
        item.PlaceOn(meeting);
        item.Decide(meeting, "决定");
        ShouldRefuse(() => _ = new AssignedTask(Guid.NewGuid(), item, meeting, 1, "事项", Housing, [Housing], JointMeetingPolicies.Task, Now),
            JointMeetingsErrorCodes.LeadAlsoCooperating);
    }

    [Fact]
    public void Completion_needs_evidence_and_the_conveners_acceptance_closes_the_task()
    {
        var task = NewTask();
        task.ReportProgress("已约谈企业", "联络员", Now.AddDays(1));
        task.Status.ShouldBe(AssignedTaskStatus.InProgress);
        ShouldRefuse(() => task.ReportCompletion("已清偿", " ", "联络员", Now.AddDays(2)), JointMeetingsErrorCodes.EvidenceMissing);
        ShouldRefuse(() => task.AnswerCompletion(true, null, "协调员", Now.AddDays(2)), JointMeetingsErrorCodes.TaskNotAwaitingAcceptance);

        task.ReportCompletion("已清偿", "支付凭证", "联络员", Now.AddDays(2));
        ShouldRefuse(() => task.ReportProgress("又一次", "联络员", Now.AddDays(3)), JointMeetingsErrorCodes.TaskClosed);
        task.AnswerCompletion(false, "缺少签收表", "协调员", Now.AddDays(3));
        task.Status.ShouldBe(AssignedTaskStatus.InProgress);
        task.ReportCompletion("已补签收表", "签收表", "联络员", Now.AddDays(4));
        task.AnswerCompletion(true, "同意办结", "协调员", Now.AddDays(5));

        task.Status.ShouldBe(AssignedTaskStatus.Accepted);
        task.AcceptedAt.ShouldBe(Now.AddDays(5));
        task.Reports.Select(r => r.Kind).ShouldBe([TaskReportKind.Progress, TaskReportKind.Completion, TaskReportKind.Returned, TaskReportKind.Completion, TaskReportKind.Accepted]);
    }

    [Fact]
    public void Each_escalation_step_is_taken_once_and_never_on_a_closed_task()
    {
        var task = NewTask();
        task.Escalate(SupervisionKind.Urge, Now.AddDays(31), "催办").ShouldBeTrue();
        task.Escalate(SupervisionKind.Urge, Now.AddDays(32), "催办").ShouldBeFalse();
        task.RecordMeasure(SupervisionKind.Interview, Now.AddDays(33), "约谈牵头单位负责人", "协调员");
        ShouldRefuse(() => task.RecordMeasure(SupervisionKind.Urge, Now.AddDays(33), null, "协调员"), "Core:BusinessRuleViolated");
        task.ReportCompletion("已办结", "凭证", "联络员", Now.AddDays(34));
        task.Escalate(SupervisionKind.Supervise, Now.AddDays(35), "督办").ShouldBeFalse();
        task.Supervisions.Select(s => s.Kind).ShouldBe([SupervisionKind.Urge, SupervisionKind.Interview]);
    }
}
