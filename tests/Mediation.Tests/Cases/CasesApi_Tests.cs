using Mediation.Core.Web;
using System.Net;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Documents.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Tests.Documents;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Web.OrgUnits;
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

    [Fact]
    public async Task The_demo_seed_gives_each_demo_mediator_a_committee_he_heads_in_his_own_county()
    {
        var taishan = await (await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/cases/committees")).ReadAsync<List<CommitteeDto>>();
        var daiyue = await (await (await ClientAsync(userName: "demo.mediator.daiyue")).GetAsync("/api/cases/committees")).ReadAsync<List<CommitteeDto>>();

        taishan.Single(c => c.ShortName == "泰山").Mediators.ShouldHaveSingleItem().IsHead.ShouldBeTrue();
        daiyue.Single(c => c.ShortName == "岱岳").Name.ShouldBe("岱岳区天平街道人民调解委员会");
        taishan.ShouldNotContain(c => c.ShortName == "岱岳");
        daiyue.ShouldNotContain(c => c.ShortName == "泰山");
    }

    private static RegisterCaseInput Registration(Guid committeeId, Guid mediatorId, RiskGrade grade = RiskGrade.Blue) => new(
        committeeId, DisputeType.HousingHomestead, "宅基地边界争议，双方多次协商未果", 30000m, "岱东社区", CaseSource.WalkIn, null,
        [
            new PartyInput(PartyKind.Person, "王某", PartyId1, null, null, "13800138000", "岱东社区 3 号", true),
            new PartyInput(PartyKind.Person, "李某", PartyId2, null, null, null, "岱东社区 5 号", true, null, "张律师"),
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
        registered.Number.ShouldBe($"{committee.ShortName}调〔{year}〕1号");
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
        var history = (await raised.ReadAsync<CaseDto>()).RiskHistory;
        history.Select(r => r.Grade).ShouldBe([RiskGrade.Yellow, RiskGrade.Red]);
        (history[^1].AssessedBy, history[^1].AssessedByName, history[^1].AssessedByUnit).ShouldBe(("demo.mediator", "演示调解员", "泰山区"), "name and unit in two fields");

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.OutboxMessages.Where(m => m.EventName == CaseRaisedToRedEto.EventName).ToListAsync())
            .ShouldContain(m => m.Payload.Contains(registered.Id.ToString(), StringComparison.Ordinal));

        // Delivered (by the background dispatcher or this call): the 综治中心 of 岱庙街道 and of 泰山区 are asked for the police liaison.
        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var units = await db.Set<OrgUnit>().Where(u => u.Code == "370902001" || u.Code == "370902").ToDictionaryAsync(u => u.Id, u => u.Code);
        List<Notice> alerts = [];
        for (var attempt = 0; attempt < 100 && alerts.Count < 2; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            alerts = await db.Set<Notice>().AsNoTracking()
                .Where(n => n.Template == "case-red-alert" && n.Channel == NoticeChannel.InApp && n.SourceKey!.StartsWith(registered.Id.ToString("N"))).ToListAsync();
        }
        alerts.Select(a => units[a.OrgUnitId]).Order().ShouldBe(["370902", "370902001"]);
        alerts.ShouldAllBe(a => a.Subject == $"【红色预警】岱庙街道调解案件{registered.Number}升为红色风险" && a.Body.Contains("公安派出所联动") && a.Body.Contains("一方扬言报复"));
        alerts.ShouldAllBe(a => a.Link == $"/Cases/{registered.Id}");
        alerts.ShouldAllBe(a => a.Body.Contains("（案件编号" + registered.Number + "）") && !a.Body.Contains("号 号") && !a.Body.Contains(registered.Id.ToString()));
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
        // GB/T 9704: no padding (1号, not 0001号).
        numbers.ShouldBe(Enumerable.Range(1, 50).Select(n => $"{committee.ShortName}调〔{year}〕{n}号"), ignoreOrder: true);
    }

    private async Task<(HttpClient Mediator, CaseDto Case)> InMediationAsync()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await (await mediator.PostJsonAsync("/api/cases", Registration(committee.Id, mediatorId))).ReadAsync<CaseDto>();
        var response = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-2), "岱东社区调解室", ["调解员", "王某", "李某", "赵某"], "调解员释法说理，双方同意按测绘图划界",
            [new PartyStatementInput(registered.Parties[0].Id, "对方院墙越界"), new PartyStatementInput(registered.Parties[1].Id, "院墙按老地基砌的")],
            registered.ConcurrencyStamp));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (mediator, await response.ReadAsync<CaseDto>());
    }

    private static ConcludeCaseInput WrittenAgreement() => new(CaseOutcome.Succeeded,
        "王某与李某系邻居，李某翻建院墙向王某一侧延伸约0.3米", "宅基地边界及排水沟走向", "李某翻建未与王某协商，负主要责任",
        [new AgreementTermInput("李某将院墙恢复至1998年测绘图所示位置", null, new DateOnly(2026, 4, 30)),
         new AgreementTermInput("泰安某建筑有限公司赔偿王某损失", 3500m, new DateOnly(2026, 4, 15))],
        null, null, null, false, null, null);

    private async Task<Guid> ClockAsync(Guid caseId, string policy, ClockStatus status)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var clock = await db.Set<DeadlineClock>().IgnoreQueryFilters().SingleAsync(c => c.RecordId == caseId && c.PolicyName == policy);
        clock.Status.ShouldBe(status);
        return clock.Id;
    }

    [Fact]
    public async Task The_first_session_starts_the_mediation_and_is_listed_with_each_partys_statement()
    {
        var (mediator, inMediation) = await InMediationAsync();
        inMediation.Status.ShouldBe(CaseStatus.InMediation);
        var session = inMediation.Sessions.ShouldHaveSingleItem();
        session.Number.ShouldBe(1);
        session.Attendees.ShouldBe(["调解员", "王某", "李某", "赵某"]);
        (session.RecordedBy, session.RecordedByName, session.RecordedByUnit).ShouldBe(("demo.mediator", "演示调解员", "泰山区"), "by name and unit (issue 20)");
        session.Statements.Select(s => s.PartyId).ShouldBe([inMediation.Parties[0].Id, inMediation.Parties[1].Id]);
        (await (await mediator.GetAsync($"/api/cases/{inMediation.Id}")).ReadAsync<CaseDto>()).Sessions.ShouldHaveSingleItem().Minutes.ShouldContain("释法说理");

        var second = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/sessions",
            new RecordSessionInput(DateTimeOffset.UtcNow, "岱东社区调解室", ["调解员"], "第二次调解", [], inMediation.ConcurrencyStamp));
        second.StatusCode.ShouldBe(HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        var afterSecond = await second.ReadAsync<CaseDto>();
        afterSecond.Sessions.Select(s => s.Number).ShouldBe([1, 2]);
        afterSecond.ConcurrencyStamp.ShouldNotBe(inMediation.ConcurrencyStamp);
        var stale = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/sessions",
            new RecordSessionInput(DateTimeOffset.UtcNow, "岱东社区调解室", ["调解员"], "第三次调解", [], inMediation.ConcurrencyStamp));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ClockAsync(inMediation.Id, "mediation.term", ClockStatus.Running);

        var invalid = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/sessions", new RecordSessionInput(null, null, [], null, null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/sessions")));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "heldAt", "place", "minutes", "attendees" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task Concluding_with_a_written_agreement_publishes_the_outcome_stops_the_term_and_refuses_a_second_time()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var response = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var concluded = await response.ReadAsync<CaseDto>();
        concluded.Status.ShouldBe(CaseStatus.Concluded);
        concluded.Outcome!.Outcome.ShouldBe(CaseOutcome.Succeeded);
        concluded.Outcome.Terms.Select(t => t.Amount).ShouldBe([null, 3500m]);
        (concluded.Outcome.ConcludedBy, concluded.Outcome.ConcludedByName, concluded.Outcome.ConcludedByUnit).ShouldBe(("demo.mediator", "演示调解员", "泰山区"));
        await ClockAsync(inMediation.Id, "mediation.term", ClockStatus.Stopped);

        await using (var scope = (await AppAsync()).Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.OutboxMessages.Where(m => m.EventName == CaseConcludedEto.EventName).ToListAsync())
                .ShouldContain(m => m.Payload.Contains(inMediation.Id.ToString(), StringComparison.Ordinal));
        }

        var again = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") });
        again.IsSuccessStatusCode.ShouldBeFalse();
        (await again.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.AlreadyConcluded);
    }

    [Fact]
    public async Task A_terminated_mediation_names_the_other_routes_and_has_no_agreement_to_issue()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var incomplete = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude",
            new ConcludeCaseInput(CaseOutcome.Terminated, null, null, null, null, null, null, null, true, null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude")));
        (await incomplete.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.TerminationReasonMissing);

        var response = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude",
            new ConcludeCaseInput(CaseOutcome.Terminated, null, null, null, null, null, null, "李某明确拒绝继续调解", true, new DateOnly(2026, 3, 3), await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var outcome = (await response.ReadAsync<CaseDto>()).Outcome!;
        outcome.OtherRoutes.ShouldBe([OtherRoute.Arbitration, OtherRoute.Administrative, OtherRoute.Court]);
        outcome.MayTurnCriminal.ShouldBeTrue();
        outcome.ReportedToPoliceOn.ShouldBe(new DateOnly(2026, 3, 3));

        var agreement = await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null);
        (await agreement.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.NoWrittenAgreement);
    }

    [Fact]
    public async Task No_API_caller_can_issue_a_document_so_a_forged_number_cannot_block_the_real_agreement()
    {
        var (mediator, inMediation) = await InMediationAsync();

        // The probe of issue 12: any holder of the old issue permission minted the case's own number first, and the real agreement then failed.
        foreach (var caller in new[] { "demo.mediator", "demo.petitionofficer", "demo.statistician", "demo.mediator.daiyue", "demo.systemadmin" })
        {
            var forged = await (await ClientAsync(userName: caller)).PostJsonAsync("/api/documents", new
            {
                template = "mediation-agreement", number = inMediation.Number, recordType = "MediationCase", recordId = inMediation.Id.ToString(),
                model = Mediation.Tests.Documents.SampleDocuments.AgreementModel(),
            });
            forged.StatusCode.ShouldBeOneOf(HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound);
        }
        ((await (await mediator.GetAsync($"/api/documents?recordType=MediationCase&recordId={inMediation.Id}")).ReadAsync<PagedList<IssuedDocumentDto>>()).Items)
            .ShouldBeEmpty();

        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var response = await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = await response.ReadAsync<AgreementIssuedDto>();
        issued.Number.ShouldBe(inMediation.Number);
        var info = await (await mediator.GetAsync($"/api/documents/{issued.DocumentId}/info")).ReadAsync<IssuedDocumentDto>();
        info.Number.ShouldBe(inMediation.Number);
        info.IssuedBy.ShouldBe("demo.mediator");
        PdfText.AllText(await (await mediator.GetAsync($"/api/documents/{issued.DocumentId}")).Content.ReadAsByteArrayAsync())
            .Replace(" ", "", StringComparison.Ordinal).ShouldContain(inMediation.Number);

        // The copy belongs to the case's unit (岱庙街道), so the committee's township sees it and another county does not.
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<Mediation.Core.Documents.Domain.IssuedDocument>().IgnoreQueryFilters().SingleAsync(d => d.Id == issued.DocumentId))
            .OrgUnitId.ShouldBe(inMediation.OrgUnitId);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).GetAsync($"/api/documents/{issued.DocumentId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_agreement_is_printed_with_every_article_29_element_masked_ids_and_a_copy_per_party_plus_one()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = await response.ReadAsync<AgreementIssuedDto>();
        issued.Number.ShouldBe(inMediation.Number);

        var pdf = await mediator.GetAsync($"/api/documents/{issued.DocumentId}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.AllText(await pdf.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "人民调解协议书", "王某", "李某", "泰安某建筑有限公司", "1101**********002X", "3709**********1230", "91350100M000100Y43",
                     "宅基地边界及排水沟走向", "负主要责任", "李某将院墙恢复至1998年测绘图所示位置", "于2026年4月30日前履行完毕",
                     "泰安某建筑有限公司赔偿王某损失，金额人民币3,500.00元", "一式四份", "甲方（签名）", "乙方（签名）", "丙方（签名）", "人民调解员（签名）", "（印章）",
                     "王某，女，1949年12月31日出生", "李某，男，1980年1月1日出生", "（大写：人民币叁仟伍佰元整）", "委托代理人张律师",
                 })
            text.ShouldContain(expected);
        text.ShouldNotContain(PartyId1);
        System.Text.RegularExpressions.Regex.Count(text, "年月日").ShouldBe(5, "a date line under each party's, the mediator's and the seal's signature");
        text.ShouldNotContain(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
            Case.Sensitive, "no print date posing as the signing date");

        var twice = await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null);
        (await twice.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.AgreementAlreadyIssued);
        (await (await mediator.GetAsync($"/api/cases/{inMediation.Id}")).ReadAsync<CaseDto>()).Outcome!.AgreementDocumentId.ShouldBe(issued.DocumentId);
    }

    [Fact]
    public async Task The_office_copy_shows_the_full_id_numbers_to_a_holder_of_reveal_and_is_audited()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var early = await mediator.GetAsync($"/api/cases/{inMediation.Id}/agreement/office-copy");
        (await early.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.AgreementNotIssued);
        (await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var copy = await mediator.GetAsync($"/api/cases/{inMediation.Id}/agreement/office-copy");
        copy.StatusCode.ShouldBe(HttpStatusCode.OK, await copy.Content.ReadAsStringAsync());
        var text = PdfText.AllText(await copy.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain(PartyId1);
        text.ShouldContain(PartyId2);
        text.ShouldContain(inMediation.Number);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<Mediation.Core.Auditing.AuditEntry>().CountAsync(a => a.Action == Mediation.Core.Auditing.AuditActions.PersonalDataRevealed
            && a.EntityId == inMediation.Id.ToString() && a.UserName == "demo.mediator")).ShouldBe(1);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).GetAsync($"/api/cases/{inMediation.Id}/agreement/office-copy"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signing_starts_the_judicial_confirmation_window_and_the_joint_application_stops_its_reminders()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var early = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed", new MarkAgreementSignedInput(null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")));
        (await early.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.AgreementNotIssued);
        (await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var signed = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed", new MarkAgreementSignedInput(DateTimeOffset.UtcNow, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")));
        signed.StatusCode.ShouldBe(HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        var signedCase = await signed.ReadAsync<CaseDto>();
        signedCase.Outcome!.AgreementSignedAt.ShouldNotBeNull();
        signedCase.Outcome.MayConcernPersonalStatus.ShouldBeFalse();
        await ClockAsync(inMediation.Id, "mediation.judicial-confirmation", ClockStatus.Running);

        var decisionFirst = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/court-decision",
            new RecordCourtDecisionInput(CourtDecision.Confirmed, Today(), "泰安市泰山区人民法院", await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/court-decision")));
        (await decisionFirst.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.JudicialApplicationMissing);

        var applied = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/judicial-application",
            new RecordJudicialApplicationInput("泰安市泰山区人民法院", Today(), signedCase.ConcurrencyStamp));
        applied.StatusCode.ShouldBe(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        (await applied.ReadAsync<CaseDto>()).Outcome!.JudicialAppliedOn.ShouldBe(Today());
        await ClockAsync(inMediation.Id, "mediation.judicial-confirmation", ClockStatus.Stopped);

        var decided = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/court-decision",
            new RecordCourtDecisionInput(CourtDecision.NotAccepted, Today(), null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/court-decision")));
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var outcome = (await decided.ReadAsync<CaseDto>()).Outcome!;
        outcome.CourtDecision.ShouldBe(CourtDecision.NotAccepted);
        outcome.CourtName.ShouldBe("泰安市泰山区人民法院");
    }

    [Fact]
    public async Task After_the_court_refuses_the_agreement_the_case_is_mediated_again()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed", new MarkAgreementSignedInput(null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var tooEarly = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/reopen", new ReopenCaseInput(await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/reopen")));
        (await tooEarly.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.NotRefusedByCourt);
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/judicial-application",
            new RecordJudicialApplicationInput("泰安市泰山区人民法院", Today(), await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/judicial-application")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/court-decision",
            new RecordCourtDecisionInput(CourtDecision.Refused, Today(), null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/court-decision")))).ReadAsync<CaseDto>();

        var reopened = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/reopen", new ReopenCaseInput(refused.ConcurrencyStamp));
        reopened.StatusCode.ShouldBe(HttpStatusCode.OK, await reopened.Content.ReadAsStringAsync());
        var open = await reopened.ReadAsync<CaseDto>();
        open.Status.ShouldBe(CaseStatus.InMediation);
        open.Outcome.ShouldBeNull();
        (await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>())
            .ShouldAllBe(v => v.Status == FollowUpVisitStatus.Withdrawn);
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Reopening starts no second month (the one term clock stays stopped) and the new agreement's 回访 do not come on top of the old.
        await ClockAsync(inMediation.Id, "mediation.term", ClockStatus.Stopped);
        var visits = await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>();
        visits.Count(v => v.Status == FollowUpVisitStatus.Scheduled).ShouldBe(1);
        visits.Count(v => v.Status == FollowUpVisitStatus.Withdrawn).ShouldBe(1);
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var visitIds = visits.Select(v => v.Id).ToList();
        var visitClocks = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<DeadlineClock>().IgnoreQueryFilters()
            .Where(c => visitIds.Contains(c.RecordId)).ToListAsync();
        visitClocks.Count(c => c.Status == ClockStatus.Running).ShouldBe(1);
        visitClocks.Count(c => c.Status == ClockStatus.Stopped).ShouldBe(1);
        var withdrawn = visits.Single(v => v.Status == FollowUpVisitStatus.Withdrawn);
        var late = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/visits/{withdrawn.Id}",
            new RecordVisitInput(DateTimeOffset.UtcNow, VisitMethod.InPerson, [], [], null, "张调解", withdrawn.ConcurrencyStamp));
        (await late.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.VisitWithdrawn);
    }

    [Fact]
    public async Task Raising_the_risk_to_may_turn_criminal_records_the_police_report_then_and_becoming_criminal_is_a_later_record()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var missing = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/risk",
            new AssessRiskInput(RiskGrade.Orange, "一方扬言报复", inMediation.ConcurrencyStamp, MayTurnCriminal: true));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await missing.ReadJsonAsync()).GetProperty("errors");
        errors.TryGetProperty("policeReportedOn", out _).ShouldBeTrue();
        errors.TryGetProperty("policeStation", out _).ShouldBeTrue();

        var raised = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/risk",
            new AssessRiskInput(RiskGrade.Orange, "一方扬言报复", inMediation.ConcurrencyStamp, true, Today(), "岱庙派出所"));
        raised.StatusCode.ShouldBe(HttpStatusCode.OK, await raised.Content.ReadAsStringAsync());
        var reported = await raised.ReadAsync<CaseDto>();
        reported.PoliceReport.ShouldBe(new PoliceReportDto(Today(), "岱庙派出所"));
        reported.BecameCriminal.ShouldBeNull("the risk flag is not 民转刑");

        var became = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/became-criminal",
            new RecordBecameCriminalInput(Today(), "岱庙派出所以故意伤害立案", reported.ConcurrencyStamp));
        became.StatusCode.ShouldBe(HttpStatusCode.OK, await became.Content.ReadAsStringAsync());
        (await became.ReadAsync<CaseDto>()).BecameCriminal!.On.ShouldBe(Today());
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task Success_is_reported_when_the_agreement_takes_effect_on_the_day_of_the_last_signature()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var concluded = await (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).ReadAsync<CaseDto>();
        concluded.Outcome!.AgreementEffectiveOn.ShouldBeNull();
        (await EffectiveEventsAsync(inMediation.Id)).ShouldBeEmpty("concluding is not yet taking effect");
        (await mediator.PostAsync($"/api/cases/{inMediation.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var beforeConclusion = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed",
            new MarkAgreementSignedInput(DateTimeOffset.UtcNow.AddDays(-3), await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")));
        beforeConclusion.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await beforeConclusion.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.SigningDateOutOfRange);

        var lastSignature = DateTimeOffset.UtcNow;
        var signed = await (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed", new MarkAgreementSignedInput(lastSignature, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")))).ReadAsync<CaseDto>();
        var effectiveOn = DateOnly.FromDateTime(lastSignature.ToOffset(TimeSpan.FromHours(8)).DateTime);
        signed.Outcome!.AgreementEffectiveOn.ShouldBe(effectiveOn);

        var effective = (await EffectiveEventsAsync(inMediation.Id)).ShouldHaveSingleItem();
        effective.EffectiveOn.ShouldBe(effectiveOn);
        effective.Number.ShouldBe(inMediation.Number);
        effective.Source.ShouldBe(CaseSource.WalkIn);
        effective.AgreementSummary.ShouldNotBeNull().ShouldContain("李某将院墙恢复至1998年测绘图所示位置");
    }

    [Fact]
    public async Task An_oral_agreement_is_reported_effective_at_the_conclusion()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var response = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude",
            new ConcludeCaseInput(CaseOutcome.OralAgreement, null, null, null, null, null, "李某当场同意拆除越界部分", null, false, null, await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var effective = (await EffectiveEventsAsync(inMediation.Id)).ShouldHaveSingleItem();
        effective.Outcome.ShouldBe(CaseOutcome.OralAgreement);
        effective.EffectiveOn.ShouldBe(today);
        effective.AgreementSummary.ShouldBe("李某当场同意拆除越界部分");
    }

    private async Task<List<CaseAgreementEffectiveEto>> EffectiveEventsAsync(Guid caseId)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var payloads = await db.OutboxMessages.Where(m => m.EventName == CaseAgreementEffectiveEto.EventName).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<CaseAgreementEffectiveEto>(p, HttpJson.Options)!)
            .Where(e => e.CaseId == caseId).ToList();
    }

    [Fact]
    public async Task A_mediator_of_another_county_cannot_record_conclude_or_issue()
    {
        var (_, inMediation) = await InMediationAsync();
        var daiyue = await ClientAsync(userName: "demo.mediator.daiyue");
        (await daiyue.PostJsonAsync($"/api/cases/{inMediation.Id}/sessions", new RecordSessionInput(DateTimeOffset.UtcNow, "某地", ["某人"], "笔录", [], await daiyue.CurrentStampAsync($"/api/cases/{inMediation.Id}/sessions"))))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await daiyue.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await daiyue.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await daiyue.PostAsync($"/api/cases/{inMediation.Id}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await daiyue.PostJsonAsync($"/api/cases/{inMediation.Id}/agreement/signed", new MarkAgreementSignedInput(null, await daiyue.CurrentStampAsync($"/api/cases/{inMediation.Id}/agreement/signed")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
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
