using Mediation.ServiceDesk;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>The desk's main path in the browser: an enterprise files and uploads a material, an officer takes and concludes it, the enterprise rates it.</summary>
public sealed class ServiceDesk_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{

    private static async Task NoErrorsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync();
        (await page.Locator(".field-error, .error").AllTextContentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_filtered_desk_queue_survives_a_reload_and_its_ledger_export_has_exactly_the_listed_requests()
    {
        var (_, enterprise, _) = await DeskSetup.EnterpriseAsync(app.Factory);
        var first = await DeskSetup.FileAsync(enterprise);
        var second = await DeskSetup.FileAsync(enterprise);
        var old = await DeskSetup.FileAsync(enterprise);
        var consultation = await DeskSetup.FileAsync(enterprise, RequestKind.PolicyConsultation);
        var today = Mediation.Core.Deadlines.Domain.ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<Mediation.Core.Data.MediationDbContext>().Set<Mediation.ServiceDesk.Domain.DeskRequest>()
            .IgnoreQueryFilters().Where(r => r.Id == old.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.SubmittedAt, DateTimeOffset.UtcNow.AddDays(-60))));

        var page = await app.SignedInAsync(DeskSetup.Officer);
        await page.GotoAsync("/ServiceDesk");
        await page.GetByLabel("范围").SelectOptionAsync("All");
        await page.Locator("#kind").SelectOptionAsync("LegalMatter");
        await page.GetByLabel("提交日期自").FillAsync(today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("排序").SelectOptionAsync("Oldest");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=All.*kind=LegalMatter.*sort=Oldest"));

        // A reload (or the same link sent to a colleague) shows the same queue.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#kind")).ToHaveValueAsync("LegalMatter");
        await Assertions.Expect(page.GetByLabel("排序")).ToHaveValueAsync("Oldest");
        var table = page.Locator("main table.cases");
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = first.Number })).ToBeVisibleAsync();
        await Assertions.Expect(table).Not.ToContainTextAsync(old.Number);
        await Assertions.Expect(table).Not.ToContainTextAsync(consultation.Number);
        var listed = (await table.Locator("tbody tr td:first-child").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        listed.IndexOf(first.Number).ShouldBeLessThan(listed.IndexOf(second.Number), "the earliest filed first");

        await page.GetByRole(AriaRole.Button, new() { Name = "导出台账" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "我的导出", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "接诉即办诉求台账.xlsx" });
        await Mediation.Tests.Exports.ExportRuns.RunQueuedAsync(app.Factory);
        await Assertions.Expect(row).ToContainTextAsync("已完成");
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByRole(AriaRole.Link, new() { Name = "下载 接诉即办诉求台账.xlsx" }).ClickAsync());
        await using var file = File.OpenRead((await download.PathAsync())!);
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => (string)r["诉求编号"]!).ToList();
        rows.ShouldBe(listed);
    }

    [Fact]
    public async Task An_enterprise_files_a_request_an_officer_takes_and_concludes_it_and_the_enterprise_rates_it()
    {
        var (enterprise, _, userName) = await DeskSetup.EnterpriseAsync(app.Factory);
        var portal = await app.SignedInAsync(userName);
        await portal.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "企业服务" }).ClickAsync();
        await Assertions.Expect(portal.GetByRole(AriaRole.Heading, new() { Name = "我的诉求", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(portal.Locator("p.lead")).ToContainTextAsync(enterprise.Name);
        await portal.GetByRole(AriaRole.Link, new() { Name = "提交诉求" }).ClickAsync();
        await portal.GetByLabel("类别", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "政策咨询" });
        await portal.GetByRole(AriaRole.Button, new() { Name = "选择类别" }).ClickAsync();
        await portal.GetByLabel("事项", new() { Exact = true }).FillAsync("建筑业企业资质升级条件");
        await portal.GetByLabel("诉求内容").FillAsync("咨询施工总承包二级资质升级为一级的业绩和人员条件。");
        await portal.GetByLabel("营业执照（副本）复印件").CheckAsync();
        await portal.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await NoErrorsAsync(portal);
        var heading = portal.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await Assertions.Expect(heading).ToContainTextAsync("肥城接诉〔");
        var number = (await heading.TextContentAsync())!.Trim().Split(' ')[0];
        await Assertions.Expect(portal.GetByRole(AriaRole.Status)).ToContainTextAsync("已收到您的诉求，编号" + number);
        await Assertions.Expect(portal.Locator("#request-status")).ToHaveTextAsync("待受理");

        // Materials: a renamed program is refused on the page; a PDF is listed with the checklist item it answers.
        var fileInput = portal.GetByLabel("文件（PDF、JPG、PNG、DOCX，不超过10 MB）");
        await fileInput.SetInputFilesAsync(new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = "MZ\u0090 program"u8.ToArray() });
        await portal.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(portal.Locator("p.error")).ToContainTextAsync("文件内容须与扩展名一致");
        await fileInput.SetInputFilesAsync(new FilePayload { Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = Petitions.AttachmentTypes_Tests.Pdf() });
        await portal.GetByLabel("对应材料（可不选）").SelectOptionAsync(new SelectOptionValue { Label = "营业执照（副本）复印件" });
        await portal.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await NoErrorsAsync(portal);
        await Assertions.Expect(portal.Locator("#attachments")).ToContainTextAsync("营业执照.pdf（营业执照（副本）复印件）");

        var officer = await app.SignedInAsync(DeskSetup.Officer);
        await officer.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "接诉即办" }).ClickAsync();
        await officer.GetByLabel("范围").SelectOptionAsync(new SelectOptionValue { Label = "待受理" });
        await officer.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        officer.Url.ShouldContain("view=Unassigned", Case.Sensitive, "the filter is kept in the address");
        await officer.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "营业执照.pdf", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#attachments")).ToContainTextAsync("企业提交");
        await officer.GetByRole(AriaRole.Button, new() { Name = "受理（首问负责）" }).ClickAsync();
        await NoErrorsAsync(officer);
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("办理中");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "受理回执（PDF）" })).ToBeVisibleAsync();
        await officer.GetByLabel("办理结果").FillAsync("已告知资质升级标准及申报材料，并推送办事指南。");
        await officer.GetByRole(AriaRole.Button, new() { Name = "办结并告知企业" }).ClickAsync();
        await NoErrorsAsync(officer);
        await Assertions.Expect(officer.Locator("#request-status")).ToHaveTextAsync("已办结待评价");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "办结告知书（PDF）" })).ToBeVisibleAsync();

        await portal.ReloadAsync();
        await Assertions.Expect(portal.Locator("#request-status")).ToHaveTextAsync("已办结待评价");
        await Assertions.Expect(portal.GetByRole(AriaRole.Link, new() { Name = "办结告知书（PDF）" })).ToBeVisibleAsync();
        await portal.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(portal.Locator(".field-error")).ToBeVisibleAsync();
        await portal.GetByLabel("评价", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "满意" });
        await portal.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await NoErrorsAsync(portal);
        await Assertions.Expect(portal.Locator("#request-status")).ToHaveTextAsync("已办结");
        await Assertions.Expect(portal.Locator("ol.timeline")).ToContainTextAsync("评价");

        // The enterprise's account reaches no staff page.
        await portal.GotoAsync("/ServiceDesk");
        (await portal.GetByRole(AriaRole.Heading, new() { Name = "接诉即办诉求" }).CountAsync()).ShouldBe(0);
        (await portal.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).CountAsync()).ShouldBe(0);
    }
    [Fact]
    public async Task An_officer_hands_a_legal_matter_to_the_petition_office_and_the_desk_head_follows_the_link_to_the_petition()
    {
        var (enterprise, client, _) = await DeskSetup.EnterpriseAsync(app.Factory);
        var officerApi = await app.Factory.ClientAsAsync(DeskSetup.Officer);
        var taken = await DeskSetup.TakeAsync(officerApi, await DeskSetup.FileAsync(client));

        var officer = await app.SignedInAsync(DeskSetup.Officer);
        await officer.GotoAsync($"/ServiceDesk/Requests/{taken.Id}");
        var handOff = officer.GetByRole(AriaRole.Region, new() { Name = "转送信访部门" });
        await handOff.GetByLabel("信访请求（可不填）").FillAsync("责令住建部门依法查处拖欠工程款行为");
        await handOff.GetByRole(AriaRole.Button, new() { Name = "转送信访" }).ClickAsync();
        await Assertions.Expect(officer.Locator("p.error")).ToContainTextAsync("同意");
        await officer.GetByRole(AriaRole.Region, new() { Name = "转送信访部门" }).GetByLabel("企业同意转送信访部门").CheckAsync();
        await officer.GetByRole(AriaRole.Region, new() { Name = "转送信访部门" }).GetByRole(AriaRole.Button, new() { Name = "转送信访" }).ClickAsync();
        await NoErrorsAsync(officer);
        var route = officer.Locator("main dd", new() { HasText = "信访" }).First;
        await Assertions.Expect(route).ToContainTextAsync("肥城信〔");
        await Assertions.Expect(officer.Locator("#petition-status")).ToHaveTextAsync("已登记");
        var number = System.Text.RegularExpressions.Regex.Match((await route.TextContentAsync())!, "肥城信〔\\d{4}〕\\d+号").Value;
        number.ShouldNotBeEmpty();
        // The desk officer may not open petitions: he reads the number, with no link that would answer 403.
        (await officer.Locator("main").GetByRole(AriaRole.Link, new() { Name = number }).CountAsync()).ShouldBe(0);
        (await officer.GetByRole(AriaRole.Region, new() { Name = "转送信访部门" }).CountAsync()).ShouldBe(0, "handed off once");

        // The desk head may: the number links to the petition, which shows where it came from.
        var head = await app.SignedInAsync(DeskSetup.Head);
        await head.GotoAsync($"/ServiceDesk/Requests/{taken.Id}");
        await head.Locator("main").GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await NoErrorsAsync(head);
        await Assertions.Expect(head.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
        await Assertions.Expect(head.Locator("main")).ToContainTextAsync($"肥城市政法服务先行区 · {enterprise.Name}诉求{taken.Number}");
        // The request it came from is a link back, by its number (Issue 20 item 2), since the head may open desk requests.
        var source = head.Locator("#petition-source");
        await Assertions.Expect(source).ToHaveTextAsync($"{enterprise.Name}诉求{taken.Number}");
        await source.ClickAsync();
        await Assertions.Expect(head).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/ServiceDesk/Requests/{taken.Id}$"));
        await Assertions.Expect(head.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(taken.Number);
    }
}
