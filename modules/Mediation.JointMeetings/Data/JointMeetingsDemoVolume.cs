using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.JointMeetings.Data;

/// <summary>
/// Past years of each county's 社会治理联席会议 for etc/generate-demo.sh, the same years and counties as the cases: ten member units, four
/// to twelve meetings a year, each deciding agenda items that assign one or two tasks to a lead unit with a cooperating one; every task
/// acknowledged, reported complete and accepted by the convener, nine in ten within the 30 days of its clock (stopped at the acceptance, so
/// the escalation sweep leaves them alone) — the rows the services write, numbered per meeting as a decision numbers them. The small set
/// goes through SaveChanges; a set counted in records through the bulk path, with one audit entry for the import.
/// </summary>
internal static class JointMeetingsDemoVolume
{
    /// <summary>Tasks a county's meetings assign in a year of the small set; at a size counted in records, 0.4% of the size.</summary>
    private const int SmallPerCountyYear = 6;
    private const double ShareOfRecords = 0.004;
    private const string Convener = "联席会议办公室（历史台账）";

    private static readonly string[] Departments = ["委政法委", "信访局", "人民法院", "人民检察院", "公安局", "司法局", "人力资源和社会保障局", "住房和城乡建设局", "自然资源局", "农业农村局"];

    private static readonly (string Title, string Decision, string Requirement)[] Matters =
    [
        ("建筑工地农民工工资拖欠问题", "按照“谁用工谁负责”督促总包单位限期清偿", "督促总包单位清偿拖欠工资并报送清偿凭证"),
        ("村土地征收补偿争议", "核实补偿标准并向群众公开", "核实征收补偿标准并向群众公开"),
        ("小区配套学校建设进度问题", "拿出建设推进方案", "制定配套学校建设推进方案"),
        ("老旧小区加装电梯邻里纠纷", "制定加装电梯协商议事规则", "组织业主协商并形成加装电梯方案"),
        ("养殖场污染引发群体性信访", "限期整改并公开整改结果", "督促养殖场完成污染整改并向群众公开"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, DemoVolume volume, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<WorkingGroup>().IgnoreQueryFilters().AnyAsync(g => g.Name == GroupName(DemoVolume.Counties[0]), ct)) return;
        var units = sp.GetRequiredService<IOrgUnitDirectory>();
        var clocks = await DemoClocks.LoadAsync(sp, ct);
        var random = new Random(volume.Seed);
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        // The last meeting four months ago: its tasks accepted (at most 45 days later) before today.
        var lastDay = today.AddDays(-120);

        var groups = new List<(DemoCounty County, WorkingGroup Group, List<MemberUnit> Members)>();
        foreach (var county in DemoVolume.Counties)
        {
            if (await units.FindByCodeAsync(county.Code, ct) is not { } unit) continue;
            var group = new WorkingGroup(Guid.CreateVersion7(), unit.Id, MeetingLevel.County, GroupName(county), county.Brief + "政法联", $"中共{county.Name}委政法委员会");
            var members = Departments.Select((d, i) => new MemberUnit(Guid.CreateVersion7(), group, county.Name + d, i + 1)).ToList();
            foreach (var member in members) member.AddLiaison(member.Name + "联络员", "联络员", null);
            db.Add(group);
            db.AddRange(members);
            groups.Add((county, group, members));
        }
        await db.SaveChangesAsync(ct);

        var perCountyYear = volume.PerCountyYear(SmallPerCountyYear, ShareOfRecords, groups.Count * (lastDay.Year - DemoVolume.FirstYear + 1));
        var meetingsPerYear = Math.Clamp(perCountyYear / 4, 4, 12);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A year's meetings end by December 20, so their tasks are assigned before the year ends.
        var written = await DemoVolume.ForEachCountyYearAsync(groups, lastDay, async (at, year, last) =>
        {
            var span = last.DayNumber - new DateOnly(year, 1, 1).DayNumber;
            var meetings = new List<Meeting>();
            var items = new List<AgendaItem>();
            var tasks = new List<AssignedTask>();
            for (var m = 0; m < meetingsPerYear; m++)
            {
                var heldOn = new DateOnly(year, 1, 1).AddDays(span * (2 * m + 1) / (2 * meetingsPerYear));
                var meeting = Held(at.Group, at.Members, $"{year}年第{m + 1}次联席会议", ChinaTime.StartOfDay(heldOn).AddHours(9).ToUniversalTime(), at.County);
                meetings.Add(meeting);
                // The year's tasks spread over its meetings, one or two an agenda item.
                var due = perCountyYear * (m + 1) / meetingsPerYear - perCountyYear * m / meetingsPerYear;
                for (var number = 1; number <= due;)
                {
                    var (title, decision, requirement) = Matters[random.Next(Matters.Length)];
                    var item = new AgendaItem(Guid.CreateVersion7(), at.Group, title, null, AgendaItemSource.Office, null, null, null, meeting.ScheduledAt.AddDays(-3), Convener);
                    item.PlaceOn(meeting);
                    item.Decide(meeting, decision);
                    items.Add(item);
                    var ofItem = number < due && random.Next(2) == 0 ? 2 : 1;
                    for (var k = 0; k < ofItem; k++, number++) tasks.Add(TaskOf(item, meeting, number, requirement, at.Members, random, clocks));
                }
            }
            await volume.WriteSetsAsync(services, [meetings, items, tasks], clocks, ct);
            return tasks.Count;
        }, lastDayOfDecember: 20);

        await volume.AuditImportAsync(services, nameof(AssignedTask), written, new { groups = groups.Select(g => g.Group.Name) }, ct);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(JointMeetingsDemoVolume)).LogInformation(
            "Demo volume {Size}: {Count} joint-meeting tasks of {Groups} county groups written in {Seconds:F1} s ({Rate:F0} a second)",
            volume.Size, written, groups.Count, clock.Elapsed.TotalSeconds, written / Math.Max(0.001, clock.Elapsed.TotalSeconds));
    }

    private static string GroupName(DemoCounty county) => $"{county.Name}社会治理联席会议";

    private static Meeting Held(WorkingGroup group, List<MemberUnit> members, string title, DateTimeOffset at, DemoCounty county)
    {
        var place = $"{county.Name}委政法委会议室";
        var meeting = new Meeting(Guid.CreateVersion7(), group, title, at, place, Convener);
        var attendance = members.Select((u, i) => new Attendance(u.Id, u.Name, i == 9 ? AttendanceStatus.Substitute : AttendanceStatus.Present,
            u.Name + "分管负责人", i == 9 ? u.Name + "办公室主任" : null)).ToList();
        meeting.RecordHeld(at, place, $"{county.Name}委政法委书记", attendance, members.Select(u => u.Id).ToList());
        return meeting;
    }

    private static AssignedTask TaskOf(AgendaItem item, Meeting meeting, int number, string requirement, List<MemberUnit> members, Random random,
        DemoClocks clocks)
    {
        var lead = members[random.Next(1, members.Count)];
        var cooperating = members.Where(m => m.Id != lead.Id).ElementAt(random.Next(1, members.Count - 1));
        var assignedAt = meeting.HeldAt!.Value;
        var task = new AssignedTask(Guid.CreateVersion7(), item, meeting, number, requirement, lead, [cooperating], JointMeetingPolicies.Task, assignedAt);
        // Accepted within the 30 days, one in ten up to two weeks late.
        var acceptedAt = assignedAt.AddDays(random.Next(10) == 0 ? random.Next(32, 45) : random.Next(8, 29)).AddHours(random.Next(0, 6));
        var liaison = lead.Name + "联络员";
        task.Acknowledge(liaison, assignedAt.AddDays(1));
        task.ReportProgress("已制定工作方案，正在推进", liaison, assignedAt.AddDays(3));
        task.ReportCompletion("已按要求办结", "办结报告及相关佐证材料", liaison, acceptedAt.AddDays(-1));
        task.AnswerCompletion(true, "材料齐全，同意办结", Convener, acceptedAt);
        var due = clocks.Closed(JointMeetingPolicies.Task, AssignedTask.RecordType, task.Id, task.OrgUnitId, assignedAt, acceptedAt, "联席会议验收办结", Convener);
        task.ScheduledDue(due.DueDate, due.DueAt);
        return task;
    }
}
