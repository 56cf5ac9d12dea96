using System.Text.RegularExpressions;
using Mediation.Cases;
using Mediation.Core.Deadlines.Domain;
using Mediation.Tests.Cases;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>Issue 20 item 4 as a mediator meets it: filter the list, the address keeps the filter, 导出台账 gives exactly the listed rows.</summary>
public sealed class CasesList_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_filtered_case_list_survives_a_reload_and_its_ledger_export_has_exactly_the_listed_rows()
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app.Factory);
        var recentLabour = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        var secondLabour = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        var oldLabour = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        var neighbours = await CaseSetup.RegisterAsync(app.Factory, committee.Id, mediatorId);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await CaseSetup.RegisteredAtAsync(app.Factory, oldLabour.Id, ChinaTime.StartOfDay(today.AddDays(-60)).AddHours(10));

        var page = await app.SignedInAsync("demo.mediator");

        await page.GotoAsync("/Cases");
        await page.GetByLabel("纠纷类型").SelectOptionAsync("Labour");
        await page.GetByLabel("登记日期自").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("排序").SelectOptionAsync("Oldest");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("disputeType=Labour.*sort=Oldest"));

        // A reload (or the same link sent to a colleague) shows the same list.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("纠纷类型")).ToHaveValueAsync("Labour");
        await Assertions.Expect(page.GetByLabel("排序")).ToHaveValueAsync("Oldest");
        var table = page.Locator("main table.cases");
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = recentLabour.Number })).ToBeVisibleAsync();
        await Assertions.Expect(table).Not.ToContainTextAsync(oldLabour.Number);
        await Assertions.Expect(table).Not.ToContainTextAsync(neighbours.Number);
        var listed = (await table.Locator("tbody tr td:first-child").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        listed.ShouldContain(secondLabour.Number);
        listed.IndexOf(recentLabour.Number).ShouldBeLessThan(listed.IndexOf(secondLabour.Number), "oldest registration first");

        await page.GetByRole(AriaRole.Button, new() { Name = "导出台账" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的导出", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "调解案件台账.xlsx" });
        await ExportRuns.RunQueuedAsync(app.Factory);
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载 调解案件台账.xlsx" }).ClickAsync());
        await using var file = File.OpenRead((await download.PathAsync())!);
        var rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => (string)r["案件编号"]!).ToList();
        rows.ShouldBe(listed);
    }
}
