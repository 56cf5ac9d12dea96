using Mediation.Core.Web;
using System.Net;
using Mediation.LegalWindows;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Shouldly;
using static Mediation.Tests.LegalWindows.LegalWindowSetup;

namespace Mediation.Tests.LegalWindows;

/// <summary>The LegalWindows pages through the real pipeline: the advisor's day, permissions, data scope, English.</summary>
public abstract class LegalWindowsPages_Tests : ProviderTests
{
    [Fact]
    public async Task The_advisor_sees_his_window_who_is_on_duty_today_records_and_the_roster_and_coverage_pages()
    {
        var advisor = await ClientAsync(userName: Advisor);
        var windows = await OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"));
        var daidong = windows.Single(w => w.ShortName == "岱东法");

        var today = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows?windowId={daidong.Id}"));
        today.ShouldContain("<a href=\"/LegalWindows\">法律服务窗口</a>");
        today.ShouldContain("岱东社区法律服务窗口");
        today.ShouldContain("正在值班");
        today.ShouldContain("<p id=\"on-duty\">演示法律顾问");
        today.ShouldContain("岱东法〔");
        today.ShouldContain("咨询服务");
        today.ShouldContain($"/LegalWindows/Record?windowId={daidong.Id}");

        var form = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows/Record?windowId={daidong.Id}"));
        form.ShouldContain("<label for=\"person-idcard\">身份证号码（可不填）</label>");
        var roster = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows/Roster?windowId={daidong.Id}"));
        roster.ShouldContain("岱东社区法律服务窗口值班表");
        roster.ShouldNotContain("编排值班表"); // building the roster is the 司法所's
        var coverage = WebUtility.HtmlDecode(await advisor.GetStringAsync("/LegalWindows/Coverage"));
        coverage.ShouldContain("岱东社区：演示法律顾问");

        var english = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows?windowId={daidong.Id}&culture=en"));
        english.ShouldContain("Today at my window");
        english.ShouldContain("On duty now");
    }

    [Fact]
    public async Task The_advisors_workbench_lists_todays_services_at_his_windows_each_linking_to_its_record()
    {
        var advisor = await ClientAsync(userName: Advisor);
        var today = Mediation.Core.Deadlines.Domain.ChinaTime.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var listed = await OkAsync<PagedList<ServiceRecordSummaryDto>>(await advisor.GetAsync($"/api/legal-windows/records?on={today}&pageSize=5"));
        listed.Total.ShouldBeGreaterThan(0, "the demo seed records two services earlier today");

        var card = await WorkbenchPage.CardAsync(advisor, "legal-windows.today");
        card.ShouldContain($"aria-label=\"今日窗口服务：{listed.Total} 件，查看列表\">{listed.Total}</a>");
        foreach (var record in listed.Items)
            card.ShouldContain($"<a href=\"/LegalWindows/Records/{record.Id}\">{record.Number}</a> · ");
    }

    [Fact]
    public async Task The_advisor_records_on_the_form_that_he_took_part_in_a_committees_session_and_the_case_page_names_him()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await Cases.CaseSetup.CommitteeAsync(app);
        var registered = await Cases.CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        (await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new Mediation.Cases.RecordSessionInput(DateTimeOffset.UtcNow.AddHours(-1),
            "岱东社区调解室", ["张调解"], "双方陈述", [], registered.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var advisor = await ClientAsync(userName: Advisor);
        var daidong = (await OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");
        WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows?windowId={daidong.Id}")).ShouldContain($"/LegalWindows/Participate?windowId={daidong.Id}");

        var form = WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows/Participate?windowId={daidong.Id}"));
        form.ShouldContain("<label for=\"case-number\">调解案件编号</label>");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Dictionary<string, string> Form(string caseNumber) => new()
        {
            ["__RequestVerificationToken"] = token, ["Form.WindowId"] = daidong.Id.ToString(), ["Form.CaseNumber"] = caseNumber,
            ["Form.SessionNumber"] = "1", ["Form.Minutes"] = "60", ["Form.Note"] = "释明相邻关系规定", ["Form.PartiesConsent"] = "true",
        };
        var unknown = await advisor.PostAsync("/LegalWindows/Participate", new FormUrlEncodedContent(Form("泰山调〔2026〕99999号")));
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).ShouldContain("未找到该编号的调解案件。");

        var saved = await advisor.PostAsync("/LegalWindows/Participate", new FormUrlEncodedContent(Form(registered.Number)));
        // The PRG redirect left the form; the record page is read anew (the test client does not carry its sign-in across redirects).
        saved.RequestMessage!.RequestUri!.AbsolutePath.ShouldNotBe("/LegalWindows/Participate");
        var record = ((await OkAsync<PagedList<ServiceRecordSummaryDto>>(await advisor.GetAsync($"/api/legal-windows/records?windowId={daidong.Id}"))).Items)
            .Single(r => r.Matter?.StartsWith($"参与调解{registered.Number}", StringComparison.Ordinal) == true);
        record.Kind.ShouldBe(ServiceKind.CivilMediation);
        WebUtility.HtmlDecode(await advisor.GetStringAsync($"/LegalWindows/Records/{record.Id}")).ShouldContain($"应邀参与 {registered.Number} 第1次调解");
        WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases/{registered.Id}")).ShouldContain("演示法律顾问（律师，泰安演示律师事务所，岱东社区法律顾问）");
    }

    [Fact]
    public async Task A_statistician_may_not_record_and_a_daiyue_advisor_finds_nothing_of_taishan()
    {
        var advisor = await ClientAsync(userName: Advisor);
        var daidong = (await OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");
        var record = ((await OkAsync<PagedList<ServiceRecordSummaryDto>>(await advisor.GetAsync($"/api/legal-windows/records?windowId={daidong.Id}"))).Items)[0];

        var statistician = await ClientAsync(userName: "demo.statistician");
        (await statistician.GetAsync("/LegalWindows/Record")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await statistician.GetAsync($"/LegalWindows/Records/{record.Id}/Refer")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        WebUtility.HtmlDecode(await statistician.GetStringAsync($"/LegalWindows/Records/{record.Id}")).ShouldNotContain("打印");

        var foreign = await ForeignAdvisorAsync(await AppAsync());
        (await foreign.GetAsync($"/LegalWindows/Records/{record.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.GetAsync($"/LegalWindows/Roster?windowId={daidong.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await foreign.GetStringAsync("/LegalWindows")).ShouldNotContain("岱东社区法律服务窗口");
    }
}

public sealed class LegalWindowsPages_Tests_on_Sqlite(SqliteApp app) : LegalWindowsPages_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class LegalWindowsPages_Tests_on_PostgreSql(PostgresCluster cluster) : LegalWindowsPages_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
