using Mediation.Core.Deadlines.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class JointMeetings_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{

    private static async Task NoErrorsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync();
        (await page.Locator(".field-error, [role=alert]").AllTextContentsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_coordinator_records_a_meeting_with_a_task_the_member_unit_acknowledges_and_completes_and_the_coordinator_accepts_it()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var requirement = "督促总包单位清偿农民工工资" + suffix;
        var coordinator = await app.SignedInAsync("demo.coordinator.taian");
        await coordinator.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "联席会议" }).ClickAsync();
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Heading, new() { Name = "会议日历", Level = 1 })).ToBeVisibleAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "安排会议" }).ClickAsync();
        await coordinator.GetByLabel("会议名称").FillAsync("欠薪问题专题联席会议" + suffix);
        var earlier = ChinaTime.ToChina(DateTimeOffset.UtcNow.AddHours(-2));
        await coordinator.GetByLabel("计划时间").FillAsync(earlier.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await coordinator.GetByLabel("地点").FillAsync("市委政法委三楼会议室");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await NoErrorsAsync(coordinator);
        var meetingUrl = coordinator.Url;

        await coordinator.GetByLabel("议题名称").FillAsync("某小区项目拖欠农民工工资" + suffix);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "增加议题" }).ClickAsync();
        await NoErrorsAsync(coordinator);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "记录会议召开" }).ClickAsync();
        await coordinator.GetByLabel("主持人").FillAsync("张某某");
        await coordinator.GetByLabel("市教育局出席情况").SelectOptionAsync("Absent");
        await coordinator.GetByLabel("市公安局出席情况").SelectOptionAsync("Substitute");
        await coordinator.GetByLabel("市公安局委托参会人员").FillAsync("王某某");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "保存会议记录" }).ClickAsync();
        await NoErrorsAsync(coordinator);
        await Assertions.Expect(coordinator.Locator("#meeting-status")).ToHaveTextAsync("已召开");

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "作出决定：某小区项目拖欠农民工工资" + suffix }).ClickAsync();
        await coordinator.GetByLabel("会议决定").FillAsync("由市住建局牵头，市人社局配合，限期清偿");
        await coordinator.GetByLabel("交办事项1：办理要求").FillAsync(requirement);
        await coordinator.GetByLabel("交办事项1：牵头单位").SelectOptionAsync(new SelectOptionValue { Label = "市住房和城乡建设局" });
        await coordinator.GetByLabel("交办事项1：配合单位").SelectOptionAsync(new SelectOptionValue { Label = "市人力资源和社会保障局" });
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "保存决定并交办" }).ClickAsync();
        await NoErrorsAsync(coordinator);
        coordinator.Url.ShouldBe(meetingUrl);
        var row = coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = requirement });
        await Assertions.Expect(row).ToContainTextAsync("市住房和城乡建设局");
        await Assertions.Expect(row).ToContainTextAsync("已交办");
        await Assertions.Expect(row).ToContainTextAsync("年");

        var liaison = await app.SignedInAsync("demo.memberunit");
        await liaison.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "本单位交办事项" }).ClickAsync();
        await liaison.GetByRole(AriaRole.Link, new() { Name = requirement }).ClickAsync();
        await liaison.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await NoErrorsAsync(liaison);
        await Assertions.Expect(liaison.Locator("#task-status")).ToHaveTextAsync("办理中");
        await liaison.GetByLabel("办理情况", new() { Exact = true }).FillAsync("已约谈总包单位负责人，制定清偿计划");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报告进展" }).ClickAsync();
        await NoErrorsAsync(liaison);
        await Assertions.Expect(liaison.Locator("#reports")).ToContainTextAsync("已约谈总包单位负责人");
        await liaison.GetByLabel("佐证材料文件（PDF、JPG、PNG、DOCX，不超过10MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "工资支付凭证.pdf", MimeType = "application/pdf", Buffer = Petitions.AttachmentTypes_Tests.Pdf(),
        });
        await liaison.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await NoErrorsAsync(liaison);
        await Assertions.Expect(liaison.Locator("#attachments")).ToContainTextAsync("工资支付凭证.pdf");
        await liaison.GetByLabel("办理情况", new() { Exact = true }).FillAsync("工资已全部清偿");
        await liaison.GetByLabel("佐证材料（报告办结时必填）").FillAsync("工资支付凭证、农民工签收表");
        await liaison.GetByRole(AriaRole.Button, new() { Name = "报告办结" }).ClickAsync();
        await NoErrorsAsync(liaison);
        await Assertions.Expect(liaison.Locator("#task-status")).ToHaveTextAsync("已报办结待验收");
        var taskUrl = liaison.Url;

        await coordinator.GotoAsync(taskUrl);
        await coordinator.GetByLabel("验收意见（退回时必填）").FillAsync("材料齐全，同意办结");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "验收通过" }).ClickAsync();
        await NoErrorsAsync(coordinator);
        await Assertions.Expect(coordinator.Locator("#task-status")).ToHaveTextAsync("已验收办结");
        await Assertions.Expect(coordinator.Locator("#attachments")).ToContainTextAsync("工资支付凭证.pdf");
        await coordinator.GotoAsync(meetingUrl);
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = requirement })).ToContainTextAsync("已验收办结");
    }
}
