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
        var page = await SignedInAsync("demo.petitionofficer");

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
    }

    [Fact]
    public async Task The_intake_page_has_no_serious_accessibility_violations_and_reads_in_English()
    {
        var page = await SignedInAsync("demo.petitionofficer");
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

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        return page;
    }
}
