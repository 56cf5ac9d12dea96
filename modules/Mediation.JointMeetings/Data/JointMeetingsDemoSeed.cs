using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.JointMeetings.Data;

/// <summary>
/// 泰安市社会治理联席会议 with its 27 member units (demo.memberunit is the liaison of 市住房和城乡建设局), a meeting held 40 days
/// ago whose tasks are accepted, awaiting acceptance and overdue in progress, one held 5 days ago with a task just assigned and
/// one in progress, and a meeting planned in two weeks. Applied once: an existing group is left alone.
/// </summary>
internal static class JointMeetingsDemoSeed
{
    public const string CityCode = "370900";
    public const string LiaisonUserName = "demo.memberunit";
    public const string LiaisonUnit = "市住房和城乡建设局";

    public static readonly string[] CityMemberUnits =
    [
        "市委政法委", "市委宣传部", "市委网信办", "市信访局", "市中级人民法院", "市人民检察院", "市公安局", "市司法局", "市民政局",
        "市人力资源和社会保障局", "市自然资源和规划局", LiaisonUnit, "市交通运输局", "市农业农村局", "市水利局", "市教育局", "市卫生健康委员会",
        "市市场监督管理局", "市生态环境局", "市财政局", "市应急管理局", "市退役军人事务局", "市城市管理局", "市医疗保障局", "市总工会", "市妇联", "团市委",
    ];

    public static async Task ApplyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var orgUnits = scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>();
        var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        var clocks = scope.ServiceProvider.GetRequiredService<IDeadlineClocks>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var city = await orgUnits.FindByCodeAsync(CityCode, ct);
        if (city is null || await db.Set<WorkingGroup>().IgnoreQueryFilters().AnyAsync(g => g.OrgUnitId == city.Id, ct)) return;
        var liaison = await users.FindByUserNameAsync(LiaisonUserName, ct);

        var group = new WorkingGroup(Guid.CreateVersion7(), city.Id, MeetingLevel.City, "泰安市社会治理联席会议", "泰安政法联", "中共泰安市委政法委员会");
        db.Add(group);
        var units = CityMemberUnits.Select((name, i) => new MemberUnit(Guid.CreateVersion7(), group, name, i + 1)).ToList();
        foreach (var unit in units) unit.AddLiaison(unit.Name + "联络员", "联络员", unit.Name == LiaisonUnit ? liaison?.Id : null);
        db.AddRange(units);
        MemberUnit Unit(string name) => units.Single(u => u.Name == name);

        var today = ChinaTime.DateOf(now);
        var earlier = Held(group, units, "2026年第三次联席会议", At(today.AddDays(-40)), "市委政法委三楼会议室", "张某某");
        var recent = Held(group, units, "2026年第四次联席会议", At(today.AddDays(-5)), "市委政法委三楼会议室", "张某某");
        var planned = new Meeting(Guid.CreateVersion7(), group, "2026年第五次联席会议", At(today.AddDays(14)), "市委政法委三楼会议室", "demo");
        db.AddRange(earlier, recent, planned);

        var wage = Item(group, earlier, "某建筑工地农民工工资拖欠问题", "涉及人社、住建两部门，需协调清欠", "按照“谁用工谁负责”督促总包单位限期清偿。");
        var land = Item(group, earlier, "岱岳区某村土地征收补偿争议", "涉及自然资源、农业农村、司法三部门", "由市自然资源和规划局牵头核实补偿标准。");
        var school = Item(group, recent, "某小区配套学校建设进度问题", "业主集体反映，涉及教育、住建", "市教育局牵头，三十日内拿出方案。");
        var proposed = new AgendaItem(Guid.CreateVersion7(), group, "老旧小区加装电梯邻里纠纷", "多部门职责交叉，待会议研究", AgendaItemSource.Office, null, null, null,
            now.AddDays(-1), "demo");
        proposed.PlaceOn(planned);
        db.AddRange(wage, land, school, proposed);

        var accepted = NewTask(wage, earlier, 1, "督促总包单位清偿拖欠工资并报送清偿凭证", Unit("市人力资源和社会保障局"), [Unit(LiaisonUnit)]);
        accepted.ReportCompletion("已督促总包单位清偿全部拖欠工资", "工资支付凭证、农民工签收表", "市人力资源和社会保障局联络员", now.AddDays(-20));
        accepted.AnswerCompletion(true, "材料齐全，同意办结", "demo.coordinator.taian", now.AddDays(-18));
        var awaiting = NewTask(wage, earlier, 2, "对涉事建筑企业开展信用惩戒并报告结果", Unit(LiaisonUnit), [Unit("市人力资源和社会保障局")]);
        awaiting.ReportProgress("已约谈企业负责人", "市住房和城乡建设局联络员", now.AddDays(-30));
        awaiting.ReportCompletion("已将企业列入失信名单", "信用惩戒决定书", "市住房和城乡建设局联络员", now.AddDays(-2));
        var overdue = NewTask(land, earlier, 3, "核实征收补偿标准并向群众公开", Unit("市自然资源和规划局"), [Unit("市农业农村局"), Unit("市司法局")]);
        overdue.ReportProgress("已调取征收档案，正在核算", "市自然资源和规划局联络员", now.AddDays(-25));
        overdue.RecordMeasure(SupervisionKind.ListedSupervision, now.AddDays(-3), "逾期未办结，联席会议决定挂牌督办", "demo.coordinator.taian");
        var assigned = NewTask(school, recent, 1, "制定配套学校建设推进方案", Unit("市教育局"), [Unit(LiaisonUnit)]);
        var inProgress = NewTask(school, recent, 2, "督促开发企业按期移交学校用地", Unit(LiaisonUnit), [Unit("市自然资源和规划局")]);
        inProgress.ReportProgress("已向开发企业下达移交通知", "市住房和城乡建设局联络员", now.AddDays(-2));
        var tasks = new[] { accepted, awaiting, overdue, assigned, inProgress };
        db.AddRange(tasks);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var task in tasks)
        {
            var started = await clocks.StartAsync(new StartClockInput(AssignedTask.RecordType, task.Id, task.OrgUnitId, task.Policy, task.AssignedAt, "demo"), ct);
            task.ScheduledDue(started.DueDate, started.DueAt);
            if (task.Status is AssignedTaskStatus.Accepted)
                await clocks.StopAsync(started.Id, new StopClockInput("联席会议验收办结", "demo", started.ConcurrencyStamp), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static DateTimeOffset At(DateOnly day) => ChinaTime.StartOfDay(day).AddHours(9);

    private static Meeting Held(WorkingGroup group, IReadOnlyList<MemberUnit> units, string title, DateTimeOffset at, string place, string chair)
    {
        var meeting = new Meeting(Guid.CreateVersion7(), group, title, at, place, "demo");
        var attendance = units.Select((u, i) => new Attendance(u.Id, u.Name,
            i % 9 == 4 ? AttendanceStatus.Absent : i % 9 == 7 ? AttendanceStatus.Substitute : AttendanceStatus.Present,
            i % 9 == 4 ? null : u.Name + "分管负责人", i % 9 == 7 ? u.Name + "办公室主任" : null)).ToList();
        meeting.RecordHeld(at, place, chair, attendance, units.Select(u => u.Id).ToList());
        return meeting;
    }

    private static AgendaItem Item(WorkingGroup group, Meeting meeting, string title, string description, string decision)
    {
        var item = new AgendaItem(Guid.CreateVersion7(), group, title, description, AgendaItemSource.Office, null, null, null, meeting.ScheduledAt.AddDays(-3), "demo");
        item.PlaceOn(meeting);
        item.Decide(meeting, decision);
        return item;
    }

    private static AssignedTask NewTask(AgendaItem item, Meeting meeting, int number, string requirement, MemberUnit lead, IReadOnlyList<MemberUnit> cooperating) =>
        new(Guid.CreateVersion7(), item, meeting, number, requirement, lead, cooperating, JointMeetingPolicies.Task, meeting.HeldAt!.Value);
}
