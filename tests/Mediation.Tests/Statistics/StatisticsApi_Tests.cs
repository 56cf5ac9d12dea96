using System.Net;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Mediation.Core.Exports;
using Mediation.Core.Security;
using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Statistics.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// Figures over a hand-built set of case facts (2020–2021, so no demo record interferes) whose answers were worked out by hand:
/// 泰山区 has 岱庙街道 (one case in its 岱东社区) and 财源街道; 岱岳区 has one case the district's users never count.
/// </summary>
public abstract class StatisticsApi_Tests : ProviderTests
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<MediationAppFactory> SeededApps = [];

    private async Task<HttpClient> StatisticianAsync(string? language = null) => await ClientAsync(language, "demo.statistician");

    private async Task SeedAsync()
    {
        var app = await AppAsync();
        await Seeded.WaitAsync();
        try
        {
            if (!SeededApps.Add(app)) return;
            using var scope = app.Services.CreateScope();
            var units = scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>();
            async Task<string> Key(string code) => RecordFact.UnitKeyOf((await units.FindByCodeAsync(code, CancellationToken.None))!.Path);
            var (daidong, caiyuan, daimiao, daiyue) = (await Key("370902001001"), await Key("370902002"), await Key("370902001"), await Key("370911"));
            RecordFact[] facts =
            [
                Fact(1, daidong, "2021-03-01", "2021-03-11", "Succeeded", due: "2021-03-31", rated: true, satisfied: true),
                Fact(2, daimiao, "2021-03-05", "2021-03-25", "Failed", due: "2021-04-04", rated: true, source: CaseSource.PetitionHandover),
                Fact(3, daimiao, "2021-06-01", null, null, due: "2021-07-01", criminal: "2021-08-01"),
                Fact(4, daimiao, "2021-11-20", "2022-01-10", "Succeeded", due: "2021-12-20"),
                Fact(5, daimiao, "2020-12-01", "2021-01-11", "Succeeded", due: "2020-12-31", applied: "2021-01-20", confirmed: "2021-02-10"),
                Fact(6, caiyuan, "2021-05-01", "2021-05-03", "OralAgreement", due: "2021-05-31", type: DisputeType.Labour),
                Fact(7, caiyuan, "2020-05-01", "2020-05-31", "Succeeded", criminal: "2020-07-01"),
                Fact(8, caiyuan, "2020-06-01", "2020-06-11", "Failed", criminal: "2020-08-01"),
                Fact(9, daiyue, "2021-02-01", "2021-02-02", "Succeeded"),
            ];
            // Stored as the change events store them, so the monthly counts follow.
            await scope.ServiceProvider.GetRequiredService<FactKeeper>().StoreAsync(RecordKind.Case, facts.Select(f => f.RecordId).ToList(), facts,
                CancellationToken.None);
        }
        finally { Seeded.Release(); }
    }

    private static RecordFact Fact(int n, string unitKey, string received, string? concluded, string? outcome, string? due = null,
        bool rated = false, bool satisfied = false, string? criminal = null, string? applied = null, string? confirmed = null,
        DisputeType type = DisputeType.Neighbourhood, CaseSource source = CaseSource.WalkIn)
    {
        static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var fact = new RecordFact
        {
            Kind = RecordKind.Case, RecordId = Guid.CreateVersion7(), Number = $"统测调〔{received[..4]}〕{n}号", OrgUnitId = Guid.Empty,
            UnitKey = unitKey, ReceivedOn = D(received)!.Value, DueOn = D(due), Outcome = outcome,
            Succeeded = outcome is "Succeeded" or "OralAgreement", Category = type.ToString(), Source = source.ToString(), Rated = rated,
            Satisfied = satisfied, CriminalOn = D(criminal), JudicialAppliedOn = D(applied), JudicialConfirmedOn = D(confirmed),
        };
        fact.Conclude(D(concluded));
        return fact;
    }

    private static Dictionary<string, FigureDto> ByKey(IEnumerable<FigureDto> figures) => figures.ToDictionary(f => f.Key);

    [Fact]
    public async Task The_hand_built_figures_have_their_known_answers_rolled_up_with_the_year_before()
    {
        await SeedAsync();
        var response = await (await StatisticianAsync()).GetAsync("/api/statistics/figures?period=Year&year=2021");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.ReadAsync<FiguresDto>();
        report.OrgUnitName.ShouldBe("泰山区");
        (report.From, report.To).ShouldBe((new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31)));

        var f = ByKey(report.Figures);
        (f["received"].Value, f["concluded"].Value).ShouldBe((5m, 4m));
        (f["handledRate"].Value, f["handledRate"].Numerator, f["handledRate"].Denominator).ShouldBe((60m, 3L, (long?)5));
        (f["successRate"].Value, f["successRate"].Numerator, f["successRate"].Denominator).ShouldBe((75m, 3L, (long?)4));
        (f["closureRate"].Value, f["closureRate"].Numerator, f["closureRate"].Denominator).ShouldBe((66.67m, 4L, (long?)6));
        f["averageHandlingDays"].Value.ShouldBe(18.25m); // (10 + 20 + 41 + 2) / 4
        (f["satisfactionRate"].Value, f["satisfactionRate"].Denominator).ShouldBe((50m, (long?)2));
        (f["becameCriminal"].Value, f["judicialApplied"].Value, f["judicialConfirmed"].Value, f["overdue"].Value).ShouldBe((1m, 1m, 1m, 2m));
        f["successRate"].Name.ShouldBe("调解成功率");
        f["successRate"].Definition.ShouldContain("÷");

        var rows = report.Units.ToDictionary(u => u.OrgUnitName, u => ByKey(u.Figures));
        rows.Keys.ShouldNotContain("岱岳区");
        (rows["岱庙街道"]["received"].Value, rows["财源街道"]["received"].Value).ShouldBe((4m, 1m)); // 岱东社区's case rolls up into 岱庙街道
        (rows["岱庙街道"]["successRate"].Value, rows["财源街道"]["successRate"].Value).ShouldBe((66.67m, 100m));

        var yoy = report.YearOnYear.ToDictionary(y => y.Key, y => y.Wording);
        yoy["received"].ShouldBe("受理纠纷同比上升66.7%");
        yoy["successRate"].ShouldBe("调解成功率同比提高25个百分点");
        yoy["closureRate"].ShouldBe("结案率与上年同期持平");
        yoy["averageHandlingDays"].ShouldBe("平均办理天数同比减少1.75天");
        yoy["becameCriminal"].ShouldBe("民转刑案件同比下降50%");
        yoy["satisfactionRate"].ShouldBe("满意率50%，上年同期无数据");
        yoy["judicialApplied"].ShouldBe("申请司法确认1件，上年同期为0件");

        var city = await (await ClientAsync(null, "demo.coordinator.taian")).GetAsync("/api/statistics/figures?period=Year&year=2021");
        var cityReport = await city.ReadAsync<FiguresDto>();
        ByKey(cityReport.Figures)["received"].Value.ShouldBe(6m);
        cityReport.Units.ToDictionary(u => u.OrgUnitName, u => ByKey(u.Figures)["received"].Value)
            .ShouldBe(new Dictionary<string, decimal?> { ["泰山区"] = 5, ["岱岳区"] = 1, ["新泰市"] = 0, ["肥城市"] = 0, ["宁阳县"] = 0, ["东平县"] = 0 },
                ignoreOrder: true);
    }

    [Fact]
    public async Task Dispute_type_source_and_shorter_periods_narrow_the_count()
    {
        await SeedAsync();
        var client = await StatisticianAsync();
        async Task<decimal?> Received(string query) =>
            ByKey((await (await client.GetAsync("/api/statistics/figures?" + query)).ReadAsync<FiguresDto>()).Figures)["received"].Value;
        (await Received("period=Year&year=2021&disputeType=Labour")).ShouldBe(1m);
        (await Received("period=Year&year=2021&source=PetitionHandover")).ShouldBe(1m);
        (await Received("period=Quarter&year=2021&quarter=1")).ShouldBe(2m);
        (await Received("period=Month&year=2021&month=6")).ShouldBe(1m);
        (await Received("period=Custom&from=2020-12-01&to=2021-03-01")).ShouldBe(2m);
    }

    [Fact]
    public async Task Every_figure_drills_down_to_exactly_the_records_it_counts()
    {
        await SeedAsync();
        var client = await StatisticianAsync();
        var report = await (await client.GetAsync("/api/statistics/figures?period=Year&year=2021")).ReadAsync<FiguresDto>();
        foreach (var figure in report.Figures.Concat(report.Units.SelectMany(u => u.Figures)))
        {
            var numerator = await (await client.GetAsync(figure.DrillDown)).ReadAsync<CountedRecordsDto>();
            (numerator.Total, (long)numerator.Items.Count).ShouldBe((figure.Numerator, figure.Numerator), figure.Key);
            if (figure.Unit is not FigureUnit.Rate) continue;
            var denominator = await (await client.GetAsync(figure.DrillDown.Replace("part=numerator", "part=denominator"))).ReadAsync<CountedRecordsDto>();
            denominator.Total.ShouldBe(figure.Denominator!.Value, figure.Key);
        }
        var concluded = await (await client.GetAsync(ByKey(report.Figures)["concluded"].DrillDown)).ReadAsync<CountedRecordsDto>();
        concluded.Items.Select(i => i.Number).ShouldBe(["统测调〔2020〕5号", "统测调〔2021〕1号", "统测调〔2021〕2号", "统测调〔2021〕6号"], ignoreOrder: true);
        concluded.Items.ShouldAllBe(i => i.Link == $"/Cases/{i.RecordId}");
    }

    [Fact]
    public async Task A_township_statistician_sees_his_township_and_never_the_other_townships()
    {
        await SeedAsync();
        var app = await AppAsync();
        var admin = await ClientAsync();
        var units = await (await admin.GetAsync("/api/org-units")).ReadAsync<List<Mediation.Web.OrgUnits.OrgUnitDto>>();
        var (daimiao, caiyuan, daiyue) = (units.Single(u => u.Code == "370902001"), units.Single(u => u.Code == "370902002"),
            (await (await ClientAsync(null, "demo.coordinator.taian")).GetAsync("/api/org-units")).ReadAsync<List<Mediation.Web.OrgUnits.OrgUnitDto>>());
        var userName = "stat" + Guid.NewGuid().ToString("N")[..8];
        var created = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(userName, "岱庙统计员", MediationAppFactory.DemoPassword,
            daimiao.Id, [RoleNames.Statistician], null, null));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var township = await app.ClientAsAsync(userName);

        var own = await (await township.GetAsync("/api/statistics/figures?period=Year&year=2021")).ReadAsync<FiguresDto>();
        (own.OrgUnitName, ByKey(own.Figures)["received"].Value).ShouldBe(("岱庙街道", 4m));
        own.Units.Select(u => u.OrgUnitName).ShouldNotContain("财源街道");

        var taishan = (await daiyue).Single(u => u.Code == "370902");
        foreach (var other in new[] { caiyuan.Id, taishan.Id, (await daiyue).Single(u => u.Code == "370911").Id })
        {
            var response = await township.GetAsync($"/api/statistics/figures?period=Year&year=2021&orgUnitId={other}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await township.GetAsync($"/api/statistics/figures/received/records?period=Year&year=2021&orgUnitId={other}")).StatusCode
                .ShouldBe(HttpStatusCode.NotFound);
        }
        var mine = await (await township.GetAsync("/api/statistics/figures/received/records?period=Year&year=2021")).ReadAsync<CountedRecordsDto>();
        mine.Total.ShouldBe(4);
    }

    [Fact]
    public async Task The_report_reads_back_as_landscape_pdf_with_charts_and_definitions_and_as_excel()
    {
        await SeedAsync();
        var client = await StatisticianAsync();
        var pdf = await client.GetAsync("/api/statistics/report.pdf?period=Year&year=2021");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK, await pdf.Content.ReadAsStringAsync());
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        var pages = Mediation.Tests.Documents.PdfText.PageTexts(bytes);
        pages[0].ShouldContain("泰山区矛盾纠纷化解工作统计报表");
        pages[0].ShouldContain("统计期间：2021年1月1日至2021年12月31日");
        foreach (var expected in new[] { "岱庙街道", "财源街道", "合计", "75.00%", "66.67%", "18.25" }) pages[0].ShouldContain(expected); // narrow headers wrap
        var all = string.Concat(pages);
        foreach (var expected in new[] { "各单位调解成功率（%）", "月度趋势（件）", "民转刑案件同比下降50%。", "结案率与上年同期持平。" }) all.ShouldContain(expected);
        var today = Mediation.Core.Deadlines.Domain.ChinaTime.DateOf(DateTimeOffset.UtcNow);
        all.ShouldContain($"制表日期：{today.Year}年{today.Month}月{today.Day}日"); // GB/T 9704: no padding
        var definitions = string.Concat(pages.SkipWhile(p => !p.Contains("指标口径", StringComparison.Ordinal))); // the last pages
        definitions.ShouldContain("平均办理天数：");
        pages[^1].ShouldContain("超期交办事项：");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var page = document.GetPage(1);
            page.Width.ShouldBeGreaterThan(page.Height); // A4 landscape
        }

        var excel = await client.GetAsync("/api/statistics/report.xlsx?period=Year&year=2021");
        excel.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        MiniExcelLibs.MiniExcel.GetSheetNames(stream).ShouldBe(["调解工作", "信访法律服务联席会议", "接诉即办", "同比", "月度趋势", "指标口径"]);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "调解工作").Cast<IDictionary<string, object?>>().ToList();
        var total = rows.Single(r => (string?)r["单位"] == "合计");
        Convert.ToDouble(total["受理纠纷"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(5);
        total["调解成功率"].ShouldBeOfType<double>().ShouldBe(0.75, 1e-9); // a number formatted as a percentage, not text
        Convert.ToDouble(rows.Single(r => (string?)r["单位"] == "岱庙街道")["受理纠纷"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(4);
        var trend = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "月度趋势").Cast<IDictionary<string, object?>>().ToList();
        trend.Count.ShouldBe(12);
        Convert.ToDouble(trend.Single(r => (string?)r["月份"] == "2021-03")["受理"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2);

        (await (await ClientAsync(null, "demo.coordinator.taian")).GetAsync("/api/statistics/report.pdf?period=Year&year=2021")).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "reading figures does not carry exporting them");
    }

    [Fact]
    public async Task The_report_runs_as_a_background_export_with_progress_and_reads_back_as_pdf_and_excel()
    {
        await SeedAsync();
        var app = await AppAsync();
        var client = await StatisticianAsync();
        async Task<(ExportJobDto Job, byte[] File)> ExportAsync(string format)
        {
            var response = await client.PostJsonAsync("/api/exports", new { kind = ReportExport.ExportKind, parameters = new { format, period = "Year", year = 2021 } });
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
            var requested = await response.ReadAsync<ExportJobDto>();
            (requested.State, requested.FileName).ShouldBe((ExportJobState.Queued, $"统计报表20210101-20211231.{format}"));
            await ExportRuns.RunAsync(app, requested.Id);
            var done = await (await client.GetAsync($"/api/exports/{requested.Id}")).ReadAsync<ExportJobDto>();
            (done.State, done.Percent).ShouldBe((ExportJobState.Done, 100), done.Error);
            // Progress counted each query of the figures and each month of the trend, not one step for the whole report.
            done.RowsTotal.ShouldBe(FigureService.FigureSteps + 12 + 1);
            var file = await client.GetAsync(done.DownloadUrl);
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Content.Headers.ContentType!.MediaType.ShouldBe(format == "pdf" ? ExportFile.Pdf : ExportFile.Xlsx);
            return (done, await file.Content.ReadAsByteArrayAsync());
        }

        var (_, pdf) = await ExportAsync("pdf");
        var pages = Mediation.Tests.Documents.PdfText.PageTexts(pdf);
        pages[0].ShouldContain("泰山区矛盾纠纷化解工作统计报表");
        pages[0].ShouldContain("统计期间：2021年1月1日至2021年12月31日");
        foreach (var expected in new[] { "75.00%", "66.67%", "18.25" }) pages[0].ShouldContain(expected);
        string.Concat(pages).ShouldContain("三、接诉即办");
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
            document.GetPage(1).Width.ShouldBeGreaterThan(document.GetPage(1).Height);

        var (_, xlsx) = await ExportAsync("xlsx");
        using var stream = new MemoryStream(xlsx);
        MiniExcelLibs.MiniExcel.GetSheetNames(stream).ShouldContain("接诉即办");
        var total = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "调解工作").Cast<IDictionary<string, object?>>()
            .Single(r => (string?)r["单位"] == "合计");
        total["调解成功率"].ShouldBeOfType<double>().ShouldBe(0.75, 1e-9);

        // Refused in the request, before any job: a unit outside the caller's subtree, a bad period, an unknown format, no export permission.
        var daiyue = (await (await ClientAsync(null, "demo.coordinator.taian")).GetAsync("/api/org-units")).ReadAsync<List<Mediation.Web.OrgUnits.OrgUnitDto>>();
        (await client.PostJsonAsync("/api/exports", new { kind = ReportExport.ExportKind, parameters = new { orgUnitId = (await daiyue).Single(u => u.Code == "370911").Id } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostJsonAsync("/api/exports", new { kind = ReportExport.ExportKind, parameters = new { period = "Quarter", year = 2021, quarter = 5 } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostJsonAsync("/api/exports", new { kind = ReportExport.ExportKind, parameters = new { format = "docx" } })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await ClientAsync(null, "demo.coordinator.taian")).PostJsonAsync("/api/exports", new { kind = ReportExport.ExportKind, parameters = new { } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task When_a_unit_moves_in_the_tree_its_records_roll_up_under_its_new_parent()
    {
        var admin = await ClientAsync();
        var units = await (await admin.GetAsync("/api/org-units")).ReadAsync<List<Mediation.Web.OrgUnits.OrgUnitDto>>();
        var (caiyuan, daimiao) = (units.Single(u => u.Code == "370902002"), units.Single(u => u.Code == "370902001"));
        var created = await admin.PostJsonAsync("/api/org-units", new Mediation.Web.OrgUnits.CreateOrgUnitInput(caiyuan.Id, "S" + Guid.NewGuid().ToString("N")[..10],
            "统计迁移测试社区", Mediation.Core.OrgUnits.Domain.OrgUnitKind.Community, 0));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var moving = await created.ReadAsync<Mediation.Web.OrgUnits.OrgUnitDto>();
        var app = await AppAsync();
        using (var scope = app.Services.CreateScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>();
            var key = RecordFact.UnitKeyOf((await directory.GetAsync(moving.Id, CancellationToken.None)).Path);
            var facts = new List<RecordFact>();
            foreach (var (n, received) in new[] { (1, "2017-03-01"), (2, "2017-05-01"), (3, "2017-09-01") })
            {
                var fact = Fact(7000 + n, key, received, "2017-12-01", "Succeeded"); // concluded: no later period counts it as pending
                fact.OrgUnitId = moving.Id;
                facts.Add(fact);
            }
            // 财源街道's own case pending from 2016 and concluded in 2017: its row has figures but no case received in 2017.
            var pending = Fact(7010, RecordFact.UnitKeyOf((await directory.GetAsync(caiyuan.Id, CancellationToken.None)).Path), "2016-06-01", "2017-02-01", "Succeeded");
            pending.OrgUnitId = caiyuan.Id;
            facts.Add(pending);
            await scope.ServiceProvider.GetRequiredService<FactKeeper>().StoreAsync(RecordKind.Case, facts.Select(f => f.RecordId).ToList(), facts,
                CancellationToken.None);
        }
        var statistician = await StatisticianAsync();
        async Task<Dictionary<string, decimal?>> ReceivedByUnitAsync(Guid? unitId = null) =>
            (await (await statistician.GetAsync($"/api/statistics/figures?period=Year&year=2017{(unitId is null ? "" : $"&orgUnitId={unitId}")}"))
                .ReadAsync<FiguresDto>()).Units.ToDictionary(u => u.OrgUnitName, u => ByKey(u.Figures)["received"].Value);

        var before = await ReceivedByUnitAsync();
        (before["财源街道"], before["岱庙街道"]).ShouldBe((3m, 0m));

        var moved = await admin.PostJsonAsync($"/api/org-units/{moving.Id}/move", new Mediation.Web.OrgUnits.MoveOrgUnitInput(daimiao.Id, moving.ConcurrencyStamp));
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<string, decimal?> after;
        while ((after = await ReceivedByUnitAsync()).GetValueOrDefault("岱庙街道") != 3m && DateTime.UtcNow < deadline) await Task.Delay(250);
        (after["岱庙街道"], after["财源街道"]).ShouldBe((3m, 0m), "the move re-keys the unit's facts under its new parent");
        (await ReceivedByUnitAsync(daimiao.Id))["统计迁移测试社区"].ShouldBe(3m);
        (await ReceivedByUnitAsync(caiyuan.Id)).Keys.ShouldNotContain("统计迁移测试社区");

        using (var scope = app.Services.CreateScope())
        {
            var path = (await scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>().GetAsync(moving.Id, CancellationToken.None)).Path;
            var keys = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<RecordFact>().AsNoTracking()
                .Where(f => f.OrgUnitId == moving.Id).Select(f => f.UnitKey).Distinct().ToListAsync();
            keys.ShouldBe([RecordFact.UnitKeyOf(path)], "equal to what a recount writes");
            var own = RecordFact.UnitKeyOf(path)[^32..];
            var (from, to) = (new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1));
            var monthly = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<MonthlyCount>().AsNoTracking()
                .Where(m => m.Kind == RecordKind.Case && m.Entry == CountedOn.Received && m.Month >= from && m.Month <= to && m.UnitKey.EndsWith(own))
                .Select(m => m.UnitKey).Distinct().ToListAsync();
            monthly.ShouldBe([RecordFact.UnitKeyOf(path)], "the monthly counts moved with the facts");
        }
    }

    [Fact]
    public async Task Bad_periods_and_parts_are_field_errors_and_the_recount_needs_its_permission()
    {
        var client = await StatisticianAsync("en");
        foreach (var (query, field) in new[]
        {
            ("period=Quarter&year=2021&quarter=5", "quarter"), ("period=Month&year=2021", "month"), ("period=Custom&from=2021-02-01&to=2021-01-01", "to"),
            ("period=Custom&from=2001-01-01&to=2021-01-01", "to"), ("period=Year&year=1999", "year"), ("from=2021-01-01", "period"),
        })
        {
            var response = await client.GetAsync("/api/statistics/figures?" + query);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(query);
        }
        (await client.GetAsync("/api/statistics/figures?period=Fortnight")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/statistics/figures/received/records?part=denominator")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/statistics/figures/nonsense/records")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync("/api/statistics/recount", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await ClientAsync(null, "demo.mediator")).GetAsync("/api/statistics/figures")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class StatisticsApi_Tests_on_Sqlite(SqliteApp app) : StatisticsApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class StatisticsApi_Tests_on_PostgreSql(PostgresCluster cluster) : StatisticsApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
