using Mediation.Core.Web;
using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

public abstract class DeadlineDashboardApi_Tests : ProviderTests
{
    /// <summary>Fri 20 Mar 2026, 10:00 in Beijing, for every host of these tests.</summary>
    public static readonly FakeTimeProvider Time = new(China(2026, 3, 20, 10).ToUniversalTime());

    [Fact]
    public async Task Due_dates_of_many_records_come_in_one_read_open_and_stopped_alike_and_equal_each_records_own_clocks()
    {
        var app = await AppAsync();
        var open = await app.StartClockAsync("370902001", "petition.handling", China(2026, 3, 2));
        var second = await app.StartClockAsync("370902001", "petition.acceptance-notice", China(2026, 3, 3));
        var stopped = await app.StartClockAsync("370902", "petition.handling", China(2026, 2, 2));
        await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>()
            .StopAsync(stopped.Id, new StopClockInput("办结", "测试", stopped.ConcurrencyStamp), CancellationToken.None));
        // The real records sit past the first few hundred ids, so the read must go through every chunk.
        var ids = Enumerable.Range(0, 1_100).Select(_ => Guid.NewGuid()).Concat([open.RecordId, second.RecordId, stopped.RecordId]).ToList();

        var dues = await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>().DueDatesAsync("petition", ids, CancellationToken.None));

        dues.Select(d => d.RecordId).ShouldBe([stopped.RecordId, open.RecordId, second.RecordId]); // by start
        foreach (var clock in new[] { open, second, stopped })
        {
            var own = (await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>().ForRecordAsync("petition", clock.RecordId, CancellationToken.None))).Single();
            dues.Single(d => d.RecordId == clock.RecordId).ShouldBe(new RecordDueDate(own.RecordId, own.Policy, own.StartedAt, own.Status, own.DueDate));
        }
        dues.Single(d => d.RecordId == stopped.RecordId).Status.ShouldBe(ClockStatus.Stopped);
        (await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>().DueDatesAsync("case", ids, CancellationToken.None))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_dashboard_lists_overdue_and_due_soon_clocks_of_a_unit_and_the_units_below_it()
    {
        var app = await AppAsync();
        var overdueInCommunity = await app.StartClockAsync("370902001001", "petition.acceptance-notice", China(2026, 3, 2)); // due Tue 17 Mar
        var dueTodayInTown = await app.StartClockAsync("370902001", "desk.feedback", China(2026, 3, 13));                   // due Fri 20 Mar
        var overdueElsewhere = await app.StartClockAsync("370911001", "petition.acceptance-notice", China(2026, 3, 2));     // 岱岳区, not below 泰山区
        var farAway = await app.StartClockAsync("370902", "petition.handling", China(2026, 3, 20));
        var mine = new[] { overdueInCommunity.Id, dueTodayInTown.Id, overdueElsewhere.Id, farAway.Id };

        var client = await ClientAsync(userName: "demo.coordinator");
        var taishan = await app.UnitIdAsync("370902");
        var board = await (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={taishan}")).ReadAsync<DashboardDto>();
        board.OrgUnitName.ShouldBe("泰山区");
        board.Overdue.Where(i => mine.Contains(i.ClockId)).Select(i => i.ClockId).ShouldBe([overdueInCommunity.Id]);
        board.DueSoon.Where(i => mine.Contains(i.ClockId)).Select(i => i.ClockId).ShouldBe([dueTodayInTown.Id]);
        board.Overdue.Single(i => i.ClockId == overdueInCommunity.Id).OrgUnitName.ShouldBe("岱东社区");

        var community = await app.UnitIdAsync("370902001001");
        var small = await (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={community}")).ReadAsync<DashboardDto>();
        small.Overdue.Where(i => mine.Contains(i.ClockId)).Select(i => i.ClockId).ShouldBe([overdueInCommunity.Id]);
        small.DueSoon.ShouldNotContain(i => i.ClockId == dueTodayInTown.Id);

        (await app.SweepAsync()).ShouldBeGreaterThan(0);
        var afterSweep = await (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={taishan}")).ReadAsync<DashboardDto>();
        afterSweep.Overdue.Single(i => i.ClockId == overdueInCommunity.Id).LastEscalation.ShouldBe(DeadlineStepKind.Urge);

        // The 催办 reached the inbox of the supervising unit (岱庙街道, the community's parent).
        var town = await app.UnitIdAsync("370902001");
        var inbox = (await (await client.GetAsync($"/api/notifications/inbox?orgUnitId={town}&unreadOnly=true")).ReadAsync<PagedList<NoticeDto>>()).Items;
        // The notice names the owning unit and the period, never the record's id (that clock's record is no real petition).
        var urge = inbox.Single(n => n.Body.StartsWith("岱东社区：", StringComparison.Ordinal) && n.Subject.Contains("受理告知期限", StringComparison.Ordinal));
        urge.Subject.ShouldStartWith("【催办】");
        urge.Body.ShouldNotContain(overdueInCommunity.RecordId.ToString());
        (await client.PostAsync($"/api/notifications/{urge.Id}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        ((await (await client.GetAsync($"/api/notifications/inbox?orgUnitId={town}&unreadOnly=true")).ReadAsync<PagedList<NoticeDto>>()).Items)
            .ShouldNotContain(n => n.Id == urge.Id);
    }

    [Fact]
    public async Task The_dashboard_needs_a_known_unit()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        (await client.GetAsync("/api/deadlines/dashboard")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={await (await AppAsync()).UnitIdAsync("370902")}&withinDays=999"))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_extended_clock_shows_its_statutory_due_date_beside_the_adjusted_one()
    {
        // 信访工作条例 Art. 34: 60 days, extended by at most 30 with approval; the list shows both dates.
        var app = await AppAsync();
        var started = await app.StartClockAsync("370902002001", "petition.handling", China(2026, 1, 16));
        var extended = await app.InScopeAsync(sp => sp.GetRequiredService<IDeadlineClocks>()
            .ExtendAsync(started.Id, new ExtendClockInput(30, "李局长", "情况复杂", started.ConcurrencyStamp), CancellationToken.None));
        extended.DueDate.ShouldNotBe(started.DueDate);
        var plain = await app.StartClockAsync("370902002001", "petition.handling", China(2026, 1, 20));

        var client = await ClientAsync(userName: "demo.coordinator");
        var unit = await app.UnitIdAsync("370902002001");
        var board = await (await client.GetAsync($"/api/deadlines/dashboard?orgUnitId={unit}&withinDays=60")).ReadAsync<DashboardDto>();
        var item = board.DueSoon.Single(i => i.ClockId == started.Id);
        item.DueDate.ShouldBe(extended.DueDate);
        item.StatutoryDueDate.ShouldBe(started.DueDate);
        board.Overdue.Concat(board.DueSoon).Single(i => i.ClockId == plain.Id).StatutoryDueDate.ShouldBeNull();

        var html = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/Deadlines?orgUnitId={unit}&withinDays=60")).Content.ReadAsStringAsync());
        html.ShouldContain($"{extended.DueDate:yyyy-MM-dd} <span class=\"statutory-due\">（规定期限 {started.DueDate:yyyy-MM-dd}）</span>");
        html.Split("statutory-due").Length.ShouldBe(2, "only the extended clock shows a second date");
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_overdue_clocks_of_the_chosen_unit()
    {
        var app = await AppAsync();
        await app.StartClockAsync("370902002001-01", "petition.acceptance-notice", China(2026, 3, 1));
        var client = await ClientAsync(userName: "demo.coordinator");
        var caiyuan = await app.UnitIdAsync("370902002");
        var html = System.Net.WebUtility.HtmlDecode(await (await client.GetAsync($"/Deadlines?orgUnitId={caiyuan}")).Content.ReadAsStringAsync());
        html.ShouldContain("宝盛网格");
        html.ShouldContain("受理告知期限"); // the period by its name, never its code
        html.ShouldNotContain("petition.acceptance-notice");
        html.ShouldContain("已超期");
    }
}

public sealed class SqliteAppWithFakeTime() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: DeadlineApps.WithTime(DeadlineDashboardApi_Tests.Time)));

public sealed class DeadlineDashboardApi_Tests_on_Sqlite(SqliteAppWithFakeTime app) : DeadlineDashboardApi_Tests, IClassFixture<SqliteAppWithFakeTime>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class DeadlineDashboardApi_Tests_on_PostgreSql(PostgresCluster cluster) : DeadlineDashboardApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), DeadlineApps.WithTime(Time));
}
