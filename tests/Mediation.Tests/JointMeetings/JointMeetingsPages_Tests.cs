using Mediation.Core.Web;
using System.Net;
using Mediation.Core.Data;
using Mediation.JointMeetings;
using Mediation.JointMeetings.Domain;
using Mediation.Tests.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
    public async Task The_offices_workbench_lists_the_joint_meetings_scheduled_today_each_linking_to_its_page()
    {
        var coordinator = await ClientAsync(userName: JointMeetingsApi_Tests.Coordinator);
        var group = (await JointMeetingsApi_Tests.OkAsync<List<WorkingGroupDto>>(await coordinator.GetAsync("/api/joint-meetings/groups")))
            .Single(g => g.Level == MeetingLevel.City);
        // Scheduled at this instant: whatever the hour, it is today's meeting (an hour fixed in China time would be tomorrow's after it).
        var now = DateTimeOffset.UtcNow;
        var todays = await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "今日专题联席会议" + Guid.NewGuid().ToString("N")[..4], now, "市委政法委三楼会议室")), HttpStatusCode.Created);
        var tomorrows = await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "明日专题联席会议" + Guid.NewGuid().ToString("N")[..4], now.AddDays(1), "市委政法委三楼会议室")), HttpStatusCode.Created);
        var day = Mediation.Core.Deadlines.Domain.ChinaTime.DateOf(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var listed = await JointMeetingsApi_Tests.OkAsync<List<MeetingSummaryDto>>(await coordinator.GetAsync($"/api/joint-meetings/meetings?from={day}&to={day}"));
        listed.ShouldContain(m => m.Id == todays.Id);

        var card = await WorkbenchPage.CardAsync(coordinator, "joint-meetings.today");
        card.ShouldContain($"aria-label=\"今日联席会议：{listed.Count} 件，查看列表\">{listed.Count}</a>");
        card.ShouldContain($"href=\"/JointMeetings?month={day[..7]}\"");
        foreach (var meeting in listed.Take(5))
            card.ShouldContain($"<a href=\"/JointMeetings/Meetings/{meeting.Id}\">{meeting.Title}</a> · "
                + $"{meeting.ScheduledAt.ToOffset(TimeSpan.FromHours(8)):HH:mm} {meeting.Place}");
        card.ShouldNotContain(tomorrows.Id.ToString());
        (await coordinator.GetAsync($"/JointMeetings/Meetings/{todays.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var liaison = WebUtility.HtmlDecode(await (await ClientAsync(userName: JointMeetingsApi_Tests.Liaison)).GetStringAsync("/"));
        liaison.ShouldNotContain("data-card=\"joint-meetings.today\"", customMessage: "a member unit's liaison does not read the meetings");
    }

    [Fact]
    public async Task The_agenda_form_places_an_item_with_the_stamp_it_showed_so_a_change_since_is_a_conflict()
    {
        var app = await AppAsync();
        var coordinator = await ClientAsync(userName: JointMeetingsApi_Tests.Coordinator);
        var group = (await JointMeetingsApi_Tests.OkAsync<List<WorkingGroupDto>>(await coordinator.GetAsync("/api/joint-meetings/groups")))
            .Single(g => g.Level == MeetingLevel.City);
        var meeting = await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "专题联席会议" + Guid.NewGuid().ToString("N")[..4], DateTimeOffset.UtcNow.AddDays(3), "市委政法委三楼会议室")),
            HttpStatusCode.Created);
        var item = await JointMeetingsApi_Tests.OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "欠薪线索" + Guid.NewGuid().ToString("N")[..4], null, null, null, null)), HttpStatusCode.Created);
        var url = $"/JointMeetings/Meetings/{meeting.Id}";
        async Task<HttpResponseMessage> PlaceAsync(string page) => await coordinator.PostAsync($"{url}?handler=Place", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Field(page, "__RequestVerificationToken"), ["ProposedItemId"] = item.Id.ToString(),
                [$"ProposedStamps[{item.Id}]"] = Field(page, $"ProposedStamps[{item.Id}]"),
            }));

        var shown = await coordinator.GetStringAsync(url);
        Field(shown, $"ProposedStamps[{item.Id}]").ShouldBe(item.ConcurrencyStamp);
        // Another office worker changes the item after the form was shown.
        await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AgendaItem>().Where(i => i.Id == item.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ConcurrencyStamp, "changed-meanwhile")));

        var stale = await PlaceAsync(shown);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("该记录已被他人修改，请刷新后重试。");
        (await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}"))).AgendaItems.ShouldBeEmpty();

        (await PlaceAsync(await coordinator.GetStringAsync(url))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JointMeetingsApi_Tests.OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}")))
            .AgendaItems.ShouldHaveSingleItem().Id.ShouldBe(item.Id);
    }

    private static string Field(string page, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"the form holds {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
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

[Collection(PostgresCollection.Third)]
public sealed class JointMeetingsPages_Tests_on_PostgreSql(PostgresCluster cluster) : JointMeetingsPages_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
