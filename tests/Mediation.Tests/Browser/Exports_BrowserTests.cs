using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class Exports_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_advisor_exports_the_months_ledger_in_the_background_sees_it_complete_and_downloads_it()
    {
        var page = await app.SignedInAsync("demo.legaladvisor");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "法律服务窗口" }).ClickAsync();
        var month = Mediation.Core.Deadlines.Domain.ChinaTime.ToChina(DateTimeOffset.UtcNow).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(page.GetByLabel("月份")).ToHaveValueAsync(month);
        await page.GetByRole(AriaRole.Button, new() { Name = "后台导出台账" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的导出", Level = 1 })).ToBeVisibleAsync();
        var fileName = $"法律顾问工作台账{month}.xlsx";
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = fileName });
        await Assertions.Expect(row).ToContainTextAsync("排队中");
        await Assertions.Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = $"{fileName}的进度" })).ToBeVisibleAsync();

        // The hosts under test run no Hangfire server; a worker would pick the job up just so.
        await ExportRuns.RunQueuedAsync(app.Factory);
        await Assertions.Expect(row).ToContainTextAsync("已完成"); // the page refreshes itself while an export is unfinished
        await Assertions.Expect(row).ToContainTextAsync("100%");

        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = $"下载 {fileName}" }).ClickAsync());
        download.SuggestedFilename.ShouldBe(fileName);
        await using var file = File.OpenRead((await download.PathAsync())!);
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldNotBeEmpty("the demo advisor served people today");
        rows.ShouldAllBe(r => (string?)r["法律顾问"] != null);
    }
}
