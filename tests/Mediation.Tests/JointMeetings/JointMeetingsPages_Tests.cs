using Mediation.Core.Web;
using System.Net;
using Mediation.JointMeetings;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.JointMeetings;

/// <summary>The JointMeetings pages through the real pipeline: menu entries by permission, who may open what, English.</summary>
public abstract class JointMeetingsPages_Tests : ProviderTests
{
    [Fact]
    public async Task The_coordinator_and_the_liaison_see_the_menu_entries_of_their_permissions()
    {
        var coordinator = await ClientAsync(userName: JointMeetingsApi_Tests.Coordinator);
        var calendar = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/JointMeetings"));
        calendar.ShouldContain("<a href=\"/JointMeetings\">联席会议</a>");
        calendar.ShouldContain("<a href=\"/JointMeetings/Supervision\">督办清单</a>");
        calendar.ShouldContain("安排会议");
        var supervision = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/JointMeetings/Supervision?overdueOnly=true"));
        supervision.ShouldContain("挂牌督办", customMessage: "the demo's overdue task is under listed supervision");
        supervision.ShouldNotContain("已验收办结");

        var liaison = await ClientAsync(userName: JointMeetingsApi_Tests.Liaison);
        var mine = WebUtility.HtmlDecode(await liaison.GetStringAsync("/JointMeetings/Tasks"));
        mine.ShouldContain("<a href=\"/JointMeetings/Tasks\">本单位交办事项</a>");
        mine.ShouldNotContain("<a href=\"/JointMeetings\">");
        mine.ShouldContain("市住房和城乡建设局");
        (await liaison.GetAsync("/JointMeetings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.GetAsync("/JointMeetings/Supervision")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.GetAsync("/JointMeetings/Schedule")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var english = WebUtility.HtmlDecode(await liaison.GetStringAsync("/JointMeetings/Tasks?culture=en"));
        english.ShouldContain("My unit's tasks");
    }

    [Fact]
    public async Task A_liaison_opens_only_his_units_tasks_and_acts_only_on_those_his_unit_leads()
    {
        var coordinator = await ClientAsync(userName: JointMeetingsApi_Tests.Coordinator);
        var tasks = (await JointMeetingsApi_Tests.OkAsync<PagedList<AssignedTaskDto>>(await coordinator.GetAsync("/api/joint-meetings/tasks"))).Items;
        var foreign = tasks.First(t => t.LeadUnit.Name != "市住房和城乡建设局" && t.CooperatingUnits.All(c => c.Name != "市住房和城乡建设局"));
        var led = tasks.First(t => t.LeadUnit.Name == "市住房和城乡建设局" && t.Status == AssignedTaskStatus.InProgress);

        var liaison = await ClientAsync(userName: JointMeetingsApi_Tests.Liaison);
        (await liaison.GetAsync($"/JointMeetings/Tasks/{foreign.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = WebUtility.HtmlDecode(await liaison.GetStringAsync($"/JointMeetings/Tasks/{led.Id}"));
        page.ShouldContain("报告进展");
        page.ShouldNotContain("验收通过");
        page.ShouldNotContain("记录措施");

        var asCoordinator = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Tasks/{led.Id}"));
        asCoordinator.ShouldContain("记录措施");
        asCoordinator.ShouldNotContain("报告进展");
    }
}

public sealed class JointMeetingsPages_Tests_on_Sqlite(SqliteApp app) : JointMeetingsPages_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class JointMeetingsPages_Tests_on_PostgreSql(PostgresCluster cluster) : JointMeetingsPages_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
