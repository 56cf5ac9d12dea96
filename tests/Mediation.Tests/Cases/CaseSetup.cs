using System.Net;
using Mediation.Cases;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Tests.Infrastructure;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Tests.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>A committee of 岱庙街道 (泰山区) with demo.mediator as its head, and cases registered in it, through the API.</summary>
internal static class CaseSetup
{
    public const string PartyId1 = "11010519491231002X";
    public const string PartyId2 = "370902198001011230";

    public static async Task<(CommitteeDto Committee, Guid MediatorId)> CommitteeAsync(MediationAppFactory app)
    {
        var coordinator = await app.ClientAsAsync("demo.coordinator");
        var units = await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        var daimiao = units.Single(u => u.Code == "370902001");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var created = await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(daimiao.Id, "岱庙街道人民调解委员会" + suffix, "岱" + suffix, CommitteeKind.TownshipOrStreet));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var committee = await created.ReadAsync<CommitteeDto>();

        var me = await (await (await app.ClientAsAsync("demo.mediator")).GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        var withMediator = await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(me.Id, "张调解", true));
        withMediator.StatusCode.ShouldBe(HttpStatusCode.OK, await withMediator.Content.ReadAsStringAsync());
        return (await withMediator.ReadAsync<CommitteeDto>(), me.Id);
    }

    public static async Task<CaseDto> RegisterAsync(MediationAppFactory app, Guid committeeId, Guid mediatorId, RiskGrade grade = RiskGrade.Blue,
        DisputeType disputeType = DisputeType.Neighbourhood)
    {
        var response = await (await app.ClientAsAsync("demo.mediator")).PostJsonAsync("/api/cases", new RegisterCaseInput(
            committeeId, disputeType, "排水沟改道引发邻里纠纷", null, "岱东社区", CaseSource.WalkIn, null,
            [
                new PartyInput(PartyKind.Person, "王某某", PartyId1, null, null, "13800138000", "岱东社区 3 号", true),
                new PartyInput(PartyKind.Person, "李某某", PartyId2, null, null, null, "岱东社区 5 号", true),
            ],
            [mediatorId], grade, "初评"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CaseDto>();
    }

    /// <summary>Moves a case's registration back in time (what a case registered weeks ago looks like to the lists).</summary>
    public static Task<int> RegisteredAtAsync(MediationAppFactory app, Guid caseId, DateTimeOffset registeredAt) => app.InScopeAsync(sp =>
        sp.GetRequiredService<MediationDbContext>().Set<MediationCase>().IgnoreQueryFilters().Where(c => c.Id == caseId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RegisteredAt, registeredAt.ToUniversalTime())));
}
