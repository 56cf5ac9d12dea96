using Mediation.Tests.Cases;
using Mediation.Tests.Documents;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        var page = await app.SignedInAsync("demo.mediator");
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
        var page = await app.SignedInAsync("demo.petitionofficer");
        await page.GotoAsync($"/Petitions/{petition.Id}");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("section.actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = petition.Number, Level = 1 })).ToBeVisibleAsync();
        (await page.Locator("section[aria-labelledby='matter-heading']").EvaluateAsync<string>("s => getComputedStyle(s).breakInside")).ShouldBe("avoid-page");
    }

    [Fact]
    public async Task A_desk_request_page_prints_without_the_shell_or_its_forms()
    {
        var (_, enterprise, _) = await Mediation.Tests.ServiceDesk.DeskSetup.EnterpriseAsync(app.Factory);
        var request = await Mediation.Tests.ServiceDesk.DeskSetup.FileAsync(enterprise);
        var page = await app.SignedInAsync(Mediation.Tests.ServiceDesk.DeskSetup.Officer);
        await page.GotoAsync($"/ServiceDesk/Requests/{request.Id}");
        var take = page.Locator("section[aria-labelledby='take-heading']");
        await Assertions.Expect(take).ToBeVisibleAsync();

        var text = await PrintedAsync(page, request.Number);
        text.ShouldContain(request.Title);
        await Assertions.Expect(take).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_legal_window_record_page_prints_without_the_shell_or_its_forms()
    {
        // The demo seed's consultation at 岱东社区's window, which 泰山区's head may read.
        var record = await app.Factory.InScopeAsync(sp => sp.GetRequiredService<Mediation.Core.Data.MediationDbContext>()
            .Set<Mediation.LegalWindows.Domain.ServiceRecord>().IgnoreQueryFilters().OrderBy(r => r.Number).Select(r => new { r.Id, r.Number }).FirstAsync());
        var page = await app.SignedInAsync("demo.unithead");
        await page.GotoAsync($"/LegalWindows/Records/{record.Id}");

        await PrintedAsync(page, record.Number);
    }

    [Fact]
    public async Task A_joint_meeting_page_prints_without_the_shell_or_its_forms()
    {
        var coordinator = await app.Factory.ClientAsAsync("demo.coordinator.taian");
        var groups = await (await coordinator.GetAsync("/api/joint-meetings/groups")).ReadAsync<List<Mediation.JointMeetings.WorkingGroupDto>>();
        var title = "欠薪问题专题联席会议" + Guid.NewGuid().ToString("N")[..4];
        var created = await coordinator.PostJsonAsync("/api/joint-meetings/meetings", new Mediation.JointMeetings.ScheduleMeetingInput(
            groups.Single(g => g.Level == Mediation.JointMeetings.MeetingLevel.City).Id, title, DateTimeOffset.UtcNow.AddDays(2), "市委政法委三楼会议室"));
        created.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var meeting = await created.ReadAsync<Mediation.JointMeetings.MeetingDto>();
        var page = await app.SignedInAsync("demo.coordinator.taian");
        await page.GotoAsync($"/JointMeetings/Meetings/{meeting.Id}");
        await Assertions.Expect(page.Locator("main form").First).ToBeVisibleAsync();

        var text = await PrintedAsync(page, title);
        text.ShouldContain("市委政法委三楼会议室");
        (await page.Locator("section[aria-labelledby='agenda-heading']").EvaluateAsync<string>("s => getComputedStyle(s).breakInside")).ShouldBe("avoid-page");
    }

    /// <summary>
    /// The page in print media: no shell, no form, its heading <paramref name="heading"/> shown; then its A4 PDF read back, which holds
    /// the heading and none of the shell's texts. Returns the PDF's text without spaces.
    /// </summary>
    private static async Task<string> PrintedAsync(IPage page, string heading)
    {
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        (await page.Locator("main form").EvaluateAllAsync<bool>("fs => fs.every(f => getComputedStyle(f).display === 'none')")).ShouldBeTrue();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true });
        var text = PdfText.AllText(pdf).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain(heading.Replace(" ", "", StringComparison.Ordinal));
        foreach (var shell in ShellTexts) text.ShouldNotContain(shell.Replace(" ", "", StringComparison.Ordinal));
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        (Math.Round(document.GetPage(1).Width), Math.Round(document.GetPage(1).Height)).ShouldBe((595d, 842d), "A4 in points");
        return text;
    }
}
