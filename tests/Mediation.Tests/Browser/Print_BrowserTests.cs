using Mediation.Tests.Cases;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>Issue 20 item 6: a record page prints on A4 as the record alone — no menu, header, forms or buttons; breaks between sections.</summary>
public sealed class Print_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    /// <summary>What the shell around a page says; none of it belongs on paper.</summary>
    private static readonly string[] ShellTexts = ["组织机构", "接口文档", "我的导出", "退出", "语言", "访调对接 · 矛盾纠纷多元化解平台"];

    [Fact]
    public async Task A_case_page_prints_on_A4_without_the_shell_or_its_forms_and_keeps_each_section_whole()
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app.Factory);
        var registered = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId);
        var page = await SignedInAsync("demo.mediator");
        await page.GotoAsync($"/Cases/{registered.Id}");
        await Assertions.Expect(page.Locator("header.topbar")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section.actions")).ToBeHiddenAsync();
        (await page.Locator("main form").EvaluateAllAsync<bool>("fs => fs.every(f => getComputedStyle(f).display === 'none')")).ShouldBeTrue();
        var timeline = page.Locator("section[aria-labelledby='timeline-heading']");
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        (await timeline.EvaluateAsync<string>("s => getComputedStyle(s).breakInside")).ShouldBe("avoid-page");
        (await page.Locator("#timeline-heading").EvaluateAsync<string>("h => getComputedStyle(h).breakAfter")).ShouldBe("avoid-page");
        var link = page.Locator("main a").First;
        (await link.EvaluateAsync<string>("a => getComputedStyle(a).textDecorationLine")).ShouldBe("none");

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        var text = PdfText.AllText(pdf).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain(registered.Number);
        text.ShouldContain("办理经过", Case.Sensitive, "the record's sections print");
        foreach (var shell in ShellTexts) text.ShouldNotContain(shell.Replace(" ", "", StringComparison.Ordinal));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var size = document.GetPage(1);
        (Math.Round(size.Width), Math.Round(size.Height)).ShouldBe((595d, 842d), "the stylesheet's @page is A4 (in points)");
    }

    [Fact]
    public async Task A_petition_page_prints_without_the_shell_or_its_actions()
    {
        var officer = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var response = await officer.PostJsonAsync("/api/petitions", Mediation.Tests.Petitions.IntakeCost_Tests.Letter(Random.Shared.Next(10_000, 99_999)));
        var petition = await response.ReadAsync<Mediation.Petitions.PetitionDto>();
        var page = await SignedInAsync("demo.petitionofficer");
        await page.GotoAsync($"/Petitions/{petition.Id}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section.actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = petition.Number, Level = 1 })).ToBeVisibleAsync();
        (await page.Locator("section[aria-labelledby='matter-heading']").EvaluateAsync<string>("s => getComputedStyle(s).breakInside")).ShouldBe("avoid-page");
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
