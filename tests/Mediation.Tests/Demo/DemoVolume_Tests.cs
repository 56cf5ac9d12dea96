using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Statistics;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Demo;

/// <summary>The host as etc/generate-demo.sh starts it: the small multi-year volume, written through the modules' records.</summary>
public sealed class DemoVolumeApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite,
    settings: new Dictionary<string, string?> { [DemoVolume.SizeSetting] = DemoVolume.Small, [DemoVolume.SeedSetting] = "7" }));

/// <summary>
/// The seed's rows (DOMAIN.md, "The statistics people report") read back through GET /api/statistics/figures as the city's
/// coordinator would: 东平县 2020–2021, 新泰's requests since 2020, and 肥城's desk.
/// </summary>
public sealed class DemoVolume_Tests(DemoVolumeApp app) : IClassFixture<DemoVolumeApp>
{
    [Fact]
    public Task The_small_volume_reproduces_the_seeds_rows_in_the_figures() => SeedRowsHoldAsync(app.Factory);

    /// <summary>The seed's rows as the city's coordinator reads them; the same at every size and through either path.</summary>
    internal static async Task SeedRowsHoldAsync(MediationAppFactory factory)
    {
        var client = await factory.ClientAsAsync("demo.coordinator.taian");
        Guid dongping, xintai, feicheng;
        using (var scope = factory.Services.CreateScope())
        {
            var units = scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>();
            dongping = (await units.FindByCodeAsync("370923", CancellationToken.None))!.Id;
            xintai = (await units.FindByCodeAsync("370982", CancellationToken.None))!.Id;
            feicheng = (await units.FindByCodeAsync("370983", CancellationToken.None))!.Id;
        }
        async Task<FiguresDto> FiguresAsync(string query) =>
            await (await client.GetAsync("/api/statistics/figures?" + query)).ReadAsync<FiguresDto>();
        static FigureDto Figure(FiguresDto figures, string key) => figures.Figures.Single(f => f.Key == key);

        // 东平县: 2020年以来共调处矛盾纠纷3214件，调处率100%，成功率达到98.5%.
        var since2020 = await FiguresAsync($"orgUnitId={dongping}&period=Custom&from=2020-01-01&to=2021-12-31");
        Figure(since2020, "received").Numerator.ShouldBe(3214);
        Figure(since2020, "handledRate").Value.ShouldBe(100m);
        var success = Figure(since2020, "successRate");
        (success.Numerator, success.Denominator).ShouldBe((3166L, (long?)3214L));
        Math.Round(success.Value!.Value, 1).ShouldBe(98.5m);
        // 民转刑案件同比下降27.5%.
        var criminal = (await FiguresAsync($"orgUnitId={dongping}&period=Year&year=2021")).YearOnYear.Single(y => y.Key == "becameCriminal");
        (criminal.Previous, criminal.Current, criminal.Change).ShouldBe(((decimal?)40m, (decimal?)29m, (decimal?)-27.5m));
        criminal.Wording.ShouldBe("民转刑案件同比下降27.5%");

        // 新泰: 2020年以来共受理、解决群众诉求…群众满意率达到95.38%.
        var xintaiDesk = Figure(await FiguresAsync($"orgUnitId={xintai}&period=Custom&from=2020-01-01&to=2021-06-30"), "deskSatisfactionRate");
        (xintaiDesk.Value, xintaiDesk.Denominator).ShouldBe(((decimal?)95.38m, (long?)65L));

        // 肥城 政法服务先行区: 共受理建安领域案件87件，其中已审理办结65件 — the desk's requests of this year, checked by their list.
        var desk = await (await client.GetAsync($"/api/statistics/figures/deskReceived/records?orgUnitId={feicheng}&period=Year"))
            .ReadAsync<CountedRecordsDto>();
        var legal = desk.Items.Where(r => r.Category == "LegalMatter").ToList();
        (legal.Count, legal.Count(r => r.ConcludedOn is not null)).ShouldBe((87, 65));

        // Other counties and years are there too: a city report over several years.
        var city = await FiguresAsync("period=Year&year=2023");
        city.Units.Count(u => u.Figures.Single(f => f.Key == "received").Numerator > 0).ShouldBe(6);
    }

    [Fact]
    public Task The_small_volume_has_past_years_of_petitions_legal_windows_and_joint_meetings() => PastYearsOfEveryModuleHoldAsync(app.Factory);

    /// <summary>
    /// 2021 in the city's report as the coordinator reads it: each county's petitions (12), legal-window services (20) and joint-meeting
    /// tasks (6) of the year, with on-time rates that are plausible rather than empty, the services by kind adding up, and a record behind
    /// each figure opening through its module's API. The same at the small size and at 6k (12, 20 and 6 are the floors of both).
    /// </summary>
    internal static async Task PastYearsOfEveryModuleHoldAsync(MediationAppFactory factory)
    {
        var client = await factory.ClientAsAsync("demo.coordinator.taian");
        var figures = (await (await client.GetAsync("/api/statistics/figures?period=Year&year=2021")).ReadAsync<FiguresDto>()).Figures.ToDictionary(f => f.Key);

        figures["petitionsReceived"].Numerator.ShouldBe(6 * 12);
        foreach (var (key, floor) in new[] { ("petitionsAcceptedOnTime", 80m), ("petitionsRepliedOnTime", 75m), ("meetingTasksOnTime", 70m) })
        {
            figures[key].Denominator.ShouldNotBeNull().ShouldBeGreaterThan(0L, key);
            figures[key].Value.ShouldNotBeNull().ShouldBeInRange(floor, 100m, key);
        }
        figures["legalServices"].Numerator.ShouldBe(6 * 20);
        string[] kinds = ["legalServicesConsultation", "legalServicesCivilAgency", "legalServicesPublicWelfare", "legalServicesCivilMediation"];
        foreach (var kind in kinds) figures[kind].Numerator.ShouldBeGreaterThan(0L, kind);
        kinds.Sum(k => figures[k].Numerator).ShouldBe(figures["legalServices"].Numerator);
        figures["meetingTasksAssigned"].Numerator.ShouldBe(6 * 6);

        foreach (var (figure, api) in new[] { ("petitionsReceived", "/api/petitions/"), ("legalServices", "/api/legal-windows/records/"),
                     ("meetingTasksAssigned", "/api/joint-meetings/tasks/") })
        {
            var records = await (await client.GetAsync($"/api/statistics/figures/{figure}/records?period=Year&year=2021")).ReadAsync<CountedRecordsDto>();
            records.Total.ShouldBe(figures[figure].Numerator);
            var opened = await client.GetAsync(api + records.Items[0].RecordId);
            opened.IsSuccessStatusCode.ShouldBeTrue($"{api}: {opened.StatusCode}");
        }
    }

    [Fact]
    public async Task Generating_again_at_the_next_start_adds_nothing()
    {
        var client = await app.Factory.ClientAsAsync("demo.coordinator.taian");
        async Task<long> CityReceivedAsync() => (await (await client.GetAsync($"/api/statistics/figures?period=Custom&from=2019-01-01&to={DateTime.UtcNow.Year}-12-31"))
            .ReadAsync<FiguresDto>()).Figures.Single(f => f.Key == "received").Numerator;
        var before = await CityReceivedAsync();
        before.ShouldBeGreaterThan(3214L);

        foreach (var module in app.Factory.Services.GetRequiredService<ModuleCatalog>().Modules) await module.SeedDemoAsync(app.Factory.Services, CancellationToken.None);

        (await CityReceivedAsync()).ShouldBe(before);
    }

    [Fact]
    public void Generated_identity_card_numbers_are_valid_and_of_the_county()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var number = DemoVolume.IdCardNumber(random, "370923");
            ChineseIdentifiers.IsValidIdCardNumber(number).ShouldBeTrue(number);
            number.ShouldStartWith("370923");
        }
    }
}
