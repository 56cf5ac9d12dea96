using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace GeneratedMediationClient;

/// <summary>
/// Compiled at test time together with the client NSwag generates from /openapi/v1.json (not part of the test assembly): every call
/// below is a typed method of that client, so an operation, a property or an enum member the document stops describing, or a
/// status code it does not promise, fails this round trip.
/// </summary>
public static class RoundTrip
{
    public static async Task RunAsync(HttpClient http, string password, Func<string, Task<HttpClient>> signedIn, Func<Task> deliverOutbox)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];

        // The petition officer signs in as an integrating system would, through the token operation.
        var token = await new MediationClient(http).Auth_IssueTokenAsync(new TokenRequest { UserName = "demo.petitionofficer", Password = password });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var officer = new MediationClient(http);

        var coordinator = new MediationClient(await signedIn("demo.coordinator"));
        var mediator = new MediationClient(await signedIn("demo.mediator"));
        var daimiao = (await coordinator.OrgUnits_ListAsync(null, null, null)).Single(u => u.Code == "370902001");
        var committee = await coordinator.Cases_CreateCommitteeAsync(new CreateCommitteeInput
        {
            OrgUnitId = daimiao.Id, Name = "岱庙街道人民调解委员会" + suffix, ShortName = "客" + suffix, Kind = CommitteeKind.TownshipOrStreet,
        });
        var me = await mediator.Auth_GetCurrentUserAsync();
        await coordinator.Cases_AddMediatorAsync(committee.Id, new AddMediatorInput { UserId = me.Id, IsHead = true });

        var registered = await officer.Petitions_RegisterAsync(new RegisterPetitionInput
        {
            Channel = PetitionChannel.Visit,
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            Petitioners = [new PetitionerInput { Name = "王某", IdCardNumber = "11010519491231002X", Phone = "13800138000", Address = "岱东社区 3 号" }],
            Matter = "邻居李某翻建院墙占用本人宅基地约0.3米，协商未果" + suffix,
            RequestedOutcome = "恢复宅基地界址",
            Place = "岱东社区",
        });
        registered.Status.ShouldBe(PetitionStatus.Registered);
        var accepted = await officer.Petitions_AcceptAsync(registered.Id, new AcceptPetitionInput
        {
            ConcurrencyStamp = registered.ConcurrencyStamp, Category = AcceptPetitionInputCategory.Grievance, Route = AcceptPetitionInputRoute.Handling,
        });
        var handedOver = await officer.Petitions_HandOverAsync(registered.Id, new HandOverPetitionInput
        {
            CommitteeId = committee.Id,
            DisputeType = DisputeType.HousingHomestead,
            SpecialisedBodyMatter = false, LitigationOrArbitration = false, AdministrativeDispute = false, PartyRefuses = false,
            CriminalMatter = false, AccusationMatter = false, PersonalStatusMatter = false,
            PetitionerConsents = [new PetitionerConsentInput { Position = 1, Consents = true }],
            OtherParties =
            [
                new HandOverPartyInput
                {
                    Kind = PartyKind.Person, Name = "李某", IdCardNumber = "370902198001011230", Phone = "13900139000", Address = "岱东社区 5 号", Consents = true,
                },
            ],
            ConcurrencyStamp = accepted.ConcurrencyStamp,
        });
        handedOver.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        var mediation = handedOver.Mediation.ShouldNotBeNull();

        // A refusal is the documented problem response: a typed exception with the stable code.
        var refused = await Should.ThrowAsync<ApiException<ProblemDetails>>(() => officer.Petitions_ReplyAsync(registered.Id, new IssueOpinionInput
        {
            Decision = OpinionDecision.Support, Request = "r", FactsAndReasons = "f", LegalBasis = "b", ConcurrencyStamp = handedOver.ConcurrencyStamp,
        }));
        refused.StatusCode.ShouldBe(422);
        refused.Result.Code.ShouldBe("Petitions:NotInHandling");

        var handedCase = await mediator.Cases_GetAsync(mediation.CaseId);
        handedCase.Source.ShouldBe(CaseSource.PetitionHandover);
        handedCase.Number.ShouldBe(mediation.CaseNumber);
        var inMediation = await mediator.Cases_RecordSessionAsync(handedCase.Id, new RecordSessionInput
        {
            HeldAt = DateTimeOffset.UtcNow.AddHours(-1), Place = "岱东社区调解室", Attendees = ["调解员", "王某", "李某"],
            Minutes = "调解员释法说理，双方同意按测绘图划界", Statements = [], ConcurrencyStamp = handedCase.ConcurrencyStamp,
        });
        await mediator.Cases_ConcludeAsync(handedCase.Id, new ConcludeCaseInput
        {
            Outcome = CaseOutcome.Succeeded,
            Facts = "李某翻建院墙向王某一侧延伸约0.3米",
            DisputedPoints = "宅基地边界",
            Responsibilities = "李某翻建未与王某协商，负主要责任",
            Terms = [new AgreementTermInput { Description = "李某将院墙恢复至1998年测绘图所示位置", DueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) }],
            ConcurrencyStamp = inMediation.ConcurrencyStamp,
        });

        await deliverOutbox();
        var back = await Eventually.Async(() => officer.Petitions_GetAsync(registered.Id), p => p.Mediation?.Result is not null, "the mediation's result on the petition");
        back.Mediation!.Result.ShouldBe(MediationResult.Succeeded);
        back.Mediation.Detail.ShouldNotBeNull().ShouldContain("1998年测绘图");
        back.Status.ShouldBe(PetitionStatus.Accepted);
        back.Timeline.ShouldContain(e => e.Kind == PetitionEventKind.MediationConcluded);
    }
}
