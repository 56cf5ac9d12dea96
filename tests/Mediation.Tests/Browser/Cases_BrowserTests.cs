using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Mediation.Cases;
using Mediation.Tests.Cases;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed partial class Cases_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_mediator_registers_a_case_records_a_session_concludes_it_and_prints_the_agreement()
    {
        var (committee, _) = await CaseSetup.CommitteeAsync(app.Factory);
        var page = await app.SignedInAsync("demo.mediator");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "人民调解" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的案件", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "受理登记" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "受理登记", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("人民调解委员会").SelectOptionAsync(committee.Id.ToString());
        // Only the chosen committee's mediators are offered.
        await Assertions.Expect(page.GetByLabel("张调解 · 主任").And(page.Locator(":visible"))).ToHaveCountAsync(1);
        await page.Locator($".mediator-group[data-committee='{committee.Id}']").GetByLabel("张调解 · 主任").CheckAsync();

        await page.GetByLabel("纠纷类型").SelectOptionAsync("Neighbourhood");
        await page.GetByLabel("纠纷简要情况").FillAsync("排水沟改道，雨水流入邻居院内");
        await page.GetByLabel("争议金额（元）").FillAsync("2000");
        await page.GetByLabel("地点", new() { Exact = true }).FillAsync("岱东社区");
        await FillPersonAsync(page, 0, "王某某", "110105194912310021");
        await FillPersonAsync(page, 1, "李某某", CaseSetup.PartyId2);
        // A third row added by mistake is removed again; the two real parties keep their indexes.
        await page.GetByRole(AriaRole.Button, new() { Name = "添加当事人" }).ClickAsync();
        await Assertions.Expect(page.Locator("#party-2-kind")).ToBeFocusedAsync();
        await page.Locator("#parties fieldset").Nth(2).GetByRole(AriaRole.Button, new() { Name = "删除此当事人" }).ClickAsync();
        await Assertions.Expect(page.Locator("#parties fieldset")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        var idCard = page.Locator("#party-0-idcard");
        await Assertions.Expect(page.Locator("#party-0-idcard-error")).ToHaveTextAsync("自然人当事人须填写有效的身份证号码。");
        await Assertions.Expect(idCard).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(idCard).ToHaveAttributeAsync("aria-describedby", "party-0-idcard-error");
        await Assertions.Expect(page.Locator("#party-1-idcard-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#party-1-name")).ToHaveValueAsync("李某某");
        await idCard.FillAsync(CaseSetup.PartyId1);
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToHaveTextAsync(CaseNumber());
        var number = (await heading.TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "1101**********002X" })).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain(CaseSetup.PartyId1);

        await page.GetByRole(AriaRole.Link, new() { Name = "返回案件列表" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("王＊＊、李＊＊");
        await Assertions.Expect(row).ToContainTextAsync("蓝色（低风险）");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "记录调解" }).ClickAsync();
        await page.GetByLabel("参加人员（每行一人）").FillAsync("张调解\n王某某\n李某某");
        await page.GetByLabel("调解笔录").FillAsync("调解员释法说理，双方同意恢复排水沟原走向。");
        await page.GetByLabel("王某某 的陈述").FillAsync("雨水流进我家院子。");
        await page.GetByLabel("李某某 的陈述").FillAsync("同意改回原走向。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(heading).ToHaveTextAsync(number);
        var timeline = page.Locator("ol.timeline li");
        await Assertions.Expect(timeline).ToHaveCountAsync(3);
        // Each entry reads: what happened · who did it (name and unit, not the login) · the detail.
        await Assertions.Expect(timeline.Filter(new() { HasText = "调解 · 演示调解员（" }).Filter(new() { HasText = "岱东社区" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "结案" }).ClickAsync();
        await page.GetByLabel("结案方式").SelectOptionAsync("Succeeded");
        await page.GetByLabel("纠纷主要事实").FillAsync("李某某改挖排水沟，雨水流入王某某院内。");
        await page.GetByLabel("争议事项").FillAsync("排水沟走向及损失赔偿");
        await page.GetByLabel("各方当事人的责任").FillAsync("李某某负主要责任");
        await page.Locator("#term-0-description").FillAsync("李某某将排水沟恢复原走向");
        await page.Locator("#term-0-due-on").FillAsync("2030-05-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加条款" }).ClickAsync();
        await page.Locator("#term-1-description").FillAsync("李某某赔偿王某某损失");
        await page.Locator("#term-1-amount").FillAsync("800");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认结案" }).ClickAsync();

        await Assertions.Expect(page.Locator("dl.facts dd", new() { HasText = "调解成功（书面协议）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.timeline li").Last).ToContainTextAsync("结案 · 演示调解员（");
        await Assertions.Expect(page.Locator("ol.timeline li").Last).ToContainTextAsync("调解成功（书面协议）");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "记录调解" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Table).Filter(new() { HasText = "协议内容" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(3);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "打印调解协议书" }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var text = PdfText.AllText(pdf);
        text.ShouldContain(number);
        text.ShouldContain("一式三份");
        text.ShouldContain("李某某赔偿王某某损失，金额人民币800.00元");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("ol.timeline li").Last).ToContainTextAsync("出具调解协议书");
        // The timeline reads in the order things were recorded; a session's time is the one the mediator typed (to the
        // minute), so it may precede the registration's second, and the order does not come from the times.
        var kinds = await page.Locator("ol.timeline li strong").AllTextContentsAsync();
        kinds.Count.ShouldBe(5);
        kinds.ShouldBe(["受理登记", "风险评估", "调解", "结案", "出具调解协议书"]);
        await page.GetByText("登记协议已签署").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("ol.timeline li").Filter(new() { HasText = "协议签署" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("登记司法确认结果")).ToHaveCountAsync(0);
        await page.GetByText("记录司法确认申请").ClickAsync();
        await page.GetByLabel("人民法院").FillAsync("泰安市泰山区人民法院");
        await page.GetByLabel("申请日期").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form[action*='handler=Application'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByText("登记司法确认结果")).ToBeVisibleAsync();
        var reprint = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "打印调解协议书" }).ClickAsync());
        (await File.ReadAllBytesAsync((await reprint.PathAsync())!)).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_timeline_with_several_same_second_events_reads_in_the_order_they_happened()
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app.Factory);
        var registered = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId);
        var mediator = await app.Factory.ClientAsAsync("demo.mediator");
        // Registration and its first assessment share one instant. Two sessions are then recorded as held in that same second
        // (the start of it, so not after the registration), around a reassessment the clock stamps later: read by time, both
        // sessions would come before the registration and the reassessment last; read in the order recorded, they follow it.
        var registeredAt = registered.Timeline![0].At;
        var sameSecond = registeredAt.AddTicks(-(registeredAt.Ticks % TimeSpan.TicksPerSecond));
        var first = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions",
            new RecordSessionInput(sameSecond, "第一调解室", ["张调解"], "首次调解，双方陈述", [], await mediator.CurrentStampAsync($"/api/cases/{registered.Id}/sessions")));
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var raised = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/risk", new AssessRiskInput(RiskGrade.Yellow, "双方言语冲突",
            (await first.ReadAsync<CaseDto>()).ConcurrencyStamp));
        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        var second = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions",
            new RecordSessionInput(sameSecond, "第二调解室", ["张调解"], "再次调解", [], await mediator.CurrentStampAsync($"/api/cases/{registered.Id}/sessions")));
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());

        var page = await app.SignedInAsync("demo.mediator");
        await page.GotoAsync($"/Cases/{registered.Id}");
        var steps = page.Locator("ol.timeline li");
        await Assertions.Expect(steps).ToHaveCountAsync(5);
        (await steps.Locator("strong").AllTextContentsAsync()).ShouldBe(["受理登记", "风险评估", "调解", "风险评估", "调解"]);
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("第一调解室");
        await Assertions.Expect(steps.Nth(3)).ToContainTextAsync("双方言语冲突");
        await Assertions.Expect(steps.Nth(4)).ToContainTextAsync("第二调解室");
        // The three events of the registration's second show one and the same minute.
        var minute = (await steps.Nth(0).Locator("time").TextContentAsync())!;
        await Assertions.Expect(steps.Nth(2).Locator("time")).ToHaveTextAsync(minute);
        await Assertions.Expect(steps.Nth(4).Locator("time")).ToHaveTextAsync(minute);
    }

    [Fact]
    public async Task The_register_page_has_no_serious_accessibility_violations_and_reads_in_English()
    {
        await CaseSetup.CommitteeAsync(app.Factory);
        var page = await app.SignedInAsync("demo.mediator");
        await page.GotoAsync("/Cases/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();

        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ShouldBeEmpty();

        await page.GetByLabel("语言").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a case", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Citizen ID number").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "People's mediation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My cases", Level = 1 })).ToBeVisibleAsync();
    }

    private static async Task FillPersonAsync(IPage page, int index, string name, string idCard)
    {
        await page.Locator($"#party-{index}-name").FillAsync(name);
        await page.Locator($"#party-{index}-idcard").FillAsync(idCard);
        await page.Locator($"#party-{index}-consent").CheckAsync();
    }

    [GeneratedRegex(@"^岱\w{6}调〔\d{4}〕1号$")]
    private static partial Regex CaseNumber();
}
