using System.Net;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Cases;

public abstract class CasesApi_Tests : ProviderTests
{
    private const string PartyId1 = "11010519491231002X";
    private const string PartyId2 = "370902198001011230";

    private async Task<(CommitteeDto Committee, Guid MediatorId)> CommitteeAsync()
    {
        var coordinator = await ClientAsync(userName: "demo.coordinator");
        var units = await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        var daimiao = units.Single(u => u.Code == "370902001");
        var created = await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(daimiao.Id, "岱庙街道人民调解委员会" + Guid.NewGuid().ToString("N")[..4], "岱" + Guid.NewGuid().ToString("N")[..6], CommitteeKind.TownshipOrStreet));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var committee = await created.ReadAsync<CommitteeDto>();

        var me = await (await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        var withMediator = await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(me.Id, null, true));
        withMediator.StatusCode.ShouldBe(HttpStatusCode.OK, await withMediator.Content.ReadAsStringAsync());
        return (await withMediator.ReadAsync<CommitteeDto>(), me.Id);
    }

    private static RegisterCaseInput Registration(Guid committeeId, Guid mediatorId, RiskGrade grade = RiskGrade.Blue) => new(
        committeeId, DisputeType.HousingHomestead, "宅基地边界争议，双方多次协商未果", 30000m, "岱东社区", CaseSource.WalkIn, null,
        [
            new PartyInput(PartyKind.Person, "王某", PartyId1, null, null, "13800138000", "岱东社区 3 号", true),
            new PartyInput(PartyKind.Person, "李某", PartyId2, null, null, null, "岱东社区 5 号", true),
            new PartyInput(PartyKind.Organisation, "泰安某建筑有限公司", null, "91350100M000100Y43", "赵某", null, null, true),
        ],
        [mediatorId], grade, "初评");

    [Fact]
    public async Task A_mediator_registers_a_case_with_masked_parties_and_a_number()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var mediator = await ClientAsync(userName: "demo.mediator");
        var response = await mediator.PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var registered = await response.ReadAsync<CaseDto>();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        registered.Number.ShouldBe($"{committee.ShortName}调〔{year}〕0001号");
        registered.Parties.Select(p => p.IdCardNumber).ShouldBe(["1101**********002X", "3709**********1230", null]);
        registered.Parties[0].Phone.ShouldBe("138****8000");
        registered.Parties[2].CreditCode.ShouldBe("91350100M000100Y43");

        var json = await (await mediator.GetAsync($"/api/cases/{registered.Id}")).Content.ReadAsStringAsync();
        json.ShouldNotContain(PartyId1);
        json.ShouldContain(registered.Number);
    }

    [Fact]
    public async Task Invalid_parties_are_named_field_by_field()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var input = Registration(committee.Id, mediatorId) with
        {
            Parties = [new PartyInput(PartyKind.Person, "王某", "110105194912310021", null, null, null, null, true),
                       new PartyInput(PartyKind.Organisation, "某公司", null, "91350100M000100Y44", null, null, null, true)],
        };
        var response = await (await ClientAsync(userName: "demo.mediator")).PostJsonAsync("/api/cases", input);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("parties[0].idCardNumber")[0].GetProperty("code").GetString().ShouldBe(CasesErrorCodes.PersonNeedsIdCard);
        errors.GetProperty("parties[1].creditCode")[0].GetProperty("code").GetString().ShouldBe(CasesErrorCodes.OrganisationNeedsCreditCode);
    }

    [Fact]
    public async Task Raising_a_case_to_red_keeps_the_history_and_alerts_through_the_outbox()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await (await mediator.PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId, RiskGrade.Yellow))).ReadAsync<CaseDto>();

        var raised = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/risk", new AssessRiskInput(RiskGrade.Red, "一方扬言报复", registered.ConcurrencyStamp));
        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        (await raised.ReadAsync<CaseDto>()).RiskHistory.Select(r => r.Grade).ShouldBe([RiskGrade.Yellow, RiskGrade.Red]);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.OutboxMessages.Where(m => m.EventName == CaseRaisedToRedEto.EventName).ToListAsync())
            .ShouldContain(m => m.Payload.Contains(registered.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mediator_of_another_county_cannot_see_the_case()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var registered = await (await (await ClientAsync(userName: "demo.mediator")).PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId))).ReadAsync<CaseDto>();

        var daiyue = await ClientAsync(userName: "demo.mediator.daiyue");
        (await daiyue.GetAsync($"/api/cases/{registered.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await daiyue.GetStringAsync("/api/cases")).ShouldNotContain(registered.Id.ToString());
        (await daiyue.PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Fifty_concurrent_registrations_get_fifty_consecutive_numbers()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var app = await AppAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.ClientAsAsync("demo.mediator")));
        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => clients[i % clients.Length].PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId))));

        foreach (var response in responses) response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var numbers = (await Task.WhenAll(responses.Select(r => r.ReadAsync<CaseDto>()))).Select(c => c.Number).ToList();
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;
        numbers.Order().ShouldBe(Enumerable.Range(1, 50).Select(n => $"{committee.ShortName}调〔{year}〕{n:0000}号"));
    }
}

public sealed class CasesApi_Tests_on_Sqlite(SqliteApp app) : CasesApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class CasesApi_Tests_on_PostgreSql(PostgresCluster cluster) : CasesApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
