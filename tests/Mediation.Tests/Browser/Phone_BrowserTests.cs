using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>The mediator's pages on a 390 px phone: the navigation folds into a menu and no item breaks inside a word.</summary>
public sealed class Phone_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Counts the distinct line tops of each link's text: a link broken mid-word (人民调/解) spans two lines.
    private const string LinesPerLink =
        "links => links.map(a => { const r = document.createRange(); r.selectNodeContents(a); return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; })";

    [Theory]
    [InlineData("register")]
    [InlineData("session")]
    public async Task At_phone_width_the_menu_folds_and_its_items_stay_whole(string which)
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app.Factory);
        var path = which == "register" ? "/Cases/Register" : $"/Cases/{(await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId)).Id}/Session";
        var options = app.ContextOptions();
        options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
        var context = await app.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync("demo.mediator");
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = which == "register" ? "受理登记" : "记录调解", Level = 1 })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "人民调解" })).ToBeHiddenAsync();
        await nav.GetByText("菜单").ClickAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "人民调解" })).ToBeVisibleAsync();
        var lines = await nav.GetByRole(AriaRole.Link).EvaluateAllAsync<int[]>(LinesPerLink);
        lines.Length.ShouldBeGreaterThan(3);
        lines.ShouldAllBe(n => n == 1, "a menu item wraps inside a word");
        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the page scrolls sideways at 390 px");

        // Usable: the form's fields are reachable and take input at this width.
        var field = page.GetByLabel(which == "register" ? "纠纷简要情况" : "地点", new() { Exact = which != "register" });
        await field.FillAsync("岱东社区");
        await Assertions.Expect(field).ToHaveValueAsync("岱东社区");
        var submit = page.GetByRole(AriaRole.Button, new() { Name = which == "register" ? "登记" : "保存", Exact = true });
        await submit.ScrollIntoViewIfNeededAsync();
        var box = (await submit.BoundingBoxAsync()).ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(390);
        await context.CloseAsync();
    }
}
