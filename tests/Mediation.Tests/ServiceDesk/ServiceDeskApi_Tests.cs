using Mediation.Core.Web;
using System.Net;
using Mediation.Cases;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

public abstract class ServiceDeskApi_Tests : ProviderTests
{
    private async Task<HttpClient> OfficerAsync(string userName = Officer) => await ClientAsync(userName: userName);

    private async Task<List<DeadlineClockDto>> ClocksAsync(Guid requestId) =>
        await OkAsync<List<DeadlineClockDto>>(await (await OfficerAsync()).GetAsync($"/api/deadlines/clocks?recordType={RequestAppService.RecordType}&recordId={requestId}"));

    [Fact]
    public async Task An_enterprise_signs_up_is_approved_and_its_request_is_acknowledged_at_once_with_its_number()
    {
        var app = await AppAsync();
        var anonymous = await AnonymousClientAsync("en");
        var bad = await anonymous.PostJsonAsync("/api/service-desk/enterprises/sign-up",
            SignUpInput(CreditCodes.WithWrongCheck(CreditCodes.New())) with { ContactPhone = "12345" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await bad.Content.ReadAsStringAsync());
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        errors.GetProperty("creditCode")[0].GetProperty("code").GetString().ShouldBe(ServiceDeskErrorCodes.CreditCodeInvalid);
        errors.TryGetProperty("contactPhone", out _).ShouldBeTrue();

        var (pending, client, _) = await EnterpriseAsync(app, approve: false);
        (pending.Status, pending.ContactPhone).ShouldBe((EnterpriseStatus.Pending, "138****8000"));
        await ShouldBeRefusedAsync(await client.PostJsonAsync("/api/service-desk/portal/requests", new FileRequestInput(RequestKind.PolicyConsultation,
            "资质升级政策", "咨询建筑业企业资质升级的条件", null, false, [])), ServiceDeskErrorCodes.EnterpriseNotApproved);
        await ShouldBeRefusedAsync(await anonymous.PostJsonAsync("/api/service-desk/enterprises/sign-up", SignUpInput(pending.CreditCode)),
            ServiceDeskErrorCodes.CreditCodeTaken, HttpStatusCode.Conflict);

        var officer = await OfficerAsync();
        var approved = await OkAsync<EnterpriseDto>(await officer.PostJsonAsync($"/api/service-desk/enterprises/{pending.Id}/decision",
            new DecideEnterpriseInput(true, null, pending.ConcurrencyStamp)));
        approved.Status.ShouldBe(EnterpriseStatus.Approved);
        // People by name and unit in the API (issue 20): the login stays in the field, the name and unit beside it.
        (approved.DecidedBy, approved.DecidedByName, approved.DecidedByUnit).ShouldBe((Officer, "演示接诉即办窗口人员", "肥城市"));
        var filed = await FileAsync(client, RequestKind.PolicyConsultation, urgent: true);
        (filed.SubmittedByName, filed.SubmittedByUnit).ShouldBe(("钱某某", "肥城市"));
        filed.Number.ShouldMatch(@"^肥城接诉〔\d{4}〕\d+号$");
        (filed.Status, filed.Urgent, filed.EnterpriseName).ShouldBe((RequestStatus.Submitted, true, approved.Name));
        var clock = (await ClocksAsync(filed.Id)).ShouldHaveSingleItem();
        (clock.Policy, clock.DueAt).ShouldBe((ServiceDeskPolicies.AcknowledgementUrgent, (DateTimeOffset?)filed.AcknowledgementDueAt));
        (filed.AcknowledgementDueAt - filed.SubmittedAt).ShouldBeInRange(TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        var unassigned = (await OkAsync<PagedList<DeskRequestSummaryDto>>(await officer.GetAsync("/api/service-desk/requests?view=Unassigned"))).Items;
        unassigned.ShouldContain(r => r.Id == filed.Id);
    }

    [Fact]
    public async Task An_enterprise_user_sees_only_his_enterprise_and_no_staff_api_or_page()
    {
        var app = await AppAsync();
        var (mine, me, _) = await EnterpriseAsync(app);
        var (_, other, _) = await EnterpriseAsync(app);
        var theirs = await FileAsync(other);
        var own = await FileAsync(me);

        var list = (await OkAsync<PagedList<DeskRequestSummaryDto>>(await me.GetAsync("/api/service-desk/portal/requests"))).Items;
        list.Select(r => r.Id).ShouldBe([own.Id]);
        (await me.GetAsync($"/api/service-desk/portal/requests/{theirs.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.PostJsonAsync($"/api/service-desk/portal/requests/{theirs.Id}/rating", new RateInput(ServiceRating.Satisfied, null)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.PostJsonAsync($"/api/service-desk/portal/requests/{theirs.Id}/materials", new SupplyMaterialsInput(["evidence"], null)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync<EnterpriseDto>(await me.GetAsync("/api/service-desk/portal/enterprise"))).Id.ShouldBe(mine.Id);

        // Every staff endpoint of the desk, and the staff APIs and pages of the other modules.
        string[] staffGets =
        [
            "/api/service-desk/requests", $"/api/service-desk/requests/{theirs.Id}", $"/api/service-desk/requests/{own.Id}", "/api/service-desk/enterprises",
            $"/api/service-desk/enterprises/{mine.Id}", "/api/service-desk/visits", "/api/service-desk/ledger", "/api/service-desk/rates",
            $"/api/service-desk/requests/{own.Id}/committees", "/api/cases", "/api/cases/committees", "/api/petitions", "/api/legal-windows/windows",
            "/api/legal-windows/records", "/api/joint-meetings/meetings", "/api/identity/users", "/api/deadlines/dashboard", "/api/audit",
            $"/api/deadlines/clocks?recordType={RequestAppService.RecordType}&recordId={own.Id}",
        ];
        foreach (var url in staffGets)
            (await me.GetAsync(url)).StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], url);
        foreach (var url in new[] { "/api/service-desk/requests/{0}/take", "/api/service-desk/requests/{0}/conclude", "/api/service-desk/requests/{0}/transfer",
                     "/api/service-desk/requests/{0}/materials-notice", "/api/service-desk/requests/{0}/review", "/api/service-desk/requests/{0}/mediation" })
            (await me.PostJsonAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, own.Id), new { })).StatusCode
                .ShouldBe(HttpStatusCode.Forbidden, url);
        (await me.PostJsonAsync($"/api/service-desk/enterprises/{mine.Id}/decision", new DecideEnterpriseInput(true, null, mine.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var page in new[] { "/Cases", "/Petitions", "/LegalWindows", "/Admin/Users" })
        {
            var response = await me.GetAsync(page);
            response.StatusCode.ShouldNotBe(HttpStatusCode.OK, page);
        }

        // Staff of another county hold Desk.Read but not the 肥城 desk's records.
        var taishan = await ClientAsync(userName: "demo.coordinator");
        (await taishan.GetAsync($"/api/service-desk/requests/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // And a desk officer has no portal.
        (await (await OfficerAsync()).GetAsync("/api/service-desk/portal/requests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_enterprise_admin_adds_a_colleague_who_sees_the_same_requests()
    {
        var app = await AppAsync();
        var (_, admin, _) = await EnterpriseAsync(app);
        var filed = await FileAsync(admin, RequestKind.ServiceRequest);
        var userName = "ent.colleague." + Suffix();
        var enterprise = await OkAsync<EnterpriseDto>(await admin.PostJsonAsync("/api/service-desk/portal/enterprise/colleagues",
            new AddColleagueInput(userName, "孙某某", MediationAppFactory.DemoPassword)));
        enterprise.Members.Count.ShouldBe(2);
        var colleague = await app.ClientAsAsync(userName);
        ((await OkAsync<PagedList<DeskRequestSummaryDto>>(await colleague.GetAsync("/api/service-desk/portal/requests"))).Items).ShouldHaveSingleItem().Id.ShouldBe(filed.Id);
        await ShouldBeRefusedAsync(await colleague.PostJsonAsync("/api/service-desk/portal/enterprise/colleagues",
            new AddColleagueInput("ent.x." + Suffix(), "周某某", MediationAppFactory.DemoPassword)), ServiceDeskErrorCodes.NotEnterpriseAdmin, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_first_responder_stays_accountable_through_a_transfer()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        var colleague = await OfficerAsync(Colleague);
        var taken = await TakeAsync(officer, await FileAsync(enterprise));
        taken.FirstResponderName.ShouldBe("演示接诉即办窗口人员");
        (await ClocksAsync(taken.Id)).Single(c => c.Status != ClockStatus.Stopped).Policy.ShouldBe(ServiceDeskPolicies.Feedback);

        await ShouldBeRefusedAsync(await colleague.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已办结", taken.ConcurrencyStamp)), ServiceDeskErrorCodes.NotOwner, HttpStatusCode.Forbidden);
        var colleagueId = (await OkAsync<MeDto>(await colleague.GetAsync("/api/auth/me"))).Id;
        var bad = await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/transfer", new TransferInput(colleagueId, null, null, taken.ConcurrencyStamp));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var transferred = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/transfer",
            new TransferInput(colleagueId, null, "乙熟悉建设工程款纠纷", taken.ConcurrencyStamp)));
        (transferred.OwnerName, transferred.FirstResponderName) .ShouldBe(("演示接诉即办窗口人员乙", "演示接诉即办窗口人员"));
        transferred.Transfers.ShouldHaveSingleItem().Reason.ShouldBe("乙熟悉建设工程款纠纷");

        ((await OkAsync<PagedList<DeskRequestSummaryDto>>(await officer.GetAsync("/api/service-desk/requests?view=Mine"))).Items).ShouldContain(r => r.Id == taken.Id);
        ((await OkAsync<PagedList<DeskRequestSummaryDto>>(await colleague.GetAsync("/api/service-desk/requests?view=Mine"))).Items).ShouldContain(r => r.Id == taken.Id);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已办结", transferred.ConcurrencyStamp)), ServiceDeskErrorCodes.NotOwner, HttpStatusCode.Forbidden);
        var concluded = await OkAsync<DeskRequestDto>(await colleague.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已协调总包方支付工程款", transferred.ConcurrencyStamp)));
        concluded.Status.ShouldBe(RequestStatus.Concluded);
        (await ClocksAsync(taken.Id)).ShouldAllBe(c => c.Status == ClockStatus.Stopped);
    }

    [Fact]
    public async Task The_materials_notice_lists_every_gap_pauses_the_feedback_clock_and_supply_resumes_it()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        var taken = await TakeAsync(officer, await FileAsync(enterprise, RequestKind.ComplaintReport), complex: true);
        (await ClocksAsync(taken.Id)).Single(c => c.Status == ClockStatus.Running).Policy.ShouldBe(ServiceDeskPolicies.FeedbackComplex);

        var noticed = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/materials-notice",
            new MaterialsNoticeInput(["现场照片"], null, taken.ConcurrencyStamp)));
        noticed.Status.ShouldBe(RequestStatus.AwaitingMaterials);
        noticed.MaterialsNotices.ShouldHaveSingleItem().Items.Select(i => i.Name).ShouldBe(["经办人授权委托书及身份证明", "相关事实的证据材料", "现场照片"]);
        var notice = noticed.MaterialsNotices[0];
        (notice.IssuedBy, notice.IssuedByName, notice.IssuedByUnit).ShouldBe((Officer, "演示接诉即办窗口人员", "肥城市"));
        noticed.FeedbackPaused.ShouldBeTrue();
        (await ClocksAsync(taken.Id)).Single(c => c.Status != ClockStatus.Stopped).Status.ShouldBe(ClockStatus.Paused);

        await ShouldBeRefusedAsync(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/materials",
            new SupplyMaterialsInput(["contract"], null)), ServiceDeskErrorCodes.NotRequested);
        var partly = await OkAsync<DeskRequestDto>(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/materials",
            new SupplyMaterialsInput(["authorisation", "evidence"], "已上传")));
        (partly.Status, partly.FeedbackPaused).ShouldBe((RequestStatus.AwaitingMaterials, true));
        var resumed = await OkAsync<DeskRequestDto>(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/materials",
            new SupplyMaterialsInput(["现场照片"], null)));
        (resumed.Status, resumed.FeedbackPaused).ShouldBe((RequestStatus.InHandling, false));
        (await ClocksAsync(taken.Id)).Single(c => c.Status != ClockStatus.Stopped).Status.ShouldBe(ClockStatus.Running);

        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/materials-notice",
            new MaterialsNoticeInput(["施工日志"], null, resumed.ConcurrencyStamp)), ServiceDeskErrorCodes.ItemNotOnFirstNotice);
        var second = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/materials-notice",
            new MaterialsNoticeInput(["施工日志"], "现场照片显示停工日期与投诉不符，需施工日志核实", resumed.ConcurrencyStamp)));
        second.MaterialsNotices.Count.ShouldBe(2);
        second.Timeline.Select(t => t.Kind).ShouldBe(["Filed", "Taken", "MaterialsNotice", "MaterialsSupplied", "MaterialsSupplied", "MaterialsNotice"]);
    }

    [Fact]
    public async Task A_dissatisfied_rating_reopens_the_request_after_the_desk_heads_review()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        var taken = await TakeAsync(officer, await FileAsync(enterprise, RequestKind.ServiceRequest));
        var concluded = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已协调住建部门办理施工许可", taken.ConcurrencyStamp)));

        await ShouldBeRefusedAsync(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/rating",
            new RateInput(ServiceRating.Dissatisfied, null)), ServiceDeskErrorCodes.DissatisfiedNeedsComment);
        var rated = await OkAsync<DeskRequestDto>(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/rating",
            new RateInput(ServiceRating.Dissatisfied, "许可证仍未发放")));
        rated.Status.ShouldBe(RequestStatus.UnderReview);

        (await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/review", new ReviewInput(true, "重新办理", rated.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var head = await ClientAsync(userName: Head);
        var reopened = await OkAsync<DeskRequestDto>(await head.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/review",
            new ReviewInput(true, "许可证未发放属实，重新办理", rated.ConcurrencyStamp)));
        (reopened.Status, reopened.OwnerId, reopened.Rating).ShouldBe((RequestStatus.InHandling, taken.OwnerId, (ServiceRating?)null));
        var expected = DeadlineCalculator.Compute(Calendars.Policy(ServiceDeskPolicies.Feedback), DateTimeOffset.UtcNow, Calendars.Published).DueDate;
        (reopened.FeedbackDueOn, reopened.FeedbackPaused).ShouldBe((expected, false), "a new 7-day period from the reopening");

        var again = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("施工许可证已发放", reopened.ConcurrencyStamp)));
        var closed = await OkAsync<DeskRequestDto>(await enterprise.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/rating",
            new RateInput(ServiceRating.Satisfied, "办得快")));
        closed.Status.ShouldBe(RequestStatus.Closed);
        again.Timeline.Select(t => t.Kind).ShouldContain("Reopened");
    }

    [Fact]
    public async Task A_legal_matter_is_handed_to_mediation_through_the_cases_contract()
    {
        var app = await AppAsync();
        var coordinator = await ClientAsync(userName: "demo.coordinator.taian");
        var feicheng = await app.UnitIdAsync(DemoAccounts.FeichengCode);
        var committee = await OkAsync<CommitteeDto>(await coordinator.PostJsonAsync("/api/cases/committees", new CreateCommitteeInput(feicheng,
            "肥城市建设工程纠纷人民调解委员会" + Suffix(), "肥建" + Suffix(), CommitteeKind.Specialised, CommitteeSpecialty.Labour)), HttpStatusCode.Created);
        var mediator = await OkAsync<MeDto>(await (await ClientAsync(userName: "demo.mediator")).GetAsync("/api/auth/me"));
        await OkAsync<CommitteeDto>(await coordinator.PostJsonAsync($"/api/cases/committees/{committee.Id}/mediators", new AddMediatorInput(mediator.Id, "张调解", true)));
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        var policy = await TakeAsync(officer, await FileAsync(client, RequestKind.PolicyConsultation));
        var taken = await TakeAsync(officer, await FileAsync(client));

        var input = new HandOffToMediationInput(committee.Id, DisputeType.Contract, null, true,
            [new MediationPartyInput(PartyKind.Organisation, "泰安某建设集团有限公司", null, CreditCodes.New(), null, true)], taken.ConcurrencyStamp);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{policy.Id}/mediation", input with { ConcurrencyStamp = policy.ConcurrencyStamp }),
            ServiceDeskErrorCodes.NotALegalMatter);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/mediation",
            input with { OtherParties = [input.OtherParties![0] with { Consents = false }] }), ServiceDeskErrorCodes.ConsentMissing);
        (await OkAsync<List<CommitteeSummaryDto>>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}/committees"))).ShouldContain(c => c.Id == committee.Id);

        var handed = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/mediation", input));
        var route = handed.LegalRoute.ShouldNotBeNull();
        (route.Route, route.CaseId).ShouldNotBe((LegalRoute.Court, null));
        route.Route.ShouldBe(LegalRoute.Mediation);
        var registered = await OkAsync<CaseDto>(await coordinator.GetAsync($"/api/cases/{route.CaseId}"));
        registered.Source.ShouldBe(CaseSource.ServiceDeskReferral);
        registered.Parties.Select(p => p.Name).ShouldContain(enterprise.Name);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/route",
            new LegalRouteInput(LegalRoute.Court, "肥城市人民法院", null, handed.ConcurrencyStamp)), ServiceDeskErrorCodes.RouteAlreadyRecorded);
    }

    [Fact]
    public async Task A_problem_raised_on_a_visit_becomes_a_request_in_one_step()
    {
        var app = await AppAsync();
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        var visit = await OkAsync<VisitDto>(await officer.PostJsonAsync("/api/service-desk/visits", new RecordEnterpriseVisitInput(enterprise.Id,
            DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), "演示接诉即办窗口人员、演示接诉即办窗口人员乙", "钱经理",
            [new VisitProblemInput("农民工工资专户开设慢"), new VisitProblemInput("施工许可办理流程咨询")])), HttpStatusCode.Created);
        (visit.RecordedBy, visit.RecordedByName, visit.RecordedByUnit).ShouldBe((Officer, "演示接诉即办窗口人员", "肥城市"));
        var request = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/visits/{visit.Id}/problems/1/request",
            new RaiseProblemInput(RequestKind.ServiceRequest, null, false)));
        (request.Status, request.VisitId, request.FirstResponderName, request.Description).ShouldBe(
            (RequestStatus.InHandling, (Guid?)visit.Id, "演示接诉即办窗口人员", "农民工工资专户开设慢"));
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/visits/{visit.Id}/problems/1/request",
            new RaiseProblemInput(RequestKind.ServiceRequest, null, false)), ServiceDeskErrorCodes.ProblemAlreadyRaised);
        ((await OkAsync<PagedList<DeskRequestSummaryDto>>(await client.GetAsync("/api/service-desk/portal/requests"))).Items).ShouldContain(r => r.Id == request.Id);
        var listed = ((await OkAsync<PagedList<VisitDto>>(await officer.GetAsync($"/api/service-desk/visits?enterpriseId={enterprise.Id}"))).Items).ShouldHaveSingleItem();
        (listed.Problems[0].RequestNumber, listed.RecordedByName).ShouldBe((request.Number, "演示接诉即办窗口人员"));
    }

    [Fact]
    public async Task The_three_rates_on_a_known_data_set_and_the_ledger_read_back_from_Excel()
    {
        var app = await AppAsync();
        var (enterprise, client, _) = await EnterpriseAsync(app);
        var officer = await OfficerAsync();
        // Five requests: four taken at once (on time), one left unassigned; three concluded; rated 满意, 基本满意, 不满意 (review upholds).
        var filed = new List<DeskRequestDto>();
        for (var i = 0; i < 5; i++) filed.Add(await FileAsync(client, RequestKind.PolicyConsultation));
        var taken = new List<DeskRequestDto>();
        foreach (var r in filed.Take(4)) taken.Add(await TakeAsync(officer, r));
        var ratings = new[] { ServiceRating.Satisfied, ServiceRating.BasicallySatisfied, ServiceRating.Dissatisfied };
        for (var i = 0; i < 3; i++)
        {
            await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken[i].Id}/conclude", new ConcludeInput("已答复", taken[i].ConcurrencyStamp)));
            await OkAsync<DeskRequestDto>(await client.PostJsonAsync($"/api/service-desk/portal/requests/{taken[i].Id}/rating", new RateInput(ratings[i], "意见")));
        }
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var rates = await OkAsync<DeskRatesDto>(await officer.GetAsync($"/api/service-desk/rates?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}&enterpriseId={enterprise.Id}"));
        (rates.Filed, rates.RespondedOnTime, rates.Concluded, rates.Rated, rates.Satisfied, rates.BasicallySatisfied, rates.Dissatisfied).ShouldBe((5, 4, 3, 3, 1, 1, 1));
        (rates.ResponseRate, rates.ResolutionRate, rates.SatisfactionRate).ShouldBe((0.8m, 0.6m, 0.6667m));
        var bad = await officer.GetAsync($"/api/service-desk/rates?from={today:yyyy-MM-dd}&to={today.AddDays(-2):yyyy-MM-dd}");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var document = await (await AnonymousClientAsync()).GetAsync("/openapi/v1.json");
        var json = await document.Content.ReadAsStringAsync();
        json.ShouldContain("响应率");
        json.ShouldContain("满意率 (satisfactionRate) = requests rated 满意 or 基本满意 ÷ requests rated");

        var response = await officer.GetAsync($"/api/service-desk/ledger?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}&enterpriseId={enterprise.Id}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(5);
        var first = rows.Single(r => (string?)r["编号"] == taken[0].Number);
        (first["企业"], first["类别"], first["状态"], first["评价"], first["首问负责人"], first["按时响应"]).ShouldBe(
            ((object?)enterprise.Name, (object?)"政策咨询", (object?)"已办结", (object?)"满意", (object?)"演示接诉即办窗口人员", (object?)"是"));
        ((string)first["时间线"]!).ShouldContain("Concluded");
        rows.Single(r => (string?)r["编号"] == filed[4].Number)["状态"].ShouldBe("待受理");
        (await (await ClientAsync(userName: "demo.enterpriseuser")).GetAsync("/api/service-desk/ledger")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ServiceDeskApi_Tests_on_Sqlite(SqliteApp app) : ServiceDeskApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskApi_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
