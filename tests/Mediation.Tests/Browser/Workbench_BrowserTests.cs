using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Cases;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>The home page is where a mediator starts the day: what is due soon, what is overdue, the unit's unread notices.</summary>
public sealed class Workbench_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_mediators_workbench_shows_a_case_due_tomorrow_and_an_overdue_one_and_both_links_lead_to_them()
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app.Factory);
        var dueTomorrow = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId);
        var overdue = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await TermDueAsync(dueTomorrow.Id, today.AddDays(1));
        await TermDueAsync(overdue.Id, today.AddDays(-3));

        var page = await app.SignedInAsync("demo.mediator");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台", Level = 1 })).ToBeVisibleAsync();
        var soonCard = page.Locator("[data-card='cases.due-soon']");
        var overdueCard = page.Locator("[data-card='cases.overdue']");
        await Assertions.Expect(soonCard.GetByRole(AriaRole.Link, new() { Name = dueTomorrow.Number })).ToBeVisibleAsync();
        await Assertions.Expect(soonCard).ToContainTextAsync($"期限 {today.AddDays(1):yyyy-MM-dd}");
        await Assertions.Expect(soonCard).Not.ToContainTextAsync(overdue.Number);
        await Assertions.Expect(overdueCard.GetByRole(AriaRole.Link, new() { Name = overdue.Number })).ToBeVisibleAsync();
        await Assertions.Expect(overdueCard).Not.ToContainTextAsync(dueTomorrow.Number);

        await soonCard.GetByRole(AriaRole.Link, new() { Name = dueTomorrow.Number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(dueTomorrow.Number);
        await page.GoBackAsync();
        await overdueCard.GetByRole(AriaRole.Link, new() { Name = overdue.Number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(overdue.Number);

        // The count opens the list filtered the same way, the filter kept in the address.
        await page.GotoAsync("/");
        await overdueCard.Locator("a.count").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases\\?due=Overdue$"));
        var main = page.Locator("main");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = overdue.Number })).ToBeVisibleAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = dueTomorrow.Number })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("期限")).ToHaveValueAsync("Overdue");

        // 今日调解: a session planned for today is on its card; the count opens today's planned sessions, the line the case.
        // Planned before the day began, as the demo's sessions are (the API refuses a start before now, and 00:01 holds at any hour
        // the test runs); SessionPlanApi_Tests plan through the API on a controlled clock.
        await Mediation.Core.Modularity.DemoActor.RunAsAsync(app.Factory.Services, "demo.mediator", sp => sp.GetRequiredService<Mediation.Cases.Application.SessionPlanAppService>()
            .PlanAsync(overdue.Id, new PlanSessionInput(new DateTimeOffset(today.ToDateTime(new TimeOnly(0, 1)), TimeSpan.FromHours(8)), "岱庙街道人民调解委员会调解室", null),
                new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), CancellationToken.None), CancellationToken.None);
        await page.GotoAsync("/");
        var sessionsCard = page.Locator("[data-card='cases.sessions-today']");
        await Assertions.Expect(sessionsCard).ToContainTextAsync("00:01 岱庙街道人民调解委员会调解室");
        await sessionsCard.Locator("a.count").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Cases/Sessions\\?today=true$"));
        await main.GetByRole(AriaRole.Link, new() { Name = overdue.Number }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(overdue.Number);
    }

    [Fact]
    public async Task A_unit_head_sees_the_overdue_records_of_each_unit_below_his_own_and_a_line_opens_that_units_dashboard()
    {
        var daimiao = await app.Factory.UnitIdAsync("370902001");
        var page = await app.SignedInAsync("demo.unithead");
        await page.GotoAsync("/");
        var card = page.Locator("[data-card='deadlines.overdue-by-unit']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var line = card.Locator("li", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "岱庙街道", Exact = true }) });
        var before = await line.CountAsync() == 0 ? 0
            : int.Parse(System.Text.RegularExpressions.Regex.Match((await line.TextContentAsync())!, "超期 (\\d+) 件").Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);

        // Two handling terms at the 街道 that ran out long ago.
        await app.Factory.StartClockAsync("370902001", "petition.handling", DateTimeOffset.UtcNow.AddDays(-200));
        await app.Factory.StartClockAsync("370902001", "petition.handling", DateTimeOffset.UtcNow.AddDays(-200));
        await page.ReloadAsync();
        await Assertions.Expect(line).ToContainTextAsync($"岱庙街道 · 超期 {before + 2} 件");

        await line.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/Deadlines\\?orgUnitId={daimiao}$"));
        await Assertions.Expect(page.Locator("#orgUnitId")).ToHaveValueAsync(daimiao.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "已超期", Level = 2 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_bell_counts_the_units_unread_notices_and_opening_one_marks_it_read_and_shows_its_record()
    {
        var taishan = await app.Factory.UnitIdAsync("370902");
        var subject = $"【提醒】期限提醒 {Random.Shared.Next(1000, 9999)}";
        await app.Factory.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            db.Add(new Notice(Guid.CreateVersion7(), NoticeChannel.InApp, taishan, null, "test", subject, "正文", null, DateTimeOffset.UtcNow, "/Deadlines"));
            return await db.SaveChangesAsync();
        });

        var page = await app.SignedInAsync("demo.coordinator");
        var bell = page.Locator("#notices-bell");
        var before = int.Parse(System.Text.RegularExpressions.Regex.Match((await bell.TextContentAsync())!, "(\\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        await bell.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = subject }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Deadlines$"));
        await Assertions.Expect(bell).ToHaveTextAsync(before == 1 ? "通知" : $"通知（{before - 1}条未读）");
        await bell.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = subject })).ToHaveCountAsync(0);
    }

    private Task<int> TermDueAsync(Guid caseId, DateOnly due) => app.Factory.InScopeAsync(async sp =>
    {
        var dueAt = ChinaTime.EndOfDay(due).ToUniversalTime();
        return await sp.GetRequiredService<MediationDbContext>().Set<DeadlineClock>()
            .Where(c => c.RecordId == caseId && c.PolicyName == "mediation.term")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DueDate, due).SetProperty(c => c.DueAt, dueAt));
    });
}
