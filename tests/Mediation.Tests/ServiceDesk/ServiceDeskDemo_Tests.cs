using Mediation.Core.Web;
using System.Net;
using Mediation.Core.Data;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Data;
using Mediation.ServiceDesk.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>The desk's demo data: the seed article's 87 accepted / 65 concluded 涉法案件 in the ledger, and a portal that works for demo.enterpriseuser.</summary>
public abstract class ServiceDeskDemo_Tests : ProviderTests
{
    private static readonly string[] ConcludedStates = ["已办结待评价", "不满意复核中", "已办结"];

    [Fact]
    public async Task The_ledger_shows_87_legal_matters_accepted_and_65_concluded_and_the_demo_enterprise_has_a_request_in_every_state()
    {
        var app = await AppAsync();
        var portal = await app.ClientAsAsync("demo.enterpriseuser");
        var mine = await OkAsync<EnterpriseDto>(await portal.GetAsync("/api/service-desk/portal/enterprise"));
        (mine.Name, mine.Status, mine.CreditCode).ShouldBe(("肥城市演示建筑安装有限公司", EnterpriseStatus.Approved, ServiceDeskDemoSeed.DemoCreditCode));
        var requests = (await OkAsync<PagedList<DeskRequestSummaryDto>>(await portal.GetAsync("/api/service-desk/portal/requests"))).Items;
        requests.Select(r => r.Status).Distinct().Order().ShouldBe(Enum.GetValues<RequestStatus>());
        var detail = await OkAsync<DeskRequestDto>(await portal.GetAsync($"/api/service-desk/portal/requests/{requests.First(r => r.Status == RequestStatus.AwaitingMaterials).Id}"));
        (detail.FeedbackPaused, detail.MaterialsNotices.Count).ShouldBe((true, 1));

        var officer = await app.ClientAsAsync(Officer);
        var seeded = ((await OkAsync<PagedList<EnterpriseDto>>(await officer.GetAsync("/api/service-desk/enterprises"))).Items)
            .Where(e => e.CreditCode.StartsWith("91370983MA3C8D", StringComparison.Ordinal)).ToList();
        seeded.Count(e => e.Status == EnterpriseStatus.Approved).ShouldBe(6);
        seeded.ShouldContain(e => e.Status == EnterpriseStatus.Pending);
        var rows = new List<IDictionary<string, object?>>();
        foreach (var enterprise in seeded.Where(e => e.Status == EnterpriseStatus.Approved))
        {
            var response = await officer.GetAsync($"/api/service-desk/ledger?kind=LegalMatter&enterpriseId={enterprise.Id}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            rows.AddRange(MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>());
        }
        rows.Count(r => r["受理时间"] is not null).ShouldBe(87);
        rows.Count(r => ConcludedStates.Contains((string?)r["状态"])).ShouldBe(65);
        rows.ShouldContain(r => (string?)r["按时响应"] == "否");
        rows.ShouldContain(r => (string?)r["法律途径"] == "诉讼");
        rows.ShouldContain(r => ((string)r["时间线"]!).Contains("Transferred"));

        var overdue = (await OkAsync<PagedList<DeskRequestSummaryDto>>(await officer.GetAsync("/api/service-desk/requests?view=Overdue"))).Items;
        overdue.Count(r => seeded.Any(e => e.Name == r.EnterpriseName)).ShouldBeGreaterThan(2);
        var visits = (await OkAsync<PagedList<VisitDto>>(await officer.GetAsync($"/api/service-desk/visits?enterpriseId={mine.Id}"))).Items;
        visits.ShouldHaveSingleItem().Problems[0].RequestNumber.ShouldNotBeNull();
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        var app = await AppAsync();
        async Task<int> CountAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<DeskRequest>().IgnoreQueryFilters().CountAsync();
        }
        var before = await CountAsync();
        await ServiceDeskDemoSeed.ApplyAsync(app.Services, CancellationToken.None);
        (await CountAsync()).ShouldBe(before);
    }
}

public sealed class ServiceDeskDemo_Tests_on_Sqlite(SqliteApp app) : ServiceDeskDemo_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskDemo_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskDemo_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
