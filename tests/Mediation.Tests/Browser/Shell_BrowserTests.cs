using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Shell_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_mediator_signs_in_sees_his_unit_switches_to_English_and_opens_the_org_tree()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "欢迎使用访调对接平台", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "人民调解" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "组织机构" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync("demo.mediator");
        await page.GetByLabel("密码").FillAsync("wrong-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("用户名或密码错误。");
        await page.GetByLabel("密码").FillAsync(Infrastructure.MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByText("演示调解员 · 泰山区")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "后台任务" })).ToHaveCountAsync(0);

        await page.GetByLabel("语言").SelectOptionAsync("en");
        await page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workbench", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Organisation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Organisation units", Level = 1 })).ToBeVisibleAsync();
        var tree = page.GetByRole(AriaRole.Tree);
        await Assertions.Expect(tree.GetByRole(AriaRole.Treeitem).Filter(new() { HasText = "东七里社区" }).Last).ToBeVisibleAsync();
        await Assertions.Expect(tree.GetByRole(AriaRole.Treeitem).Filter(new() { HasText = "保安村" })).ToHaveCountAsync(0); // 宁阳县: another county

        await page.GetByLabel("Language").SelectOptionAsync("zh-Hans");
        await page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "组织机构", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    public async Task Pages_have_no_serious_accessibility_violations(string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(path);
        var result = await page.RunAxe();
        result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))})")
            .ShouldBeEmpty();
    }
}
