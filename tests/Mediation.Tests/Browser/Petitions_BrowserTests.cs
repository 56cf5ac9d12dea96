using System.Net;
using Deque.AxeCore.Playwright;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Cases;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Petitions_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Matter = "邻居李某某在宅基地上翻建院墙，越过两家宅基地界址，占用我家宅基地约一米宽，多次协商未果。";

    [Fact]
    public async Task An_officer_files_a_phone_petition_sees_the_duplicate_hint_accepts_it_and_hands_it_over_to_mediation()
    {
        var (committee, _) = await CaseSetup.CommitteeAsync(app.Factory);
        var seeded = await (await app.Factory.ClientAsAsync("demo.petitionofficer")).PostJsonAsync("/api/petitions", new RegisterPetitionInput(
            PetitionChannel.Letter, DateTimeOffset.UtcNow.AddDays(-3), null, [new PetitionerInput("王某某", null, null, "岱东社区 3 号")],
            "李某某翻建院墙越过宅基地界址，占用我家宅基地，请求恢复原界址。", "恢复宅基地界址", "岱东社区", null, null, null, null));
        seeded.StatusCode.ShouldBe(HttpStatusCode.Created, await seeded.Content.ReadAsStringAsync());
        var open = await seeded.ReadAsync<PetitionDto>();
        var page = await app.SignedInAsync("demo.petitionofficer");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "信访事项" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的信访事项", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "信访登记" }).ClickAsync();
        await page.GetByLabel("信访形式").SelectOptionAsync("Phone");
        await Assertions.Expect(page.GetByText("电话信访由登记人代为记录。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("转送交办机关")).ToBeHiddenAsync();
        await page.Locator("#petitioner-0-name").FillAsync("王某某");
        await page.Locator("#petitioner-0-phone").FillAsync("13900139000");
        // The mediation case needs the petitioner's 身份证号 (a natural-person party).
        await page.Locator("#petitioner-0-idcard").FillAsync(CaseSetup.PartyId1);
        await page.GetByRole(AriaRole.Button, new() { Name = "添加信访人" }).ClickAsync();
        await Assertions.Expect(page.Locator("#petitioner-1-name")).ToBeFocusedAsync();
        await page.Locator("#petitioners fieldset").Nth(1).GetByRole(AriaRole.Button, new() { Name = "删除此信访人" }).ClickAsync();
        await page.GetByLabel("信访事项", new() { Exact = true }).FillAsync(Matter);
        await page.GetByLabel("信访请求").FillAsync("恢复宅基地原界址");

        var hint = page.Locator("#duplicates");
        await Assertions.Expect(hint).ToContainTextAsync("可能重复的信访事项");
        await Assertions.Expect(hint.GetByRole(AriaRole.Link, new() { Name = open.Number })).ToBeVisibleAsync();
        await Assertions.Expect(hint.GetByLabel("不是重复信访，登记为新事项")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();

        var heading = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).Not.ToHaveTextAsync("信访登记");
        var number = (await heading.TextContentAsync())!.Trim();
        number.ShouldNotBe(open.Number);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("电话 · 代为登记");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "139****9000" })).ToBeVisibleAsync();

        await page.GetByLabel("事项类别").SelectOptionAsync("Grievance");
        await page.GetByLabel("申诉求决类的办理方式（第三十一条）").SelectOptionAsync("Handling");
        await page.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("办理中");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "受理告知书" }).ClickAsync());
        var text = PdfText.AllText(await File.ReadAllBytesAsync((await download.PathAsync())!)).Replace(" ", "", StringComparison.Ordinal);
        // The notice carries its own number, the petition's with 受 (泰山信〔2026〕2号 → 泰山信受〔2026〕2号).
        text.ShouldContain("信访事项受理告知书");
        text.ShouldContain(number.Replace("信〔", "信受〔", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "转人民调解" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "转人民调解（访调对接）", Level = 1 })).ToBeVisibleAsync();
        foreach (var key in new[] { "specialisedBodyMatter", "litigationOrArbitration", "administrativeDispute", "criminalMatter", "accusationMatter",
                     "personalStatusMatter", "partyRefuses" })
            await page.Locator($"#exclusion-{key}-no").CheckAsync();
        await page.GetByLabel("人民调解委员会").SelectOptionAsync(committee.Id.ToString());
        await page.GetByLabel("纠纷类型").SelectOptionAsync("HousingHomestead");
        await page.GetByLabel("王某某 同意调解").CheckAsync();
        await page.Locator("#party-0-name").FillAsync("李某某");
        await page.Locator("#party-0-idcard").FillAsync(CaseSetup.PartyId2);
        await page.Locator("#party-0-consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "移交调解" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.Locator(".field-error, [role=alert]").AllTextContentsAsync()).ShouldBeEmpty();

        await Assertions.Expect(heading).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("已转人民调解");
        var caseLink = page.Locator("#mediation-case");
        await Assertions.Expect(caseLink).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"调〔\d{4}〕[1-9]\d*号$"));
        await Assertions.Expect(caseLink).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/Cases/[0-9a-f-]{36}$"));
        // The petition officer follows the case he handed over.
        var caseNumber = await caseLink.TextContentAsync();
        await caseLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(caseNumber!.Trim());
        // The case names where it came from by the petition's number, a link back to it (issue 20), never its id.
        var source = page.Locator("#case-source");
        await Assertions.Expect(source).ToHaveTextAsync("信访事项" + number);
        await source.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(number);
    }

    [Fact]
    public async Task A_township_petition_is_reviewed_by_the_county_and_reexamined_by_the_city_on_their_pages()
    {
        // 信访工作条例 Art. 35: 复查 by the body one level above the handling body (岱庙街道 → 泰山区); Art. 36: 复核 by the level
        // above that (泰安市) — the county's officer may not take the 复核 request.
        var daimiao = await app.Factory.ClientAsAsync("demo.petitionofficer.daimiao");
        var filed = await daimiao.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Letter, DateTimeOffset.UtcNow.AddDays(-3), null,
            [new PetitionerInput("赵某某", null, null, "岱东社区 8 号")], "小区物业公司擅自提高停车费，请求按原标准收费。", "恢复原停车收费标准", "岱东社区", null, null, null, null));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var petition = await filed.ReadAsync<PetitionDto>();
        (await daimiao.PostJsonAsync($"/api/petitions/{petition.Id}/accept",
            new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await daimiao.PostJsonAsync($"/api/petitions/{petition.Id}/reply", new IssueOpinionInput(OpinionDecision.Explain, "恢复原停车收费标准",
            "经核查，物业公司调价已按合同约定公示并经业主大会表决。", "《物业管理条例》第四十条", await daimiao.CurrentStampAsync($"/api/petitions/{petition.Id}/reply")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var head = await app.Factory.ClientAsAsync("demo.unithead.daimiao");
        (await head.PostJsonAsync($"/api/petitions/{petition.Id}/opinion/sign-off",
            new SignOffOpinionInput(OpinionKind.Reply, await head.CurrentStampAsync($"/api/petitions/{petition.Id}")))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var county = await app.SignedInAsync("demo.petitionofficer");
        await county.GotoAsync($"/Petitions/{petition.Id}");
        var facts = county.Locator("dl.facts");
        await Assertions.Expect(facts).ToContainTextAsync("已答复");
        await county.Locator("summary", new() { HasText = "登记复查申请" }).ClickAsync();
        await county.GetByRole(AriaRole.Button, new() { Name = "登记复查申请" }).ClickAsync();
        await Assertions.Expect(facts).ToContainTextAsync("复查中");

        await county.Locator("summary", new() { HasText = "拟制复查意见书报请签发" }).ClickAsync();
        await county.Locator("#opinion-decision").SelectOptionAsync("NotSupport");
        await county.Locator("#opinion-request").FillAsync("恢复原停车收费标准");
        await county.Locator("#opinion-facts").FillAsync("经复查，原处理意见认定事实清楚，调价程序符合规定。");
        await county.Locator("#opinion-basis").FillAsync("《信访工作条例》第三十五条");
        await county.GetByRole(AriaRole.Button, new() { Name = "拟制复查意见书报请签发" }).ClickAsync();
        await Assertions.Expect(county.GetByRole(AriaRole.Heading, new() { Name = "复查意见 · 不予支持 · 待签发" })).ToBeVisibleAsync();
        await Assertions.Expect(facts).ToContainTextAsync("复查中");
        // The review opinion is 泰山区's: its head signs it off, and only then is it issued.
        var countyHead = await app.SignedInAsync("demo.unithead");
        await countyHead.GotoAsync($"/Petitions/{petition.Id}");
        await countyHead.GetByRole(AriaRole.Button, new() { Name = "签发并印发" }).ClickAsync();
        await Assertions.Expect(countyHead.Locator("dl.facts")).ToContainTextAsync("已复查");
        await county.ReloadAsync();
        await Assertions.Expect(facts).ToContainTextAsync("已复查");

        await county.Locator("summary", new() { HasText = "登记意见书送达" }).ClickAsync();
        await county.Locator("#service-method").SelectOptionAsync("InPerson");
        await county.Locator("#service-served-on").FillAsync(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await county.GetByRole(AriaRole.Button, new() { Name = "登记意见书送达" }).ClickAsync();
        await Assertions.Expect(county.Locator("summary", new() { HasText = "登记意见书送达" })).ToHaveCountAsync(0);

        // The county cannot take the 复核 request: the page says whose it is and nothing changes.
        await county.Locator("summary", new() { HasText = "登记复核申请" }).ClickAsync();
        await county.GetByRole(AriaRole.Button, new() { Name = "登记复核申请" }).ClickAsync();
        await Assertions.Expect(county.GetByText("不是该事项的复核机关")).ToBeVisibleAsync();
        await Assertions.Expect(facts).ToContainTextAsync("已复查");

        var city = await app.SignedInAsync("demo.petitionofficer.taian");
        await city.GotoAsync($"/Petitions/{petition.Id}");
        var cityFacts = city.Locator("dl.facts");
        await city.Locator("summary", new() { HasText = "登记复核申请" }).ClickAsync();
        await city.GetByRole(AriaRole.Button, new() { Name = "登记复核申请" }).ClickAsync();
        await Assertions.Expect(cityFacts).ToContainTextAsync("复核中");
        await city.Locator("summary", new() { HasText = "拟制复核意见书报请签发" }).ClickAsync();
        await city.Locator("#opinion-decision").SelectOptionAsync("NotSupport");
        await city.Locator("#opinion-request").FillAsync("恢复原停车收费标准");
        await city.Locator("#opinion-facts").FillAsync("经复核，复查意见正确。");
        await city.Locator("#opinion-basis").FillAsync("《信访工作条例》第三十六条");
        await city.GetByRole(AriaRole.Button, new() { Name = "拟制复核意见书报请签发" }).ClickAsync();
        await Assertions.Expect(cityFacts).ToContainTextAsync("复核中");
        // Not yet issued: no 复核意见书 to download until 泰安市's head signs it off.
        await Assertions.Expect(city.GetByRole(AriaRole.Link, new() { Name = "复核意见书" })).ToHaveCountAsync(0);
        var cityHead = await app.SignedInAsync("demo.unithead.taian");
        await cityHead.GotoAsync($"/Petitions/{petition.Id}");
        await cityHead.GetByRole(AriaRole.Button, new() { Name = "签发并印发" }).ClickAsync();
        await Assertions.Expect(cityHead.Locator("dl.facts")).ToContainTextAsync("已复核");
        await city.ReloadAsync();
        await Assertions.Expect(cityFacts).ToContainTextAsync("已复核");

        var download = await city.RunAndWaitForDownloadAsync(() => city.GetByRole(AriaRole.Link, new() { Name = "复核意见书" }).First.ClickAsync());
        var text = PdfText.AllText(await File.ReadAllBytesAsync((await download.PathAsync())!)).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("泰安市信访局（印章）");
        text.ShouldContain("不再受理");
    }

    [Fact]
    public async Task An_officer_drafts_the_reply_the_unit_head_returns_it_then_signs_it_off_and_the_document_downloads()
    {
        var officerApi = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var filed = await officerApi.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Letter, DateTimeOffset.UtcNow.AddDays(-3), null,
            [new PetitionerInput("钱某某", null, null, "财源街道 5 号")], "楼上住户装修漏水，物业拒不协调维修，请求督促维修。", "督促维修", "财源街道", null, null, null, null));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var petition = await filed.ReadAsync<PetitionDto>();
        (await officerApi.PostJsonAsync($"/api/petitions/{petition.Id}/accept",
            new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var officer = await app.SignedInAsync("demo.petitionofficer");
        await officer.GotoAsync($"/Petitions/{petition.Id}");
        await officer.Locator("summary", new() { HasText = "拟制处理意见书报请签发" }).ClickAsync();
        await officer.Locator("#opinion-decision").SelectOptionAsync("Support");
        await officer.Locator("#opinion-request").FillAsync("督促物业维修");
        await officer.Locator("#opinion-facts").FillAsync("经现场查看，漏水系楼上防水层破损所致。");
        await officer.Locator("#opinion-basis").FillAsync("《物业管理条例》第三十五条");
        await officer.GetByRole(AriaRole.Button, new() { Name = "拟制处理意见书报请签发" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "处理意见 · 支持 · 待签发" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "处理意见书" })).ToHaveCountAsync(0);
        await Assertions.Expect(officer.GetByRole(AriaRole.Button, new() { Name = "签发并印发" })).ToHaveCountAsync(0);

        var head = await app.SignedInAsync("demo.unithead");
        await head.GotoAsync($"/Petitions/{petition.Id}");
        await head.GetByLabel("退回理由").FillAsync("请写明维修责任人");
        await head.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Assertions.Expect(head.GetByRole(AriaRole.Heading, new() { Name = "处理意见 · 支持 · 已退回" })).ToBeVisibleAsync();

        await officer.ReloadAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status).Filter(new() { HasText = "请写明维修责任人" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#opinion-facts")).ToHaveValueAsync("经现场查看，漏水系楼上防水层破损所致。");
        await officer.Locator("#opinion-facts").FillAsync("经现场查看，漏水系楼上防水层破损所致，维修责任人为楼上住户。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "拟制处理意见书报请签发" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "处理意见 · 支持 · 待签发" })).ToBeVisibleAsync();

        await head.ReloadAsync();
        await head.GetByRole(AriaRole.Button, new() { Name = "签发并印发" }).ClickAsync();
        await Assertions.Expect(head.Locator("dl.facts")).ToContainTextAsync("已答复");
        await Assertions.Expect(head.GetByText("签发人：演示单位负责人")).ToBeVisibleAsync();

        await officer.ReloadAsync();
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.GetByRole(AriaRole.Link, new() { Name = "处理意见书" }).First.ClickAsync());
        var text = PdfText.AllText(await File.ReadAllBytesAsync((await download.PathAsync())!)).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("信访事项处理意见书");
        text.ShouldContain("维修责任人为楼上住户");
        text.ShouldContain("泰山区信访局（印章）");
    }

    [Fact]
    public async Task The_intake_page_has_no_serious_accessibility_violations_and_reads_in_English()
    {
        var page = await app.SignedInAsync("demo.petitionofficer");
        await page.GotoAsync("/Petitions/Register");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();

        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ShouldBeEmpty();

        await page.GetByLabel("语言").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a petition", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Petitions" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My petition queue", Level = 1 })).ToBeVisibleAsync();
    }
}
