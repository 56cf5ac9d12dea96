using System.Net;
using System.Security.Claims;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>Follow-up visits, the term's continuation, the termination notice, the session minutes and the hand-over contract, over the real pipeline.</summary>
public abstract class CasesFollowUpApi_Tests : ProviderTests
{
    // Read at each use, not once per class: a run that crosses China's midnight (16:00 UTC) compared the server's new day with the
    // class's old one (CI, 2026-12-03 00:19 China time).
    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private async Task<(CommitteeDto Committee, Guid MediatorId)> CommitteeAsync()
    {
        var coordinator = await ClientAsync(userName: "demo.coordinator");
        var units = await (await coordinator.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        var daimiao = units.Single(u => u.Code == "370902001");
        var created = await coordinator.PostJsonAsync("/api/cases/committees",
            new CreateCommitteeInput(daimiao.Id, "岱庙街道人民调解委员会" + Guid.NewGuid().ToString("N")[..4], "回" + Guid.NewGuid().ToString("N")[..6], CommitteeKind.TownshipOrStreet));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var committee = await created.ReadAsync<CommitteeDto>();
        var me = await (await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/auth/me")).ReadAsync<MeDto>();
        var withMediator = await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(me.Id, "张调解", true));
        withMediator.StatusCode.ShouldBe(HttpStatusCode.OK, await withMediator.Content.ReadAsStringAsync());
        return (await withMediator.ReadAsync<CommitteeDto>(), me.Id);
    }

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    private static IReadOnlyList<PartyInput> Parties() =>
    [
        new PartyInput(PartyKind.Person, "王某", "11010519491231002X", null, null, "13800138000", "岱东社区 3 号", true),
        new PartyInput(PartyKind.Person, "李某", "370902198001011230", null, null, null, "岱东社区 5 号", true),
        new PartyInput(PartyKind.Organisation, "泰安某建筑有限公司", null, "91350100M000100Y43", "赵某", null, null, true),
    ];

    private async Task<(HttpClient Mediator, CaseDto Case)> RegisteredAsync(DisputeType disputeType = DisputeType.HousingHomestead)
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var mediator = await ClientAsync(userName: "demo.mediator");
        var response = await mediator.PostJsonAsync("/api/cases", new RegisterCaseInput(committee.Id, disputeType, "宅基地边界争议",
            30000m, "岱东社区", CaseSource.WalkIn, null, Parties(), [mediatorId], RiskGrade.Blue, null));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (mediator, await response.ReadAsync<CaseDto>());
    }

    private async Task<(HttpClient Mediator, CaseDto Case)> InMediationAsync(DisputeType disputeType = DisputeType.HousingHomestead)
    {
        var (mediator, registered) = await RegisteredAsync(disputeType);
        var response = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(8)), "岱东社区调解室", ["张调解", "王某", "李某", "赵某"],
            "调解员释法说理。\n双方同意按测绘图划界。",
            [new PartyStatementInput(registered.Parties[0].Id, "对方院墙越界"), new PartyStatementInput(registered.Parties[1].Id, "院墙按老地基砌的")],
            registered.ConcurrencyStamp));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (mediator, await response.ReadAsync<CaseDto>());
    }

    private static ConcludeCaseInput WrittenAgreement() => new(CaseOutcome.Succeeded,
        "李某翻建院墙向王某一侧延伸约0.3米", "宅基地边界", "李某负主要责任",
        [new AgreementTermInput("李某当场赔礼道歉", null, null),
         new AgreementTermInput("李某将院墙恢复至测绘图所示位置", null, Today.AddDays(20)),
         new AgreementTermInput("泰安某建筑有限公司赔偿王某损失", 3500m, Today.AddDays(40))],
        null, null, null, false, null, null);

    private static ConcludeCaseInput Terminated() =>
        new(CaseOutcome.Terminated, null, null, null, null, null, null, "李某明确拒绝继续调解", false, null, null);

    private async Task<DeadlineClock> ClockAsync(Guid recordId, string policy)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<DeadlineClock>().IgnoreQueryFilters().AsNoTracking().Include(c => c.History)
            .SingleAsync(c => c.RecordId == recordId && c.PolicyName == policy);
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync()).GetProperty("code").GetString();

    [Fact]
    public async Task A_written_agreement_schedules_a_visit_after_conclusion_and_one_per_due_date_each_on_its_clock()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var agreement = WrittenAgreement();
        var concludedFrom = Today;
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", agreement with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var concludedBy = Today;

        var visits = await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>();
        // The visit after conclusion is on the day the case was concluded: the server's day, which is the test's day before or after the request.
        var concludedOn = visits[0].ScheduledOn == concludedBy ? concludedBy : concludedFrom;
        visits.Select(v => (v.Kind, v.ScheduledOn, string.Join(',', v.Terms.Select(t => t.Number)))).ShouldBe(
        [
            (FollowUpVisitKind.AfterConclusion, concludedOn, "1"),
            (FollowUpVisitKind.TermDue, agreement.Terms![1].DueOn!.Value, "2"),
            (FollowUpVisitKind.TermDue, agreement.Terms![2].DueOn!.Value, "3"),
        ]);
        visits.ShouldAllBe(v => v.Status == FollowUpVisitStatus.Scheduled && v.CaseNumber == inMediation.Number && v.Parties.Count == 3);
        foreach (var visit in visits)
        {
            var clock = await ClockAsync(visit.Id, "mediation.follow-up");
            clock.Status.ShouldBe(ClockStatus.Running);
            clock.DueDate.ShouldBe(visit.DueDate);
            clock.DueDate!.Value.ShouldBeGreaterThanOrEqualTo(visit.ScheduledOn.AddDays(15));
        }

        var due = await (await mediator.GetAsync("/api/cases/visits/due")).ReadAsync<List<FollowUpVisitDto>>();
        var mine = due.Where(v => v.CaseId == inMediation.Id).ToList();
        mine.Select(v => v.Id).ShouldBe(visits.Select(v => v.Id));
        due.Select(v => v.DueDate).ShouldBeInOrder();
        (await (await mediator.GetAsync("/api/cases/visits/due?withinDays=20")).ReadAsync<List<FollowUpVisitDto>>())
            .Where(v => v.CaseId == inMediation.Id).Select(v => v.Id).ShouldBe([visits[0].Id]);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).GetStringAsync("/api/cases/visits/due")).ShouldNotContain(inMediation.Id.ToString());
    }

    [Fact]
    public async Task The_mediators_workbench_counts_todays_visits_and_the_count_opens_the_visits_list_filtered_the_same_way()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var visits = await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>();
        var afterConclusion = visits.Single(v => v.Kind == FollowUpVisitKind.AfterConclusion);

        // The filtered list: the visit after the conclusion is due today; those of the terms due in 20 and 40 days are not yet.
        static string MainOf(string page) => page[page.IndexOf("<main", StringComparison.Ordinal)..];
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = MainOf(WebUtility.HtmlDecode(await mediator.GetStringAsync("/Cases/Visits?today=true")));
        today.ShouldContain($"href=\"?visitId={afterConclusion.Id}\"");
        today.ShouldNotContain(Day(Today.AddDays(20)));
        today.ShouldNotContain(Day(Today.AddDays(40)));
        var rows = today.Split("?visitId=").Length - 1;
        var all = MainOf(WebUtility.HtmlDecode(await mediator.GetStringAsync("/Cases/Visits")));
        all.ShouldContain(Day(Today.AddDays(40)));

        var card = await WorkbenchPage.CardAsync(mediator, "cases.visits-today");
        card.ShouldContain($"href=\"/Cases/Visits?today=true\" aria-label=\"今日应回访：{rows} 件，查看列表\">{rows}</a>");
        (card.Split("href=\"/Cases/Visits?visitId=").Length - 1).ShouldBe(Math.Min(rows, 5));
        if (rows <= 5) card.ShouldContain($"<a href=\"/Cases/Visits?visitId={afterConclusion.Id}\">{inMediation.Number}</a> · 回访期限 {Day(afterConclusion.DueDate!.Value)}");
        WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases/Visits?visitId={afterConclusion.Id}")).ShouldContain($"name=\"Form.VisitId\" value=\"{afterConclusion.Id}\"");

        var officer = WebUtility.HtmlDecode(await (await ClientAsync(userName: "demo.petitionofficer")).GetStringAsync("/"));
        officer.ShouldNotContain("data-card=\"cases.visits-today\"", customMessage: "a petition officer records no visits");
    }

    [Fact]
    public async Task Recording_a_visit_needs_every_term_and_party_stops_its_clock_and_is_refused_twice()
    {
        var (mediator, inMediation) = await InMediationAsync();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var visit = (await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>())[0];
        var url = $"/api/cases/{inMediation.Id}/visits/{visit.Id}";
        RecordVisitInput Input(IReadOnlyList<PartySatisfactionInput> parties) => new(DateTimeOffset.UtcNow.AddHours(-1), VisitMethod.Phone,
            [new TermPerformanceInput(1, TermPerformance.Performed, "已当面道歉")], parties, "双方关系缓和", "张调解", visit.ConcurrencyStamp);

        var invalid = await mediator.PostJsonAsync(url, new RecordVisitInput(null, null, null, null, null, null, await mediator.CurrentStampAsync(url)));
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await invalid.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "visitedAt", "method", "visitor" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);

        var unrated = await mediator.PostJsonAsync(url, Input([new PartySatisfactionInput(inMediation.Parties[0].Id, PartySatisfaction.Satisfied, null)]));
        unrated.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(unrated)).ShouldBe(CasesErrorCodes.PartySatisfactionMissing);

        var all = inMediation.Parties.Select((p, i) => new PartySatisfactionInput(p.Id, i == 2 ? PartySatisfaction.BasicallySatisfied : PartySatisfaction.Satisfied, null)).ToList();
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).PostJsonAsync(url, Input(all))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var recorded = await mediator.PostJsonAsync(url, Input(all));
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var dto = await recorded.ReadAsync<FollowUpVisitDto>();
        dto.Status.ShouldBe(FollowUpVisitStatus.Recorded);
        dto.Terms.ShouldHaveSingleItem().Performance.ShouldBe(TermPerformance.Performed);
        dto.Parties.Select(p => p.Satisfaction).ShouldBe([PartySatisfaction.Satisfied, PartySatisfaction.Satisfied, PartySatisfaction.BasicallySatisfied]);
        (dto.RecordedBy, dto.RecordedByName, dto.RecordedByUnit).ShouldBe(("demo.mediator", "演示调解员", "泰山区"), "by name and unit (issue 20)");
        (await ClockAsync(visit.Id, "mediation.follow-up")).Status.ShouldBe(ClockStatus.Stopped);
        (await (await mediator.GetAsync("/api/cases/visits/due")).ReadAsync<List<FollowUpVisitDto>>()).ShouldNotContain(v => v.Id == visit.Id);

        var twice = await mediator.PostJsonAsync(url, Input(all) with { ConcurrencyStamp = dto.ConcurrencyStamp });
        (await CodeAsync(twice)).ShouldBe(CasesErrorCodes.VisitAlreadyRecorded);
    }

    [Fact]
    public async Task Visiting_a_case_not_yet_concluded_or_one_that_failed_is_refused()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var open = await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/visits/{Guid.NewGuid()}",
            new RecordVisitInput(DateTimeOffset.UtcNow, VisitMethod.InPerson, [], [], null, "张调解", null));
        open.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(open)).ShouldBe(CasesErrorCodes.NotConcluded);

        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", Terminated() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await mediator.GetAsync($"/api/cases/{inMediation.Id}/visits")).ReadAsync<List<FollowUpVisitDto>>()).ShouldBeEmpty();
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/visits/{Guid.NewGuid()}",
            new RecordVisitInput(DateTimeOffset.UtcNow, VisitMethod.InPerson, [], [], null, "张调解", null))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Mediation_continues_past_the_term_only_with_every_partys_consent_and_the_clock_moves_with_it()
    {
        var (mediator, registered) = await RegisteredAsync();
        var term = await (await mediator.GetAsync($"/api/cases/{registered.Id}/term")).ReadAsync<MediationTermDto>();
        term.ClockStatus.ShouldBe(ClockStatus.Running);
        term.DueDate.ShouldBe(DateOnly.FromDateTime(registered.RegisteredAt.ToOffset(TimeSpan.FromHours(8)).DateTime).AddMonths(1));
        var url = $"/api/cases/{registered.Id}/term/continue";
        var allParties = registered.Parties.Select(p => p.Id).ToList();

        var partial = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties.Take(2).ToList(), Today, null, null, null, registered.ConcurrencyStamp));
        partial.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(partial)).ShouldBe(CasesErrorCodes.ContinuationConsentMissing);
        var notLonger = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties, Today, null, term.DueDate, null, registered.ConcurrencyStamp));
        (await CodeAsync(notLonger)).ShouldBe(CasesErrorCodes.TermNotLonger);
        var both = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties, Today, 10, Today, null, await mediator.CurrentStampAsync(url)));
        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var continued = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties, Today, null, null, "三方同意再调解一个月", registered.ConcurrencyStamp));
        continued.StatusCode.ShouldBe(HttpStatusCode.OK, await continued.Content.ReadAsStringAsync());
        var extended = await continued.ReadAsync<MediationTermDto>();
        extended.DueDate.ShouldBe(term.DueDate!.Value.AddDays(30));
        // The one-month term stays in view beside the continued one, on the case page and in the list.
        var setTerm = $"（规定期限 {term.DueDate.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}）";
        System.Net.WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases/{registered.Id}")).ShouldContain(setTerm);
        System.Net.WebUtility.HtmlDecode(await mediator.GetStringAsync("/Cases")).ShouldContain(setTerm);
        extended.ExtensionDays.ShouldBe(30);
        var continuation = extended.Continuations.ShouldHaveSingleItem();
        (continuation.PreviousDueDate, continuation.NewDueDate, continuation.Days).ShouldBe((term.DueDate, term.DueDate.Value.AddDays(30), 30));
        (continuation.RecordedByName, continuation.RecordedByUnit).ShouldBe(("演示调解员", "泰山区"));
        continuation.ConsentingPartyIds.ShouldBe(allParties);
        (await ClockAsync(registered.Id, "mediation.term")).History.ShouldContain(e => e.Kind == ClockEventKind.Extended && e.Days == 30);

        var stale = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties, Today, 5, null, null, registered.ConcurrencyStamp));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        // The extension policy allows 60 days in all: a second 40 is refused and leaves no half-recorded continuation.
        var tooLong = await mediator.PostJsonAsync(url, new ContinueMediationInput(allParties, Today, 40, null, null, extended.ConcurrencyStamp));
        tooLong.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CodeAsync(tooLong)).ShouldBe(DeadlinesErrorCodes.ExtensionTooLong);
        var after = await (await mediator.GetAsync($"/api/cases/{registered.Id}/term")).ReadAsync<MediationTermDto>();
        after.Continuations.Count.ShouldBe(1);
        after.DueDate.ShouldBe(extended.DueDate);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).PostJsonAsync(url, new ContinueMediationInput(allParties, Today, 5, null, null, null)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_terminated_mediation_prints_a_termination_notice_naming_the_reason_and_the_other_routes()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var early = await mediator.PostAsync($"/api/cases/{inMediation.Id}/termination-notice", null);
        (await CodeAsync(early)).ShouldBe(CasesErrorCodes.NotTerminated);
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", Terminated() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await mediator.PostAsync($"/api/cases/{inMediation.Id}/termination-notice", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = await response.ReadAsync<CaseDocumentIssuedDto>();
        var pdf = await mediator.GetAsync($"/api/documents/{issued.DocumentId}");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = PdfText.AllText(await pdf.Content.ReadAsByteArrayAsync()).Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "终止调解告知书", inMediation.Number, "王某", "李某", "泰安某建筑有限公司", "房屋宅基地纠纷", "李某明确拒绝继续调解", "第二十六条",
                     "申请仲裁", "请求有关行政机关依法处理", "向人民法院提起诉讼", "人民调解员（签名）", "张调解", "甲方签收（签名）", "丙方签收（签名）",
                     "甲方王某、乙方李某、丙方泰安某建筑有限公司：", "调解不成，决定终止调解",
                 })
            text.ShouldContain(expected);
        text.ShouldNotContain("各方当事人：", Case.Sensitive, "one salutation");

        (await CodeAsync(await mediator.PostAsync($"/api/cases/{inMediation.Id}/termination-notice", null))).ShouldBe(CasesErrorCodes.TerminationNoticeAlreadyIssued);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).PostAsync($"/api/cases/{inMediation.Id}/termination-notice", null))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(DisputeType.MarriageFamily, new[] { "请求有关行政机关依法处理", "依法向人民法院提起诉讼", "不能仲裁（《中华人民共和国仲裁法》第三条）" }, new[] { "申请仲裁" })]
    [InlineData(DisputeType.Labour, new[] { "向劳动争议仲裁委员会申请劳动争议仲裁", "劳动争议调解仲裁法》第五条", "对劳动争议仲裁裁决不服的" }, new[] { "请求有关行政机关依法处理" })]
    public async Task The_termination_notice_names_only_the_routes_open_to_the_dispute_type(DisputeType disputeType, string[] named, string[] absent)
    {
        var (mediator, inMediation) = await InMediationAsync(disputeType);
        var concluded = await (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", Terminated() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{inMediation.Id}/conclude") })).ReadAsync<CaseDto>();
        if (disputeType is DisputeType.MarriageFamily) concluded.Outcome!.OtherRoutes.ShouldNotContain(OtherRoute.Arbitration);

        var issued = await (await mediator.PostAsync($"/api/cases/{inMediation.Id}/termination-notice", null)).ReadAsync<CaseDocumentIssuedDto>();
        var text = PdfText.AllText(await (await mediator.GetAsync($"/api/documents/{issued.DocumentId}")).Content.ReadAsByteArrayAsync())
            .Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in named) text.ShouldContain(expected);
        foreach (var unexpected in absent) text.ShouldNotContain(unexpected);
    }

    [Fact]
    public async Task A_sessions_minutes_print_time_place_attendees_statements_and_a_signature_line_for_everyone()
    {
        var (mediator, inMediation) = await InMediationAsync();
        var response = await mediator.PostAsync($"/api/cases/{inMediation.Id}/sessions/1/minutes", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = await response.ReadAsync<CaseDocumentIssuedDto>();
        issued.Number.ShouldBe(inMediation.Number + "笔录1");

        var text = PdfText.AllText(await (await mediator.GetAsync($"/api/documents/{issued.DocumentId}")).Content.ReadAsByteArrayAsync())
            .Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[]
                 {
                     "调解笔录", inMediation.Number, "第1次调解", "2026年3月2日9:30", "岱东社区调解室", "张调解、王某、李某、赵某",
                     "权利义务告知", "第二十三条、第二十四条", "选择或者接受人民调解员", "拒绝调解或者要求终止调解", "如实陈述纠纷事实",
                     "甲方（王某）陈述：对方院墙越界", "乙方（李某）陈述：院墙按老地基砌的", "双方同意按测绘图划界",
                     "张调解（签名）", "王某（签名）", "李某（签名）", "赵某（签名）", "泰安某建筑有限公司（签名）",
                 })
            text.ShouldContain(expected);
        text.ShouldNotContain("11010519491231002X");
        text.IndexOf("权利义务告知", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("陈述：", StringComparison.Ordinal), "the minutes open with the rights told");

        (await CodeAsync(await mediator.PostAsync($"/api/cases/{inMediation.Id}/sessions/1/minutes", null))).ShouldBe(CasesErrorCodes.MinutesAlreadyIssued);
        (await mediator.PostAsync($"/api/cases/{inMediation.Id}/sessions/9/minutes", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await ClientAsync(userName: "demo.mediator.daiyue")).PostAsync($"/api/cases/{inMediation.Id}/sessions/1/minutes", null))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_case_whose_term_clock_cannot_start_is_not_registered_and_gives_its_number_back()
    {
        var app = await AppAsync();
        var committeeId = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var mediatorId = (await db.Set<AppUser>().IgnoreQueryFilters().SingleAsync(u => u.UserName == "demo.mediator")).Id;
            // A committee of a unit the clock engine does not know: starting the term clock fails after the case row was written.
            var committee = new Mediation.Cases.Domain.MediationCommittee(committeeId, Guid.NewGuid(), "失联调委会", "失" + Guid.NewGuid().ToString("N")[..6], CommitteeKind.Specialised, CommitteeSpecialty.Labour);
            committee.AddMediator(mediatorId, "张调解", isHead: true);
            db.Add(committee);
            await db.SaveChangesAsync();
            await Should.ThrowAsync<EntityNotFoundException>(() => scope.ServiceProvider.GetRequiredService<Mediation.Cases.Application.CaseAppService>().RegisterAsync(
                new RegisterCaseInput(committeeId, DisputeType.Other, "无法计时的案件", null, null, CaseSource.WalkIn, null, Parties(), [mediatorId], RiskGrade.Blue, null),
                CancellationToken.None));
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.Set<Mediation.Cases.Domain.MediationCase>().IgnoreQueryFilters().AnyAsync(c => c.CommitteeId == committeeId)).ShouldBeFalse();
            (await db.Set<Mediation.Core.Numbering.NumberSequenceRow>().AnyAsync(r => r.IssuerId == committeeId)).ShouldBeFalse();
        }
    }

    /// <summary>Runs <paramref name="action"/> with the services of one request signed in as <paramref name="userName"/>.</summary>
    private async Task<T> AsUserAsync<T>(string userName, Func<IServiceProvider, Task<T>> action)
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var user = await db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().SingleAsync(u => u.UserName == userName);
        var unit = await db.Set<OrgUnit>().AsNoTracking().SingleAsync(u => u.Id == user.OrgUnitId);
        var identity = new ClaimsIdentity(
        [
            new Claim(MediationClaimTypes.UserId, user.Id.ToString()), new Claim(MediationClaimTypes.UserName, userName),
            new Claim(MediationClaimTypes.OrgUnitId, unit.Id.ToString()), new Claim(MediationClaimTypes.OrgUnitPath, unit.Path),
        ], "test", MediationClaimTypes.UserName, ClaimTypes.Role);
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await action(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }

    [Fact]
    public async Task A_petition_office_hands_a_dispute_over_through_the_contract_and_the_outcome_flows_back()
    {
        var (committee, mediatorId) = await CommitteeAsync();
        var petitionId = "petition-" + Guid.NewGuid().ToString("N")[..12];
        var request = new HandOverCaseRequest(committee.Id, petitionId, DisputeType.HousingHomestead, "信访人反映宅基地边界争议，经本人同意移交调解", Parties());

        var (committees, handedOver, again) = await AsUserAsync("demo.petitionofficer", async services =>
        {
            var intake = services.GetRequiredService<ICaseIntakeIntegrationService>();
            var taishan = await services.GetRequiredService<MediationDbContext>().Set<OrgUnit>().SingleAsync(u => u.Code == "370902");
            return (await intake.ListCommitteesAsync(taishan.Id, CancellationToken.None),
                await intake.RegisterHandedOverCaseAsync(request, CancellationToken.None),
                await intake.RegisterHandedOverCaseAsync(request, CancellationToken.None));
        });
        committees.ShouldContain(c => c.Id == committee.Id && c.MediatorCount == 1);
        handedOver.AlreadyRegistered.ShouldBeFalse();
        handedOver.Number.ShouldStartWith(committee.ShortName + "调〔");
        (again.CaseId, again.AlreadyRegistered).ShouldBe((handedOver.CaseId, true));

        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await (await mediator.GetAsync($"/api/cases/{handedOver.CaseId}")).ReadAsync<CaseDto>();
        (registered.Source, registered.SourceRecordId, registered.MediatorIds.Single()).ShouldBe((CaseSource.PetitionHandover, petitionId, mediatorId));
        (await ClockAsync(handedOver.CaseId, "mediation.term")).Status.ShouldBe(ClockStatus.Running);

        var refused = await Should.ThrowAsync<BusinessException>(() => AsUserAsync("demo.petitionofficer", services =>
            services.GetRequiredService<ICaseIntakeIntegrationService>().RegisterHandedOverCaseAsync(
                request with { SourceRecordId = petitionId + "-2", Parties = [Parties()[0] with { ConsentsToMediation = false }, Parties()[1]] }, CancellationToken.None)));
        refused.Code.ShouldBe(CasesErrorCodes.PartyConsentMissing);
        await Should.ThrowAsync<EntityNotFoundException>(() => AsUserAsync("demo.mediator.daiyue", services =>
            services.GetRequiredService<ICaseIntakeIntegrationService>().RegisterHandedOverCaseAsync(request with { SourceRecordId = petitionId + "-3" }, CancellationToken.None)));

        (await mediator.PostJsonAsync($"/api/cases/{handedOver.CaseId}/conclude", WrittenAgreement() with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{handedOver.CaseId}/conclude") })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var outbox = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().OutboxMessages
            .Where(m => m.EventName == CaseConcludedEto.EventName).ToListAsync();
        var payload = System.Text.Json.JsonDocument.Parse(outbox.Single(m => m.Payload.Contains(petitionId, StringComparison.Ordinal)).Payload).RootElement;
        string Text(string name) => payload.EnumerateObject().Single(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
        Text("SourceRecordId").ShouldBe(petitionId);
        Text("Outcome").ShouldBeOneOf("Succeeded", "0");
        Text("Number").ShouldBe(handedOver.Number);
        Text("AgreementSummary").ShouldContain("李某将院墙恢复至测绘图所示位置");
        Text("ConcludedAt").ShouldNotStartWith("0001");
    }
}

public sealed class CasesFollowUpApi_Tests_on_Sqlite(SqliteApp app) : CasesFollowUpApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class CasesFollowUpApi_Tests_on_PostgreSql(PostgresCluster cluster) : CasesFollowUpApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
