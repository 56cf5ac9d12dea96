using Mediation.Core.Web;
using System.Net;
using Mediation.Cases;
using Mediation.Cases.Application;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Web.OrgUnits;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>访调对接 over HTTP: the refusals, and the round trip petition → mediation case → result → reply opinion.</summary>
public abstract class PetitionHandOverTestBase : ProviderTests
{
    protected const string Officer = "demo.petitionofficer";
    protected const string PetitionerId = "11010519491231002X";
    protected const string OtherPartyId = "370902198001011230";

    protected async Task<HttpClient> OfficerAsync() => await ClientAsync(userName: Officer);

    protected static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    protected static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    protected async Task<CommitteeDto> CommitteeAsync()
    {
        var coordinator = await ClientAsync(userName: "demo.coordinator");
        var units = await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        var daimiao = units.Single(u => u.Code == "370902001");
        var created = await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(daimiao.Id, "岱庙街道人民调解委员会" + Guid.NewGuid().ToString("N")[..4], "访" + Guid.NewGuid().ToString("N")[..6], CommitteeKind.TownshipOrStreet));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var committee = await created.ReadAsync<CommitteeDto>();
        var me = await (await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        return await OkAsync<CommitteeDto>(await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(me.Id, null, true)));
    }

    protected async Task<PetitionDto> AcceptedAsync()
    {
        var officer = await OfficerAsync();
        var input = new RegisterPetitionInput(PetitionChannel.Visit, DateTimeOffset.UtcNow.AddHours(-1), null,
            [new PetitionerInput("王某", PetitionerId, "13800138000", "岱东社区 3 号")], "邻居李某翻建院墙占用本人宅基地约0.3米，协商未果" + Guid.NewGuid().ToString("N")[..6],
            "恢复宅基地界址", "岱东社区", null, null, null, null);
        var registered = await officer.PostJsonAsync("/api/petitions", input);
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var petition = await registered.ReadAsync<PetitionDto>();
        return await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/accept", new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling)));
    }

    protected static HandOverPetitionInput HandOver(Guid committeeId, string? stamp) => new(committeeId, DisputeType.HousingHomestead, null,
        false, false, false, false, [new PetitionerConsentInput(1, true)],
        [new HandOverPartyInput(PartyKind.Person, "李某", OtherPartyId, null, null, "13900139000", "岱东社区 5 号", true)], stamp, false, false, false);

    protected async Task<PetitionDto> PetitionAsync(Guid id) => await OkAsync<PetitionDto>(await (await OfficerAsync()).GetAsync($"/api/petitions/{id}"));

    protected async Task<ClockStatus> HandlingClockAsync(Guid petitionId)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return (await db.Set<DeadlineClock>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.RecordId == petitionId && c.PolicyName == "petition.handling")).Status;
    }

}

public abstract class PetitionHandOverApi_Tests : PetitionHandOverTestBase
{
    [Fact]
    public async Task The_dialog_lists_the_exclusions_the_petitioners_and_the_committees_of_the_unit()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var check = await OkAsync<HandOverCheckDto>(await (await OfficerAsync()).GetAsync($"/api/petitions/{petition.Id}/hand-over"));
        check.CanHandOver.ShouldBeTrue();
        check.Exclusions.Select(e => e.Key).ShouldBe(["specialisedBodyMatter", "litigationOrArbitration", "administrativeDispute", "criminalMatter",
            "accusationMatter", "personalStatusMatter", "partyRefuses"]);
        check.Exclusions.ShouldAllBe(e => e.Text.EndsWith('？'));
        check.Petitioners.ShouldHaveSingleItem().IdCardNumber.ShouldBe("1101**********002X");
        check.Committees.ShouldContain(c => c.Id == committee.Id);
        check.DefaultSummary.ShouldBe(petition.Matter);

        var english = await ClientAsync("en", Officer);
        var registered = await (await OfficerAsync()).PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Visit, null, null,
            [new PetitionerInput("张某", null, null, null)], "未受理的事项" + Guid.NewGuid().ToString("N")[..6], null, null, null, null, null, null));
        var notAccepted = await registered.ReadAsync<PetitionDto>();
        var blocked = await OkAsync<HandOverCheckDto>(await english.GetAsync($"/api/petitions/{notAccepted.Id}/hand-over"));
        blocked.CanHandOver.ShouldBeFalse();
        blocked.Refusal.ShouldBe(PetitionsErrorCodes.NotInHandling);
        blocked.RefusalMessage.ShouldBe("The petition is not being handled.");
        blocked.Exclusions[0].Text.ShouldStartWith("Is it a labour, medical, traffic-accident or consumer dispute");
        blocked.Committees.ShouldBeEmpty();
        (await (await ClientAsync(userName: "demo.statistician")).GetAsync($"/api/petitions/{petition.Id}/hand-over")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Each_exclusion_a_missing_consent_a_wrong_state_and_a_second_hand_over_are_refused_with_their_own_code()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();
        var url = $"/api/petitions/{petition.Id}/hand-over";
        var input = HandOver(committee.Id, petition.ConcurrencyStamp);

        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { SpecialisedBodyMatter = true, SpecialisedMatter = CommitteeSpecialty.Labour }), PetitionsErrorCodes.HandOverSpecialisedBodyMatter);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { CriminalMatter = true }), PetitionsErrorCodes.HandOverCriminalMatter);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { AccusationMatter = true }), PetitionsErrorCodes.HandOverAccusationMatter);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { PersonalStatusMatter = true }), PetitionsErrorCodes.HandOverPersonalStatusMatter);
        (await officer.PostJsonAsync(url, input with { CriminalMatter = null })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { LitigationOrArbitration = true }), PetitionsErrorCodes.HandOverInLitigationOrArbitration);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { AdministrativeDispute = true }), PetitionsErrorCodes.HandOverAdministrativeDispute);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { PartyRefuses = true }), PetitionsErrorCodes.HandOverPartyRefuses);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { PetitionerConsents = [new PetitionerConsentInput(1, false)] }),
            PetitionsErrorCodes.HandOverConsentMissing);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { OtherParties = [input.OtherParties![0] with { Consents = false }] }),
            PetitionsErrorCodes.HandOverConsentMissing);

        var unanswered = await officer.PostJsonAsync(url, input with { PartyRefuses = null, OtherParties = [] });
        unanswered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await unanswered.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("partyRefuses", out _).ShouldBeTrue();
        errors.TryGetProperty("otherParties", out _).ShouldBeTrue();

        var english = await ClientAsync("en", Officer);
        var message = (await (await english.PostJsonAsync(url, input with { AdministrativeDispute = true })).ReadJsonAsync()).GetProperty("title").GetString();
        message.ShouldNotBeNull().ShouldContain("administrative");

        (await PetitionAsync(petition.Id)).Status.ShouldBe(PetitionStatus.Accepted);
        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync(url, input));
        handedOver.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, input with { ConcurrencyStamp = handedOver.ConcurrencyStamp }), PetitionsErrorCodes.AlreadyHandedOver);

        var registered = await (await OfficerAsync()).PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Visit, null, null,
            [new PetitionerInput("张某", null, null, null)], "未受理的事项" + Guid.NewGuid().ToString("N")[..6], null, null, null, null, null, null));
        var notAccepted = await registered.ReadAsync<PetitionDto>();
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{notAccepted.Id}/hand-over", HandOver(committee.Id, notAccepted.ConcurrencyStamp)),
            PetitionsErrorCodes.NotInHandling);
    }

    /// <summary>Issue 12: a case registered by hand as a hand-over of this petition was linked by the real hand-over, and its outcome drove the petition.</summary>
    [Fact]
    public async Task A_case_cannot_be_registered_by_hand_as_a_petitions_hand_over_so_the_hand_over_cannot_be_hijacked()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var mediator = await ClientAsync(userName: "demo.mediator");
        var me = await (await mediator.GetAsync("/api/auth/me")).ReadAsync<MeDto>();

        var planted = await mediator.PostJsonAsync("/api/cases", new RegisterCaseInput(committee.Id, DisputeType.HousingHomestead, "预先登记的案件", null, null,
            CaseSource.PetitionHandover, petition.Id.ToString(),
            [new PartyInput(PartyKind.Person, "甲某", PetitionerId, null, null, null, null, true),
             new PartyInput(PartyKind.Person, "乙某", OtherPartyId, null, null, null, null, true)],
            [me.Id], RiskGrade.Blue, null));
        planted.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await planted.Content.ReadAsStringAsync());
        (await planted.ReadJsonAsync()).GetProperty("errors").GetProperty("source")[0].GetProperty("code").GetString()
            .ShouldBe(CasesErrorCodes.SourceReservedForHandOver);

        var handedOver = await OkAsync<PetitionDto>(await (await OfficerAsync()).PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            HandOver(committee.Id, petition.ConcurrencyStamp)));
        var created = await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{handedOver.Mediation!.CaseId}"));
        created.Summary.ShouldNotBe("预先登记的案件");
        created.Parties.Select(p => p.Name).ShouldBe(["王某", "李某"]);
        created.Source.ShouldBe(CaseSource.PetitionHandover);
    }

    [Fact]
    public async Task A_refusal_by_the_cases_module_leaves_the_petition_as_it_was()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();
        var input = HandOver(committee.Id, petition.ConcurrencyStamp);
        var badIdCard = await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over",
            input with { OtherParties = [input.OtherParties![0] with { IdCardNumber = "370902198001011231" }] });
        badIdCard.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await badIdCard.Content.ReadAsStringAsync());

        var after = await PetitionAsync(petition.Id);
        after.Status.ShouldBe(PetitionStatus.Accepted);
        after.MediationCaseId.ShouldBeNull();
        after.ConcurrencyStamp.ShouldBe(petition.ConcurrencyStamp);
        (await HandlingClockAsync(petition.Id)).ShouldBe(ClockStatus.Running);
    }

    [Fact]
    public async Task The_handed_over_case_names_its_petition_by_number_linked_for_an_officer_and_by_its_unit_for_a_mediator()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();
        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOver(committee.Id, petition.ConcurrencyStamp)));
        var caseId = handedOver.Mediation!.CaseId;

        static string Main(string page) => WebUtility.HtmlDecode(page[page.IndexOf("<main", StringComparison.Ordinal)..]);
        Main(await officer.GetStringAsync($"/Cases/{caseId}"))
            .ShouldContain($"<a href=\"/Petitions/{petition.Id}\" id=\"case-source\">信访事项{petition.Number}</a>");
        // The mediator may not open petitions: he reads who handles it, not a link and never the petition's id.
        var mediatorsPage = Main(await (await ClientAsync(userName: "demo.mediator")).GetStringAsync($"/Cases/{caseId}"));
        mediatorsPage.ShouldContain("信访移交 · 由泰山区办理");
        mediatorsPage.ShouldNotContain(petition.Id.ToString());
        mediatorsPage.ShouldNotContain(petition.Number);
    }

    [Fact]
    public async Task A_petition_goes_to_mediation_and_the_agreement_flows_back_into_the_reply_opinion()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();

        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOver(committee.Id, petition.ConcurrencyStamp)));
        handedOver.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        handedOver.HandlingPaused.ShouldBeFalse();
        var mediation = handedOver.Mediation.ShouldNotBeNull();
        mediation.CaseNumber.ShouldNotBeNull().ShouldStartWith(committee.ShortName + "调〔");
        handedOver.Timeline[^1].Kind.ShouldBe(PetitionEventKind.HandedOverToMediation);
        (await HandlingClockAsync(petition.Id)).ShouldBe(ClockStatus.Running); // Art. 34: mediation does not stop the 60 days
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/reply",
            new IssueOpinionInput(OpinionDecision.Support, "r", "f", "b", handedOver.ConcurrencyStamp)), PetitionsErrorCodes.NotInHandling);

        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{mediation.CaseId}"));
        registered.Source.ShouldBe(CaseSource.PetitionHandover);
        registered.SourceRecordId.ShouldBe(petition.Id.ToString());
        registered.Number.ShouldBe(mediation.CaseNumber);
        registered.Parties.Select(p => p.Name).ShouldBe(["王某", "李某"]);
        registered.Parties.ShouldAllBe(p => p.ConsentsToMediation);
        var inMediation = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-1), "岱东社区调解室", ["调解员", "王某", "李某"], "调解员释法说理，双方同意按测绘图划界", [], registered.ConcurrencyStamp)));
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
                "李某翻建院墙向王某一侧延伸约0.3米", "宅基地边界", "李某翻建未与王某协商，负主要责任",
                [new AgreementTermInput("李某将院墙恢复至1998年测绘图所示位置", null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)))],
                null, null, null, false, null, inMediation.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var app = await AppAsync();
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var back = await Eventually.Async(() => PetitionAsync(petition.Id), p => p.Mediation?.Result is not null, "the mediation's result on the petition");
        back.Mediation!.Result.ShouldBe(MediationResult.Succeeded);
        back.Status.ShouldBe(PetitionStatus.Accepted);
        back.HandlingPaused.ShouldBeFalse();
        back.Mediation.Detail.ShouldNotBeNull().ShouldContain("1998年测绘图");
        var concluded = back.Timeline.Single(e => e.Kind == PetitionEventKind.MediationConcluded);
        concluded.Detail.ShouldNotBeNull().ShouldContain("调解成功");
        (await HandlingClockAsync(petition.Id)).ShouldBe(ClockStatus.Running);

        // The inbox keeps a second delivery from recording the result twice.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        (await PetitionAsync(petition.Id)).Timeline.Count(e => e.Kind == PetitionEventKind.MediationConcluded).ShouldBe(1);

        // Resolved means the agreement took effect (signed by every party, the mediator, sealed): not before.
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/reply",
            new IssueOpinionInput(null, null, null, null, back.ConcurrencyStamp)), PetitionsErrorCodes.AgreementNotYetEffective);
        (await mediator.PostAsync($"/api/cases/{registered.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var signedOn = DateTimeOffset.UtcNow;
        (await mediator.PostJsonAsync($"/api/cases/{registered.Id}/agreement/signed", new MarkAgreementSignedInput(signedOn, await mediator.CurrentStampAsync($"/api/cases/{registered.Id}/agreement/signed"))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        back = await Eventually.Async(() => PetitionAsync(petition.Id), p => p.Mediation!.AgreementEffectiveOn is not null, "the agreement's effective date on the petition");
        var effectiveOn = DateOnly.FromDateTime(signedOn.ToOffset(TimeSpan.FromHours(8)).DateTime);
        back.Mediation!.AgreementEffectiveOn.ShouldBe(effectiveOn);
        back.Timeline.ShouldContain(e => e.Kind == PetitionEventKind.MediationAgreementEffective);

        await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/reply",
            new IssueOpinionInput(null, null, null, null, back.ConcurrencyStamp)));
        var head = await ClientAsync(userName: "demo.unithead");
        var replied = await OkAsync<PetitionDto>(await head.PostJsonAsync($"/api/petitions/{petition.Id}/opinion/sign-off",
            new SignOffOpinionInput(OpinionKind.Reply, await head.CurrentStampAsync($"/api/petitions/{petition.Id}"))));
        replied.Status.ShouldBe(PetitionStatus.Replied);
        var opinion = replied.Opinions.ShouldHaveSingleItem();
        opinion.Decision.ShouldBe(OpinionDecision.Support);
        opinion.FactsAndReasons.ShouldContain($"该协议于{effectiveOn.Year}年{effectiveOn.Month}月{effectiveOn.Day}日生效");
        opinion.LegalBasis.ShouldBe("《信访工作条例》第三十三条、第三十七条，《中华人民共和国人民调解法》第二十八条、第三十一条");
        var notice = replied.Notices.Single(n => n.Kind == PetitionNoticeKind.ReplyOpinion);
        var pdf = await officer.GetAsync($"/api/documents/{notice.DocumentId}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.AllText(await pdf.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain("人民调解结果");
        text.ShouldContain(mediation.CaseNumber);
        text.ShouldContain("1998年测绘图");
        text.ShouldContain($"双方当事人达成的调解协议已于{effectiveOn.Year}年{effectiveOn.Month}月{effectiveOn.Day}日生效");
        text.ShouldContain("《信访工作条例》第三十三条、第三十七条，《中华人民共和国人民调解法》第二十八条、第三十一条");
        text.ShouldNotContain("第十八条");
        text.ShouldContain("泰山区信访局（印章）");
    }

    [Fact]
    public async Task A_handed_over_case_reopened_after_the_court_refused_its_agreement_is_told_to_the_petition_and_its_officer()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var officer = await OfficerAsync();
        var handedOver = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOver(committee.Id, petition.ConcurrencyStamp)));
        var caseId = handedOver.Mediation!.CaseId;
        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{caseId}"));
        (await mediator.PostJsonAsync($"/api/cases/{caseId}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
                "李某翻建院墙向王某一侧延伸约0.3米", "宅基地边界", "李某负主要责任",
                [new AgreementTermInput("李某将院墙恢复原位", null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)))],
                null, null, null, false, null, registered.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mediator.PostAsync($"/api/cases/{caseId}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mediator.PostJsonAsync($"/api/cases/{caseId}/agreement/signed", new MarkAgreementSignedInput(null, await mediator.CurrentStampAsync($"/api/cases/{caseId}/agreement/signed")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Two messages (concluded, agreement effective), delivered at least once and not necessarily in order: a concluded message whose
        // first delivery fails is retried after the other went through (seen under load on PostgreSQL), so wait for both.
        var back = await DeliveredAsync(petition.Id, p => p.Mediation is { Result: not null, AgreementEffectiveOn: not null });
        back.Mediation!.Result.ShouldBe(MediationResult.Succeeded);

        // 人民调解法 Art. 33 ¶2: after the court refuses the agreement the parties may mediate again.
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        (await mediator.PostJsonAsync($"/api/cases/{caseId}/agreement/judicial-application", new RecordJudicialApplicationInput("泰安市泰山区人民法院", today, await mediator.CurrentStampAsync($"/api/cases/{caseId}/agreement/judicial-application"))))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{caseId}/agreement/court-decision",
            new RecordCourtDecisionInput(CourtDecision.Refused, today, "泰安市泰山区人民法院", await mediator.CurrentStampAsync($"/api/cases/{caseId}/agreement/court-decision"))));
        (await mediator.PostJsonAsync($"/api/cases/{caseId}/reopen", new ReopenCaseInput(refused.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reopened = await DeliveredAsync(petition.Id, p => p.Timeline.Any(e => e.Kind == PetitionEventKind.MediationReopened));
        reopened.Status.ShouldBe(PetitionStatus.HandedOverToMediation);
        reopened.Mediation!.Result.ShouldBeNull();
        reopened.Mediation.AgreementEffectiveOn.ShouldBeNull();
        reopened.Timeline.Single(e => e.Kind == PetitionEventKind.MediationReopened).Detail
            .ShouldBe($"{handedOver.Mediation.CaseNumber}：泰安市泰山区人民法院{today.Year}年{today.Month}月{today.Day}日裁定不予确认调解协议，调解委员会重新调解");
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/reply",
            new IssueOpinionInput(OpinionDecision.Support, "r", "f", "b", reopened.ConcurrencyStamp)), PetitionsErrorCodes.NotInHandling);

        var me = await (await officer.GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        var app = await AppAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var notice = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<Mediation.Core.Notifications.Domain.Notice>().AsNoTracking()
                .SingleAsync(n => n.Template == "petition-mediation-reopened" && n.Channel == Mediation.Core.Notifications.Domain.NoticeChannel.InApp
                    && n.SourceKey!.StartsWith(petition.Id.ToString("N")));
            notice.Subject.ShouldBe($"【访调对接】信访事项{petition.Number}移交的调解案件{handedOver.Mediation.CaseNumber}重新调解");
            notice.Body.ShouldContain(me.DisplayName + "：");
            notice.Body.ShouldContain($"泰安市泰山区人民法院于{today.Year}年{today.Month}月{today.Day}日裁定不予确认");
            notice.Body.ShouldContain("《中华人民共和国人民调解法》第三十三条第二款");
            notice.Body.ShouldContain("请待重新调解结果反馈后再作答复");
            notice.Body.ShouldNotContain(petition.Id.ToString());
            notice.Link.ShouldBe($"/Petitions/{petition.Id}");
        }

        // The inbox keeps a second delivery from recording it twice; the next conclusion comes back as the first did.
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        (await PetitionAsync(petition.Id)).Timeline.Count(e => e.Kind == PetitionEventKind.MediationReopened).ShouldBe(1);
        var again = await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{caseId}"));
        (await mediator.PostJsonAsync($"/api/cases/{caseId}/conclude", new ConcludeCaseInput(CaseOutcome.Failed, null, null, null, [], null, null,
            "双方分歧较大，调解不成", false, null, again.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DeliveredAsync(petition.Id, p => p.Mediation?.Result is not null)).Mediation!.Result.ShouldBe(MediationResult.Failed);
    }

    private async Task<PetitionDto> DeliveredAsync(Guid petitionId, Func<PetitionDto, bool> arrived)
    {
        var app = await AppAsync();
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        return await Eventually.Async(() => PetitionAsync(petitionId), arrived, "the delivery to the petition");
    }

    [Fact]
    public async Task A_foreign_county_officer_neither_sees_nor_hands_over_the_petition()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        var foreign = await ForeignPetitionOfficer.ClientAsync(await AppAsync());
        (await foreign.GetAsync($"/api/petitions/{petition.Id}/hand-over")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await foreign.PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOver(committee.Id, petition.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PetitionAsync(petition.Id)).Status.ShouldBe(PetitionStatus.Accepted);
    }
}

public sealed class PetitionHandOverApi_Tests_on_Sqlite(SqliteApp app) : PetitionHandOverApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class PetitionHandOverApi_Tests_on_PostgreSql(PostgresCluster cluster) : PetitionHandOverApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}

/// <summary>The Cases module registers the case and then fails (as a lost connection would): nothing of either module remains.</summary>
internal sealed class CasesFailingAfterRegistration(ICaseIntakeIntegrationService inner) : ICaseIntakeIntegrationService
{
    public Task<IReadOnlyList<CommitteeSummaryDto>> ListCommitteesAsync(Guid orgUnitId, CancellationToken ct) => inner.ListCommitteesAsync(orgUnitId, ct);

    public async Task<HandedOverCaseDto> RegisterHandedOverCaseAsync(HandOverCaseRequest request, CancellationToken ct)
    {
        await inner.RegisterHandedOverCaseAsync(request, ct);
        throw new BusinessException(CasesErrorCodes.NoMediator);
    }

    public static void Register(IServiceCollection services) =>
        services.AddScoped<ICaseIntakeIntegrationService>(sp => new CasesFailingAfterRegistration(ActivatorUtilities.CreateInstance<CaseIntakeIntegrationService>(sp)));
}

public sealed class SqliteAppWithFailingCases() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: CasesFailingAfterRegistration.Register));

public sealed class PetitionHandOverRollback_Tests(SqliteAppWithFailingCases app) : PetitionHandOverTestBase, IClassFixture<SqliteAppWithFailingCases>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);

    [Fact]
    public async Task A_failure_in_the_cases_call_after_the_case_was_written_rolls_both_back()
    {
        var committee = await CommitteeAsync();
        var petition = await AcceptedAsync();
        await ShouldBeRefusedAsync(await (await OfficerAsync()).PostJsonAsync($"/api/petitions/{petition.Id}/hand-over", HandOver(committee.Id, petition.ConcurrencyStamp)),
            CasesErrorCodes.NoMediator);

        var after = await PetitionAsync(petition.Id);
        after.Status.ShouldBe(PetitionStatus.Accepted);
        after.Mediation.ShouldBeNull();
        after.ConcurrencyStamp.ShouldBe(petition.ConcurrencyStamp);
        after.Timeline.ShouldNotContain(e => e.Kind == PetitionEventKind.HandedOverToMediation);
        (await HandlingClockAsync(petition.Id)).ShouldBe(ClockStatus.Running);
        var cases = (await OkAsync<PagedList<CaseSummaryDto>>(await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/cases"))).Items;
        cases.ShouldNotContain(c => c.Summary == petition.Matter);
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var sourceRecordId = petition.Id.ToString();
        (await db.Set<Mediation.Cases.Domain.MediationCase>().IgnoreQueryFilters().CountAsync(c => c.SourceRecordId == sourceRecordId)).ShouldBe(0);
    }
}
