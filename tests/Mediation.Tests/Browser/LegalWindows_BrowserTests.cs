using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class LegalWindows_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_advisor_signs_in_records_a_consultation_and_refers_the_dispute_to_mediation()
    {
        var (committee, _) = await CaseSetup.CommitteeAsync(app.Factory);
        var page = await app.SignedInAsync("demo.legaladvisor");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "法律服务窗口" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "今日窗口", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("窗口", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "岱东社区法律服务窗口" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.Locator("#on-duty")).ToContainTextAsync("演示法律顾问");

        await page.GetByRole(AriaRole.Link, new() { Name = "登记服务" }).ClickAsync();
        await page.GetByLabel("服务类别").SelectOptionAsync("Consultation");
        await page.GetByLabel("姓名", new() { Exact = true }).FillAsync("王某某");
        await page.GetByLabel("身份证号码（可不填）").FillAsync(CaseSetup.PartyId1);
        await page.GetByLabel("事项", new() { Exact = true }).FillAsync("邻居翻建院墙占用本人宅基地约0.3米，协商未果");
        await page.GetByLabel("解答意见或结果").FillAsync("告知可申请人民调解，经双方同意转介社区调委会");
        await page.GetByLabel("用时（分钟）").FillAsync("20");
        await page.GetByLabel("法律依据").FillAsync("《中华人民共和国民法典》第二百八十八条");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToContainTextAsync("岱东法〔");
        var number = (await heading.TextContentAsync())!.Trim();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("1101**********002X");

        await page.GetByRole(AriaRole.Link, new() { Name = "转介人民调解" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转介人民调解", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("调解委员会").SelectOptionAsync(committee.Id.ToString());
        await page.GetByLabel("纠纷类型").SelectOptionAsync("HousingHomestead");
        await page.GetByLabel("王某某同意调解").CheckAsync();
        await page.GetByLabel("姓名或名称").FillAsync("李某某");
        await page.GetByLabel("身份证号码", new() { Exact = true }).FillAsync(CaseSetup.PartyId2);
        await page.GetByLabel("对方当事人同意调解").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "转介", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator(".field-error, [role=alert]").AllTextContentsAsync()).ShouldBeEmpty();

        await Assertions.Expect(heading).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("#referral")).ToContainTextAsync(committee.ShortName + "调〔");
        await Assertions.Expect(page.Locator("#referral")).ToContainTextAsync("王某某、李某某");
        await Assertions.Expect(page.Locator("#referral-result")).ToHaveTextAsync("调解中，结果尚未返回。");
    }

    [Fact]
    public async Task A_filtered_service_list_survives_a_reload_and_its_ledger_export_has_exactly_the_listed_services()
    {
        var head = await app.Factory.ClientAsAsync(LegalWindows.LegalWindowSetup.UnitHead);
        var demo = (await (await head.GetAsync("/api/legal-windows/advisors")).ReadAsync<List<Mediation.LegalWindows.AdvisorDto>>())
            .Single(a => a.Name == "演示法律顾问");
        var village = await LegalWindows.LegalWindowSetup.VillageAsync(app.Factory, "台账村");
        var window = await LegalWindows.LegalWindowSetup.WindowAsync(app.Factory, village.Id, demo);
        var api = await app.Factory.ClientAsAsync(LegalWindows.LegalWindowSetup.Advisor);
        async Task<string> RecordAsync(Mediation.LegalWindows.ServiceKind kind, DateTimeOffset servedAt)
        {
            var response = await api.PostJsonAsync("/api/legal-windows/records", new Mediation.LegalWindows.RecordServiceInput(window.Id, kind, servedAt,
                new Mediation.LegalWindows.ServedPersonInput("钱某某", null, null), "赡养费给付" + LegalWindows.LegalWindowSetup.Suffix(), "告知可申请人民调解", 15, null));
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.ReadAsync<Mediation.LegalWindows.ServiceRecordDto>()).Number;
        }
        var now = DateTimeOffset.UtcNow;
        var first = await RecordAsync(Mediation.LegalWindows.ServiceKind.Consultation, now.AddMinutes(-20));
        var second = await RecordAsync(Mediation.LegalWindows.ServiceKind.Consultation, now.AddMinutes(-10));
        var errand = await RecordAsync(Mediation.LegalWindows.ServiceKind.CivilAgency, now.AddMinutes(-5));
        var old = await RecordAsync(Mediation.LegalWindows.ServiceKind.Consultation, now.AddDays(-60));
        var today = Mediation.Core.Deadlines.Domain.ChinaTime.DateOf(now);

        var page = await app.SignedInAsync(LegalWindows.LegalWindowSetup.Advisor);
        await page.GotoAsync("/LegalWindows");
        await page.GetByRole(AriaRole.Link, new() { Name = "全部服务记录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "法律服务记录", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("服务类别").SelectOptionAsync("Consultation");
        await page.GetByLabel("窗口", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = window.Name });
        await page.GetByLabel("服务日期自").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("排序").SelectOptionAsync("Oldest");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"kind=Consultation.*windowId={window.Id}.*sort=Oldest"));

        // A reload (or the same link sent to a colleague) shows the same list.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("服务类别")).ToHaveValueAsync("Consultation");
        await Assertions.Expect(page.GetByLabel("排序")).ToHaveValueAsync("Oldest");
        var table = page.Locator("main table.cases");
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = first })).ToBeVisibleAsync();
        await Assertions.Expect(table).Not.ToContainTextAsync(old);
        await Assertions.Expect(table).Not.ToContainTextAsync(errand);
        var listed = (await table.Locator("tbody tr td:first-child").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        listed.ShouldBe([first, second], "the earliest served first");

        await page.GetByRole(AriaRole.Button, new() { Name = "导出台账" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的导出", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "法律服务记录台账.xlsx" });
        await Mediation.Tests.Exports.ExportRuns.RunQueuedAsync(app.Factory);
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载 法律服务记录台账.xlsx" }).ClickAsync());
        await using var file = File.OpenRead((await download.PathAsync())!);
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => (string)r["服务编号"]!).ToList();
        rows.ShouldBe(listed);
    }
}
