using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Web;
using Mediation.JointMeetings;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Demo;

/// <summary>The host as etc/run.sh starts it: demo accounts and, with Demo:Records, cases and petitions made through the modules' services.</summary>
public sealed class DemoRecordsApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite,
    settings: new Dictionary<string, string?> { [DemoActor.RecordsSetting] = "true" }));

public sealed class DemoRecords_Tests(DemoRecordsApp app) : IClassFixture<DemoRecordsApp>
{

    [Fact]
    public async Task The_demo_mediator_finds_cases_in_every_state_and_the_petition_office_finds_petitions_in_every_step()
    {
        var mediator = await app.Factory.ClientAsAsync("demo.mediator");
        var cases = (await (await mediator.GetAsync("/api/cases?pageSize=100")).ReadAsync<PagedList<CaseSummaryDto>>()).Items;
        cases.Select(c => c.Status).Distinct().Order().ShouldBe(Enum.GetValues<CaseStatus>());
        cases.ShouldAllBe(c => c.Number.StartsWith("泰山"));
        cases.ShouldContain(c => c.RiskGrade == RiskGrade.Yellow);

        var officer = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var petitions = (await (await officer.GetAsync("/api/petitions?pageSize=100")).ReadAsync<PagedList<PetitionSummaryDto>>()).Items;
        petitions.Count.ShouldBe(5);
        petitions.Count(p => p.Status == PetitionStatus.Registered).ShouldBe(2, "one fresh visit and one letter past its 15 days (信访工作条例 Art. 23)");
        var handedOver = petitions.Single(p => p.Matter.StartsWith("邻居在楼道堆放杂物"));
        var detail = await (await officer.GetAsync($"/api/petitions/{handedOver.Id}")).ReadAsync<PetitionDto>();
        var caseId = detail.Mediation.ShouldNotBeNull().CaseId;
        (await (await mediator.GetAsync($"/api/cases/{caseId}")).ReadAsync<CaseDto>()).Source.ShouldBe(CaseSource.PetitionHandover);

        var coordinator = await app.Factory.ClientAsAsync("demo.coordinator.taian");
        var arrears = petitions.Single(p => p.Matter.Contains("拖欠农民工工资"));
        await Eventually.Async(async () => (await (await coordinator.GetAsync("/api/joint-meetings/agenda-items/proposed")).ReadAsync<PagedList<AgendaItemDto>>())
            .Items.FirstOrDefault(i => i.LinkedRecord?.Id == arrears.Id), "the joint meeting's proposed item for the arrears petition");
    }

    [Fact]
    public async Task Seeding_again_at_the_next_start_adds_nothing()
    {
        var mediator = await app.Factory.ClientAsAsync("demo.mediator");
        var officer = await app.Factory.ClientAsAsync("demo.petitionofficer");
        async Task<(long Cases, long Petitions)> CountAsync() =>
            ((await (await mediator.GetAsync("/api/cases")).ReadAsync<PagedList<CaseSummaryDto>>()).Total,
             (await (await officer.GetAsync("/api/petitions")).ReadAsync<PagedList<PetitionSummaryDto>>()).Total);
        var before = await CountAsync();
        before.Cases.ShouldBeGreaterThanOrEqualTo(3);

        foreach (var module in app.Factory.Services.GetRequiredService<ModuleCatalog>().Modules) await module.SeedDemoAsync(app.Factory.Services, CancellationToken.None);

        (await CountAsync()).ShouldBe(before);
    }
}
