using System.Net;
using Mediation.Cases;
using Mediation.Cases.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Web;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Api;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>
/// Issue 20 item 4: the case list filters, sorts and pages in the database, on the API and the page alike, and 导出台账 writes exactly the
/// filtered list. Each test works in a committee of its own, so the counts are its own.
/// </summary>
public abstract class CaseList_Tests : ProviderTests
{
    private const string LabourLabel = "劳动争议";

    [Fact]
    public async Task The_api_filters_by_dispute_type_registration_dates_and_unit_sorts_and_pages_on_the_server()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var recent = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var labour = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        var old = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        // Registered at 23:30 China time forty days ago: the day in China, not the UTC date, decides the range.
        await CaseSetup.RegisteredAtAsync(app, old.Id, ChinaTime.StartOfDay(today.AddDays(-40)).AddHours(23.5));
        var mediator = await ClientAsync(userName: "demo.mediator");
        async Task<PagedList<CaseSummaryDto>> ListAsync(string query)
        {
            var response = await mediator.GetAsync($"/api/cases?committeeId={committee.Id}&{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await response.ReadAsync<PagedList<CaseSummaryDto>>();
        }
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await ListAsync("disputeType=Neighbourhood")).Items.Select(c => c.Number).ShouldBe([old.Number, recent.Number], ignoreOrder: true);
        (await ListAsync($"from={Day(today.AddDays(-7))}")).Items.Select(c => c.Number).ShouldBe([recent.Number, labour.Number], ignoreOrder: true);
        (await ListAsync($"from={Day(today.AddDays(-40))}&to={Day(today.AddDays(-40))}")).Items.Single().Number.ShouldBe(old.Number);
        (await ListAsync($"to={Day(today.AddDays(-41))}")).Total.ShouldBe(0);
        (await ListAsync("sort=Oldest")).Items.Select(c => c.Number).ShouldBe([old.Number, recent.Number, labour.Number]);
        (await ListAsync("sort=Newest")).Items.Select(c => c.Number).ShouldBe([labour.Number, recent.Number, old.Number]);

        var paged = await ListAsync("sort=Oldest&pageSize=2&page=2");
        (paged.Total, paged.HasMore, paged.Items.Single().Number).ShouldBe((3, false, labour.Number));

        var taishan = await app.UnitIdAsync("370902");
        var dongqili = await app.UnitIdAsync("370902002");
        (await ListAsync($"orgUnitId={taishan}")).Total.ShouldBe(3, "岱庙街道 lies under 泰山区");
        (await ListAsync($"orgUnitId={dongqili}")).Total.ShouldBe(0, "a sibling street's subtree holds none of them");
    }

    [Fact]
    public async Task The_page_keeps_every_filter_in_the_address_pages_and_says_what_is_wrong_with_a_bad_one()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var labour = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        var neighbours = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var daimiao = await app.UnitIdAsync("370902001");

        var html = WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases?disputeType=Labour&orgUnitId={daimiao}&sort=Newest"));
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        main.ShouldContain(labour.Number);
        main.ShouldNotContain(neighbours.Number);
        main.ShouldContain("<option value=\"Labour\" selected=\"selected\">");
        main.ShouldContain($"<option value=\"{daimiao}\" selected=\"selected\">");
        main.ShouldContain("<option value=\"Newest\" selected=\"selected\">");
        main.ShouldContain("<input type=\"hidden\" name=\"disputeType\" value=\"Labour\" />", Case.Sensitive, "导出台账 carries the same filter");

        var reversed = await mediator.GetAsync("/Cases?from=2026-03-02&to=2026-03-01");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await reversed.Content.ReadAsStringAsync()).ShouldContain("登记日期至：登记日期的截止日早于起始日。");
        var notADate = await mediator.GetAsync("/Cases?from=2026-02-30");
        notADate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await notADate.Content.ReadAsStringAsync()).ShouldContain("登记日期自：格式不正确。");
        var foreign = await mediator.GetAsync($"/Cases?orgUnitId={await app.UnitIdAsync("370911")}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await foreign.Content.ReadAsStringAsync()).ShouldContain("所选单位不存在或不在您的管辖范围内。");
        (await mediator.GetAsync("/Cases?page=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_ledger_export_holds_exactly_the_filtered_list_and_refuses_parameters_it_does_not_know()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var labour = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId, disputeType: DisputeType.Labour);
        await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var daimiao = await app.UnitIdAsync("370902001");

        var unknown = await mediator.PostJsonAsync("/api/exports", new { kind = CaseListExport.ExportKind, parameters = new { disputeType = "Labour", committee = "x" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await unknown.Content.ReadAsStringAsync());
        var reversed = await mediator.PostJsonAsync("/api/exports", new { kind = CaseListExport.ExportKind, parameters = new { from = "2026-03-02", to = "2026-03-01" } });
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync()).ShouldContain(CasesErrorCodes.ListRangeReversed);
        var enterprise = await ClientAsync(userName: "demo.enterpriseuser");
        (await enterprise.PostJsonAsync("/api/exports", new { kind = CaseListExport.ExportKind })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var criteria = new { disputeType = "Labour", orgUnitId = daimiao, all = true, sort = "Newest" };
        var listed = await mediator.GetAsync($"/api/cases?disputeType=Labour&orgUnitId={daimiao}&sort=Newest&pageSize=200");
        var expected = (await listed.ReadAsync<PagedList<CaseSummaryDto>>()).Items.Select(c => c.Number).ToList();
        expected.ShouldContain(labour.Number);

        var requested = await mediator.PostJsonAsync("/api/exports", new { kind = CaseListExport.ExportKind, parameters = criteria });
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted, await requested.Content.ReadAsStringAsync());
        var job = await requested.ReadAsync<ExportJobDto>();
        await ExportRuns.RunAsync(app, job.Id);
        var done = await (await mediator.GetAsync($"/api/exports/{job.Id}")).ReadAsync<ExportJobDto>();
        (done.State, done.RowsTotal).ShouldBe((ExportJobState.Done, (long?)expected.Count), done.Error);
        var file = await (await mediator.GetAsync(done.DownloadUrl)).Content.ReadAsByteArrayAsync();
        using var xlsx = new MemoryStream(file);
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (string?)r["案件编号"]).ShouldBe(expected);
        rows.Select(r => (string?)r["纠纷类型"]).Distinct().ShouldBe([LabourLabel]);
        rows.Select(r => (string?)r["当事人"]).ShouldAllBe(p => p == "王＊＊、李＊＊", "parties are masked in the ledger as on the page");
    }
}

public sealed class CaseList_Tests_on_Sqlite(SqliteApp app) : CaseList_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class CaseList_Tests_on_PostgreSql(PostgresCluster cluster) : CaseList_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
