using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Statistics_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_statistician_reads_the_dashboard_and_exports_the_report()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync("demo.statistician");
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "统计分析" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "统计分析", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#figures tr[data-figure=successRate] th")).ToHaveTextAsync("调解成功率");
        await Assertions.Expect(page.Locator("#figures tr[data-figure=successRate]")).ToContainTextAsync("÷");
        await Assertions.Expect(page.Locator("svg#success-chart")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg#trend-chart polyline")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#by-unit")).ToContainTextAsync("岱庙街道");

        await page.Locator("#figures tr[data-figure=legalServices] a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "指标明细", Level = 1 })).ToBeVisibleAsync();
        var counted = await page.Locator("#records tbody tr").CountAsync();
        await Assertions.Expect(page.Locator("#records-total")).ToHaveTextAsync($"共{counted}条记录。");
        await page.GoBackAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "下载 PDF 报表" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".pdf");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Mediation.Tests.Documents.PdfText.AllText(bytes).ShouldContain("泰山区矛盾纠纷化解工作统计报表");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "下载 Excel 报表" })).ToBeVisibleAsync();
    }
}
