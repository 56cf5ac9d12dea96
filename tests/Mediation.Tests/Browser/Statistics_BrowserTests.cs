using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Statistics_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_statistician_reads_the_dashboard_and_exports_the_report()
    {
        var page = await app.SignedInAsync("demo.statistician");

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

        // The same report written in the background: queued, shown on 我的导出 with its progress, run, downloaded.
        await page.GetByRole(AriaRole.Button, new() { Name = "后台生成 Excel 报表" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的导出", Level = 1 })).ToBeVisibleAsync();
        var year = Mediation.Core.Deadlines.Domain.ChinaTime.ToChina(DateTimeOffset.UtcNow).Year;
        var fileName = $"统计报表{year}0101-{year}1231.xlsx";
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = fileName });
        await Assertions.Expect(row).ToContainTextAsync("排队中");
        await ExportRuns.RunQueuedAsync(app.Factory);
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        var excel = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = $"下载 {fileName}" }).ClickAsync());
        excel.SuggestedFilename.ShouldBe(fileName);
        await using var file = File.OpenRead((await excel.PathAsync())!);
        MiniExcelLibs.MiniExcel.GetSheetNames(file).ShouldContain("接诉即办");
    }
}
