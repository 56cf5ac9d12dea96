using System.Globalization;
using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Domain;
using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Statistics.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>The desk's three rates as written in their definitions, over hand-built facts.</summary>
public sealed class DeskFigureDefinitions_Tests
{
    private static readonly FigureWindow Year2019 = new(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), new DateOnly(2026, 1, 1));

    private static RecordFact Fact(string filed, bool onTime, string? concluded, bool? satisfied) => new()
    {
        Kind = RecordKind.DeskRequest, RecordId = Guid.NewGuid(), ReceivedOn = DateOnly.Parse(filed, CultureInfo.InvariantCulture), Succeeded = onTime,
        ConcludedOn = concluded is null ? null : DateOnly.Parse(concluded, CultureInfo.InvariantCulture), Rated = satisfied is not null, Satisfied = satisfied is true,
    };

    private static (int Numerator, int Denominator) Count(string key, IEnumerable<RecordFact> facts)
    {
        var figure = FigureCatalog.Find(key)!;
        var list = facts.ToList();
        return (list.Count(figure.Numerator(Year2019).Compile()), list.Count((figure.Denominator ?? figure.Numerator)(Year2019).Compile()));
    }

    private static readonly RecordFact[] Facts =
    [
        Fact("2019-01-01", onTime: true, "2019-01-05", satisfied: true),
        Fact("2019-05-01", onTime: false, "2019-05-20", satisfied: false),
        Fact("2019-12-31", onTime: true, "2020-01-08", satisfied: true), // concluded and rated after the period: counted by its filing date
        Fact("2019-12-31", onTime: false, null, null), // not taken yet: in every denominator but the satisfaction's
        Fact("2018-12-31", onTime: true, "2019-01-02", satisfied: true), // filed the year before: not counted, though concluded in the period
        Fact("2020-01-01", onTime: true, null, null),
        new() { Kind = RecordKind.Case, ReceivedOn = new DateOnly(2019, 3, 1), Succeeded = true, Rated = true, Satisfied = true },
    ];

    [Fact]
    public void The_desk_figures_count_requests_by_their_filing_date()
    {
        Count("deskReceived", Facts).Numerator.ShouldBe(4);
        Count("deskResponseRate", Facts).ShouldBe((2, 4));
        Count("deskResolutionRate", Facts).ShouldBe((3, 4));
        Count("deskSatisfactionRate", Facts).ShouldBe((2, 3));
    }

    [Fact]
    public void A_request_responded_on_time_only_when_an_officer_took_it_by_its_acknowledgement_limit_and_basically_satisfied_is_satisfied()
    {
        var filed = new DateTimeOffset(2019, 3, 4, 9, 0, 0, ChinaTime.Offset);
        DeskRequestStatisticsRow Row(DateTimeOffset? takenAt, ServiceRating? rating) => new(Guid.NewGuid(), "肥城接诉〔2019〕1号", Guid.NewGuid(),
            RequestKind.ServiceRequest, RequestStatus.InHandling, filed, takenAt, filed.AddHours(24), null, rating);
        Row(filed.AddHours(24), null).RespondedOnTime.ShouldBeTrue();
        Row(filed.AddHours(24).AddSeconds(1), null).RespondedOnTime.ShouldBeFalse();
        Row(null, null).RespondedOnTime.ShouldBeFalse();
        Row(null, ServiceRating.BasicallySatisfied).Satisfied.ShouldBeTrue();
        Row(null, ServiceRating.Dissatisfied).Satisfied.ShouldBeFalse();
    }
}

/// <summary>
/// Requests of 2018–2019 made through the desk's own entities at the 肥城 desk (so the figures come only from its change events and
/// its statistics contract), worked out by hand: 2019 has five, of which three were taken in time, four concluded, four rated and
/// three of those 满意 or 基本满意; 2018 has one, answered in time and rated 满意.
/// </summary>
public abstract class DeskFiguresApi_Tests : ProviderTests
{
    private static readonly DeskActor Officer = new(Guid.NewGuid(), "统计测试受理员");

    private static DateTimeOffset China(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, ChinaTime.Offset).ToUniversalTime();

    private static DeskRequest File(Enterprise enterprise, int sequence, DateTimeOffset at, bool urgent = false) =>
        DeskRequest.File(Guid.CreateVersion7(), enterprise, $"肥城接诉〔{ChinaTime.ToChina(at).Year}〕{sequence}号", ChinaTime.ToChina(at).Year, sequence,
            RequestKind.ServiceRequest, "统计测试诉求" + sequence, "施工许可办理进度查询。", null, urgent, [], "企业经办人", at, at.AddHours(urgent ? 1 : 24));

    private static void Handle(DeskRequest request, DateTimeOffset takenAt, DateTimeOffset? concludedAt, ServiceRating? rating)
    {
        request.Take(Officer, complex: false, takenAt);
        if (concludedAt is not { } at) return;
        request.Conclude(Officer, "已协调住建部门办理。", at);
        if (rating is { } r) request.Rate(r, r is ServiceRating.Dissatisfied ? "答复敷衍" : null, "企业经办人", at.AddDays(1));
    }

    private async Task<List<DeskRequest>> SeedAsync()
    {
        var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().FirstAsync(e => e.Status == EnterpriseStatus.Approved);
        var sequence = 9000 + Random.Shared.Next(0, 900) * 10;
        var requests = new List<DeskRequest>
        {
            File(enterprise, sequence + 1, China(2019, 3, 4, 9)),
            File(enterprise, sequence + 2, China(2019, 3, 5, 9)),
            File(enterprise, sequence + 3, China(2019, 6, 10, 9), urgent: true),
            File(enterprise, sequence + 4, China(2019, 7, 1, 9)),
            File(enterprise, sequence + 5, China(2019, 12, 31, 23, 30)),
            File(enterprise, sequence + 6, China(2018, 5, 2, 9)),
            File(enterprise, sequence + 7, China(2020, 1, 1, 0, 30)), // 2019-12-31 16:30 UTC: a 2020 request in China
        };
        Handle(requests[0], China(2019, 3, 4, 10), China(2019, 3, 8, 16), ServiceRating.Satisfied);
        Handle(requests[1], China(2019, 3, 7, 9), China(2019, 3, 12, 16), ServiceRating.Dissatisfied); // taken two days late
        Handle(requests[2], China(2019, 6, 10, 9, 30), China(2019, 6, 11, 16), ServiceRating.BasicallySatisfied);
        Handle(requests[3], China(2019, 7, 1, 11), China(2019, 7, 9, 16), ServiceRating.Satisfied);
        Handle(requests[5], China(2018, 5, 2, 10), China(2018, 5, 7, 16), ServiceRating.Satisfied);
        Handle(requests[6], China(2020, 1, 1, 8), null, null);
        db.AddRange(requests);
        await db.SaveChangesAsync();
        return requests;
    }

    /// <summary>The change events are delivered after the save: wait until the kept facts equal what the desk's contract says now.</summary>
    private async Task FactsKeptAsync(List<Guid> ids)
    {
        var app = await AppAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var scope = app.Services.CreateScope();
            var expected = await scope.ServiceProvider.GetRequiredService<FactKeeper>().ReadAsync(RecordKind.DeskRequest, ids, CancellationToken.None);
            var kept = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<RecordFact>().AsNoTracking()
                .Where(f => f.Kind == RecordKind.DeskRequest && ids.Contains(f.RecordId)).ToDictionaryAsync(f => f.RecordId);
            if (expected.Count == ids.Count && expected.All(e => kept.TryGetValue(e.RecordId, out var k) && k.SameAs(e))) return;
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the desk's change events keep the facts");
            await Task.Delay(250);
        }
    }

    private static Dictionary<string, FigureDto> ByKey(IEnumerable<FigureDto> figures) => figures.ToDictionary(f => f.Key);

    [Fact]
    public async Task The_desk_rates_have_their_known_answers_roll_up_to_the_city_drill_down_and_follow_a_reopening()
    {
        var requests = await SeedAsync();
        var ids = requests.Select(r => r.Id).ToList();
        await FactsKeptAsync(ids);
        var app = await AppAsync();
        var city = await ClientAsync(null, "demo.coordinator.taian");
        var feicheng = requests[0].OrgUnitId;

        var report = await (await city.GetAsync($"/api/statistics/figures?period=Year&year=2019&orgUnitId={feicheng}")).ReadAsync<FiguresDto>();
        report.OrgUnitName.ShouldBe("肥城市");
        var f = ByKey(report.Figures);
        f["deskReceived"].Value.ShouldBe(5m);
        (f["deskResponseRate"].Value, f["deskResponseRate"].Numerator, f["deskResponseRate"].Denominator).ShouldBe((60m, 3L, (long?)5));
        (f["deskResolutionRate"].Value, f["deskResolutionRate"].Numerator, f["deskResolutionRate"].Denominator).ShouldBe((80m, 4L, (long?)5));
        (f["deskSatisfactionRate"].Value, f["deskSatisfactionRate"].Numerator, f["deskSatisfactionRate"].Denominator).ShouldBe((75m, 3L, (long?)4));
        f["deskResponseRate"].Name.ShouldBe("诉求响应率");
        f["deskResponseRate"].Definition.ShouldContain("按提交日期计入期间");
        var yoy = report.YearOnYear.ToDictionary(y => y.Key, y => y.Wording);
        yoy["deskReceived"].ShouldBe("企业诉求同比上升400%");
        yoy["deskResponseRate"].ShouldBe("诉求响应率同比降低40个百分点");
        yoy["deskResolutionRate"].ShouldBe("诉求解决率同比降低20个百分点");
        yoy["deskSatisfactionRate"].ShouldBe("诉求满意率同比降低25个百分点");

        // Rolled up: the city's total counts the desk's requests in 肥城市's row; the 2020 request filed at 00:30 China time is not in 2019.
        var whole = await (await city.GetAsync("/api/statistics/figures?period=Year&year=2019")).ReadAsync<FiguresDto>();
        ByKey(whole.Figures)["deskReceived"].Value.ShouldBe(5m);
        whole.Units.Single(u => u.OrgUnitName == "肥城市").Figures.Single(x => x.Key == "deskResponseRate").Value.ShouldBe(60m);
        whole.Units.Single(u => u.OrgUnitName == "泰山区").Figures.Single(x => x.Key == "deskReceived").Value.ShouldBe(0m);
        var nextYear = await (await city.GetAsync($"/api/statistics/figures?period=Custom&from=2020-01-01&to=2020-01-01&orgUnitId={feicheng}")).ReadAsync<FiguresDto>();
        (ByKey(nextYear.Figures)["deskReceived"].Value, ByKey(nextYear.Figures)["deskResponseRate"].Value).ShouldBe((1m, 100m));

        // Drill-down lists exactly the counted requests, each linked to its page.
        var onTime = await (await city.GetAsync(f["deskResponseRate"].DrillDown)).ReadAsync<CountedRecordsDto>();
        onTime.Items.Select(i => i.RecordId).ShouldBe([requests[0].Id, requests[2].Id, requests[3].Id], ignoreOrder: true);
        onTime.Items.ShouldAllBe(i => i.Link == $"/ServiceDesk/Requests/{i.RecordId}" && i.Kind == RecordKind.DeskRequest);
        var filed = await (await city.GetAsync(f["deskResponseRate"].DrillDown.Replace("part=numerator", "part=denominator"))).ReadAsync<CountedRecordsDto>();
        filed.Items.Select(i => i.RecordId).ShouldBe(ids.Take(5), ignoreOrder: true);
        var rated = await (await city.GetAsync(f["deskSatisfactionRate"].DrillDown.Replace("part=numerator", "part=denominator"))).ReadAsync<CountedRecordsDto>();
        rated.Total.ShouldBe(4);

        // A district statistician outside 肥城市 never sees the desk's requests.
        var taishan = await ClientAsync(null, "demo.statistician");
        (await taishan.GetAsync($"/api/statistics/figures/deskReceived/records?period=Year&year=2019&orgUnitId={feicheng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ByKey((await (await taishan.GetAsync("/api/statistics/figures?period=Year&year=2019")).ReadAsync<FiguresDto>()).Figures)["deskReceived"].Value.ShouldBe(0m);

        // The desk head reopens the 不满意 request: it is no longer resolved nor rated, in the figures as on the desk's own rates.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var reviewed = await db.Set<DeskRequest>().IgnoreQueryFilters().SingleAsync(r => r.Id == requests[1].Id);
            reviewed.Review(reopen: true, "答复不到位，重新办理", "演示服务台负责人", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await FactsKeptAsync(ids);
        var after = ByKey((await (await city.GetAsync($"/api/statistics/figures?period=Year&year=2019&orgUnitId={feicheng}")).ReadAsync<FiguresDto>()).Figures);
        (after["deskResolutionRate"].Numerator, after["deskResolutionRate"].Value).ShouldBe((3L, 60m));
        (after["deskSatisfactionRate"].Numerator, after["deskSatisfactionRate"].Denominator, after["deskSatisfactionRate"].Value).ShouldBe((3L, (long?)3, 100m));

        var desk = await (await ClientAsync(null, "demo.deskhead")).GetAsync("/api/service-desk/rates?from=2019-01-01&to=2019-12-31");
        desk.StatusCode.ShouldBe(HttpStatusCode.OK, await desk.Content.ReadAsStringAsync());
        var rates = await desk.ReadAsync<DeskRatesDto>();
        (rates.Filed, rates.RespondedOnTime, rates.Concluded, rates.Rated).ShouldBe((5, 3, 3, 3));
        (rates.ResponseRate * 100, rates.ResolutionRate * 100, rates.SatisfactionRate * 100)
            .ShouldBe((after["deskResponseRate"].Value, after["deskResolutionRate"].Value, after["deskSatisfactionRate"].Value));
    }
}

public sealed class DeskFiguresApi_Tests_on_Sqlite(SqliteApp app) : DeskFiguresApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class DeskFiguresApi_Tests_on_PostgreSql(PostgresCluster cluster) : DeskFiguresApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
