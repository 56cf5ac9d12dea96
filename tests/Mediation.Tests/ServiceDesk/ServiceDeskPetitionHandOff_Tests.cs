using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>
/// A 涉法案件 whose route is 信访 (a complaint about a body) goes to the petition office through the Petitions contract: registered there as a
/// transferred item (转送) under the request's number, linked both ways in one transaction; the request shows the petition's number and its
/// status now, and the petition's conclusion comes back onto the request's timeline.
/// </summary>
public abstract class ServiceDeskPetitionHandOff_Tests : ProviderTests
{
    private const string PetitionOfficer = "demo.petitionofficer.taian";

    [Fact]
    public async Task A_legal_matter_goes_to_the_petition_office_and_its_conclusion_comes_back_to_the_request()
    {
        var app = await AppAsync();
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var officer = await ClientAsync(userName: Officer);
        var taken = await TakeAsync(officer, await FileAsync(client));

        var handed = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/petition",
            new HandOffToPetitionInput(null, "责令住建部门依法查处", true, taken.ConcurrencyStamp)));
        var route = handed.LegalRoute.ShouldNotBeNull();
        route.Route.ShouldBe(LegalRoute.Petition);
        var link = route.Petition.ShouldNotBeNull();
        link.Number.ShouldMatch(@"^肥城信〔\d{4}〕\d+号$");
        (link.StatusText, link.Handled).ShouldBe(("已登记", (bool?)false));
        handed.Timeline[^1].Note.ShouldBe($"Petition：{link.Number}");

        // The petition office sees a transferred item from the desk, under the request's number, the enterprise's contact as petitioner.
        var petitions = await ClientAsync(userName: PetitionOfficer);
        var petition = await OkAsync<PetitionDto>(await petitions.GetAsync($"/api/petitions/{link.PetitionId}"));
        (petition.Number, petition.Channel, petition.TransferKind, petition.TransferReference, petition.TransferringBody)
            .ShouldBe((link.Number, PetitionChannel.Transferred, (TransferKind?)TransferKind.Forwarded, taken.Number, "肥城市政法服务先行区"));
        petition.Matter.ShouldBe($"{enterprise.Name}反映：{taken.Description}");
        petition.RequestedOutcome.ShouldBe("责令住建部门依法查处");
        petition.Petitioners.ShouldHaveSingleItem().Name.ShouldBe(enterprise.ContactName);

        // Audited: the request's route and the petition it created are data changes under the officer's name.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .Where(a => a.UserName == Officer && a.Action == AuditActions.Created || a.EntityId == taken.Id.ToString() && a.Action == AuditActions.Updated)
            .Select(a => new { a.EntityType, a.EntityId, a.UserName, a.Details }).ToListAsync());
        audited.ShouldContain(a => a.EntityType == "DeskRequest" && a.UserName == Officer && a.Details!.Contains("PetitionId")
                                   && a.Details.Contains(link.PetitionId.ToString()));
        audited.ShouldContain(a => a.EntityType == "Petition" && a.EntityId == link.PetitionId.ToString());

        // The enterprise follows it on its portal: number and status, never an id in the text.
        var portal = await OkAsync<DeskRequestDto>(await client.GetAsync($"/api/service-desk/portal/requests/{taken.Id}"));
        portal.LegalRoute!.Petition!.Number.ShouldBe(link.Number);

        // The office decides not to accept it (信访工作条例 Art. 31 (二): arbitration); the desk learns it from the outbox, once.
        var decided = await OkAsync<PetitionDto>(await petitions.PostJsonAsync($"/api/petitions/{petition.Id}/not-accept",
            new NotAcceptPetitionInput("该争议已申请仲裁", "《中华人民共和国仲裁法》第二条", petition.ConcurrencyStamp, NonAcceptanceGround.Arbitration)));
        decided.Status.ShouldBe(PetitionStatus.NotAccepted);
        var followed = await EventuallyAsync(app, async () =>
        {
            var now = await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}"));
            return now.LegalRoute!.Outcome is null ? null : now;
        });
        followed.LegalRoute!.Outcome.ShouldBe($"信访事项{link.Number}不予受理");
        (followed.LegalRoute.Petition!.StatusText, followed.LegalRoute.Petition.Handled).ShouldBe(("不予受理", (bool?)true));
        followed.Timeline.Where(t => t.Kind == "RouteOutcome").ShouldHaveSingleItem().Actor.ShouldBe("信访部门");
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        (await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}"))).Timeline.Count(t => t.Kind == "RouteOutcome").ShouldBe(1);
    }

    [Fact]
    public async Task A_petition_hand_off_needs_a_legal_matter_the_owner_and_the_enterprises_consent_and_happens_once()
    {
        var app = await AppAsync();
        var (_, client, _) = await EnterpriseAsync(app);
        var officer = await ClientAsync(userName: Officer);
        var colleague = await ClientAsync(userName: Colleague);
        var policy = await TakeAsync(officer, await FileAsync(client, RequestKind.PolicyConsultation));
        var taken = await TakeAsync(officer, await FileAsync(client));
        var url = $"/api/service-desk/requests/{taken.Id}/petition";

        var missing = await officer.PostJsonAsync(url, new HandOffToPetitionInput(null, null, null, taken.ConcurrencyStamp));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("enterpriseConsents", out _).ShouldBeTrue();
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, new HandOffToPetitionInput(null, null, false, taken.ConcurrencyStamp)),
            ServiceDeskErrorCodes.ConsentMissing);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{policy.Id}/petition",
            new HandOffToPetitionInput(null, null, true, policy.ConcurrencyStamp)), ServiceDeskErrorCodes.NotALegalMatter);
        await ShouldBeRefusedAsync(await colleague.PostJsonAsync(url, new HandOffToPetitionInput(null, null, true, taken.ConcurrencyStamp)),
            ServiceDeskErrorCodes.NotOwner, HttpStatusCode.Forbidden);
        (await client.PostJsonAsync(url, new HandOffToPetitionInput(null, null, true, taken.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The plain route record cannot stand in for the hand-off: a petition route always has its petition.
        var plain = await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/route",
            new LegalRouteInput(LegalRoute.Petition, "肥城市信访局", null, taken.ConcurrencyStamp));
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await plain.ReadJsonAsync()).GetProperty("errors").GetProperty("route")[0].GetProperty("code").GetString().ShouldBe(ServiceDeskErrorCodes.PetitionNeedsHandOff);
        (await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}"))).LegalRoute.ShouldBeNull("nothing was written");

        var handed = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync(url, new HandOffToPetitionInput(null, null, true, taken.ConcurrencyStamp)));
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, new HandOffToPetitionInput(null, null, true, handed.ConcurrencyStamp)),
            ServiceDeskErrorCodes.RouteAlreadyRecorded);
    }

    private static async Task<T> EventuallyAsync<T>(MediationAppFactory app, Func<Task<T?>> probe)
    {
        for (var i = 0; i < 100; i++)
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
            if (await probe() is { } found) return found;
            await Task.Delay(200);
        }
        throw new ShouldAssertException("the petition's conclusion did not reach the request within 20 s");
    }
}

public sealed class ServiceDeskPetitionHandOff_Tests_on_Sqlite(SqliteApp app) : ServiceDeskPetitionHandOff_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskPetitionHandOff_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskPetitionHandOff_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
