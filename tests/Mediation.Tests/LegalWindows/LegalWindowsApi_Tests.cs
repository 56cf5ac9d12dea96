using Mediation.Core.Web;
using System.Net;
using Mediation.Cases;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.Security;
using Mediation.LegalWindows;
using Mediation.LegalWindows.Application;
using Mediation.LegalWindows.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Cases;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.LegalWindows.LegalWindowSetup;

namespace Mediation.Tests.LegalWindows;

public abstract class LegalWindowsApi_Tests : ProviderTests
{
    private const string PersonId = "11010519491231002X";

    private async Task<HttpClient> AdvisorClientAsync(string? language = null) => await ClientAsync(language, Advisor);

    private async Task<WindowDto> DaidongAsync() =>
        (await OkAsync<List<WindowDto>>(await (await AdvisorClientAsync()).GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");

    private static RecordServiceInput Consultation(Guid windowId, string? idCard = PersonId) => new(windowId, ServiceKind.Consultation,
        DateTimeOffset.UtcNow.AddMinutes(-30), new ServedPersonInput("王某某", idCard, "13800138000"), "邻居翻建院墙占用宅基地" + Suffix(),
        "告知可申请人民调解", 25, "民法典第二百八十八条");

    [Fact]
    public async Task The_demo_advisor_sees_his_windows_who_is_on_duty_and_todays_records()
    {
        var advisor = await AdvisorClientAsync();
        var windows = await OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"));
        windows.Select(w => w.ShortName).Order().ShouldBe(["东七里法", "岱东法"]); // not 保安村 of 宁阳县
        var daidong = windows.Single(w => w.ShortName == "岱东法");
        daidong.Advisors.ShouldHaveSingleItem().Name.ShouldBe("演示法律顾问");

        var duty = await OkAsync<OnDutyDto>(await advisor.GetAsync($"/api/legal-windows/windows/{daidong.Id}/on-duty"));
        duty.Shift.ShouldNotBeNull().AdvisorName.ShouldBe("演示法律顾问");

        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var records = (await OkAsync<PagedList<ServiceRecordSummaryDto>>(await advisor.GetAsync($"/api/legal-windows/records?windowId={daidong.Id}&on={today:yyyy-MM-dd}"))).Items;
        records.Select(r => r.Kind).ShouldContain(ServiceKind.Consultation);
        records.Select(r => r.Kind).ShouldContain(ServiceKind.CivilAgency);
        records.ShouldAllBe(r => r.Number.StartsWith("岱东法〔"));
    }

    [Fact]
    public async Task A_consultation_is_recorded_numbered_and_its_personal_data_masked()
    {
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)), HttpStatusCode.Created);

        record.Number.ShouldMatch(@"^岱东法〔\d{4}〕\d+号$");
        (record.IdCardNumber, record.Phone).ShouldBe(("1101**********002X", "138****8000"));
        (record.AdvisorName, record.Minutes, record.Errand).ShouldBe(("演示法律顾问", (int?)25, (ErrandDto?)null));
        // An advisor holds no Pii.Reveal; the full number stays in the cipher text.
        (await advisor.PostAsync($"/api/legal-windows/records/{record.Id}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var bad = await (await AdvisorClientAsync("en")).PostJsonAsync("/api/legal-windows/records", Consultation(window.Id, "110105194912310021") with
        {
            Advice = null, Person = new ServedPersonInput("王某某", "110105194912310021", "12345"),
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "person.idCardNumber", "person.phone", "advice" }) errors.TryGetProperty(field, out _).ShouldBeTrue(field);
    }

    [Fact]
    public async Task A_holder_of_the_reveal_permission_sees_the_full_numbers_and_the_reveal_is_audited()
    {
        var window = await DaidongAsync();
        var record = await OkAsync<ServiceRecordDto>(await (await AdvisorClientAsync()).PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)),
            HttpStatusCode.Created);
        // No role holds both by default: the security administrator grants Pii.Reveal to the 司法所's unit heads, as a deployment would.
        var security = await ClientAsync(userName: "demo.securityadmin");
        var unitHeads = (await OkAsync<List<RoleDto>>(await security.GetAsync("/api/identity/roles"))).Single(r => r.Name == RoleNames.UnitHead).Permissions;
        var head = await ClientAsync(userName: UnitHead);
        (await head.PostAsync($"/api/legal-windows/records/{record.Id}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await security.PutJsonAsync($"/api/identity/roles/{RoleNames.UnitHead}/permissions", new SetRolePermissionsInput([.. unitHeads, CorePermissions.Pii.Reveal])))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            var revealed = await OkAsync<RevealedPersonDto>(await head.PostAsync($"/api/legal-windows/records/{record.Id}/reveal", null));
            revealed.ShouldBe(new RevealedPersonDto(PersonId, "13800138000"));

            await using var scope = (await AppAsync()).Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var audit = await db.Set<AuditEntry>().Where(a => a.Action == AuditActions.PersonalDataRevealed && a.EntityId == record.Id.ToString()).ToListAsync();
            var entry = audit.ShouldHaveSingleItem();
            (entry.EntityType, entry.UserName).ShouldBe(("ServiceRecord", UnitHead));
            entry.Details.ShouldNotBeNull().ShouldContain("IdCardNumber");
            entry.Details.ShouldNotContain(PersonId);
            // The record itself still shows the masked numbers.
            (await OkAsync<ServiceRecordDto>(await head.GetAsync($"/api/legal-windows/records/{record.Id}"))).IdCardNumber.ShouldBe("1101**********002X");
        }
        finally
        {
            (await security.PutJsonAsync($"/api/identity/roles/{RoleNames.UnitHead}/permissions", new SetRolePermissionsInput(unitHeads)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task An_errand_gets_its_due_date_moves_on_and_closes_its_clock()
    {
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var errand = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new RecordServiceInput(window.Id,
            ServiceKind.CivilAgency, null, new ServedPersonInput("李某某", null, null), "代为申请法律援助", null, 10, null)), HttpStatusCode.Created);
        var expected = DeadlineCalculator.Compute(Calendars.Policy(LegalWindowPolicies.Errand), DateTimeOffset.UtcNow, Calendars.Published).DueDate;
        errand.Errand.ShouldNotBeNull().Status.ShouldBe(ErrandStatus.Accepted);
        errand.Errand.DueOn.ShouldBe(expected);

        await ShouldBeRefusedAsync(await advisor.PostJsonAsync($"/api/legal-windows/records/{errand.Id}/errand/done",
            new ErrandStepInput("已提交", errand.ConcurrencyStamp)), LegalWindowsErrorCodes.ErrandNotStarted);
        var started = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{errand.Id}/errand/start",
            new ErrandStepInput("已联系法律援助中心", errand.ConcurrencyStamp)));
        started.Errand!.Status.ShouldBe(ErrandStatus.InProgress);
        var done = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{errand.Id}/errand/done",
            new ErrandStepInput("申请材料已提交区法律援助中心", started.ConcurrencyStamp)));
        (done.Errand!.Status, done.Errand.Note).ShouldBe((ErrandStatus.Done, "申请材料已提交区法律援助中心"));
        var clocks = await OkAsync<List<Mediation.Core.Deadlines.Application.DeadlineClockDto>>(
            await advisor.GetAsync($"/api/deadlines/clocks?recordType={ServiceRecordAppService.RecordType}&recordId={errand.Id}"));
        clocks.ShouldHaveSingleItem().Status.ShouldBe(ClockStatus.Stopped);
    }

    [Fact]
    public async Task A_referred_dispute_becomes_a_mediation_case_and_its_outcome_comes_back()
    {
        var app = await AppAsync();
        var (committee, _) = await CaseSetup.CommitteeAsync(app);
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)), HttpStatusCode.Created);

        var check = await OkAsync<ReferralCheckDto>(await advisor.GetAsync($"/api/legal-windows/records/{record.Id}/referral"));
        check.CanRefer.ShouldBeTrue();
        check.Committees.ShouldContain(c => c.Id == committee.Id);
        var input = new ReferToMediationInput(committee.Id, DisputeType.HousingHomestead, null, true,
            [new ReferralPartyInput(PartyKind.Person, "李某某", CaseSetup.PartyId2, null, null, "岱东社区 5 号", true)], record.ConcurrencyStamp);
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync($"/api/legal-windows/records/{record.Id}/referral",
            input with { OtherParties = [input.OtherParties![0] with { Consents = false }] }), LegalWindowsErrorCodes.ConsentMissing);

        var referred = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{record.Id}/referral", input));
        var referral = referred.Referral.ShouldNotBeNull();
        referral.ConsentingParties.ShouldBe(["王某某", "李某某"]);
        var advisorNamed = await app.ActorNameAndUnitAsync(Advisor);
        (referral.ReferredBy, referral.ReferredByName, referral.ReferredByUnit).ShouldBe((Advisor, advisorNamed.Name, advisorNamed.Unit),
            "who referred it by name and unit, in two fields (issue 20)");
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync($"/api/legal-windows/records/{record.Id}/referral",
            input with { ConcurrencyStamp = referred.ConcurrencyStamp }), LegalWindowsErrorCodes.AlreadyReferred);

        var mediator = await ClientAsync(userName: "demo.mediator");
        var registered = await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{referral.CaseId}"));
        (registered.Source, registered.SourceRecordId, registered.Number).ShouldBe((CaseSource.LegalWindowReferral, record.Id.ToString(), referral.CaseNumber));
        registered.Parties.Select(p => p.IdCardNumber).ShouldBe(["1101**********002X", "3709**********1230"]);
        // Nobody registers a referral case by hand: its outcome would drive the window's record.
        (await mediator.PostJsonAsync("/api/cases", new RegisterCaseInput(committee.Id, DisputeType.Neighbourhood, "手工", null, null,
            CaseSource.LegalWindowReferral, record.Id.ToString(), [], [], RiskGrade.Blue, null))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var inMediation = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-1), "岱东社区调解室", ["调解员", "王某某", "李某某"], "双方同意按测绘图划界", [], registered.ConcurrencyStamp)));
        (await mediator.PostJsonAsync($"/api/cases/{inMediation.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
                "李某某翻建院墙向王某某一侧延伸约0.3米", "宅基地边界", "李某某负主要责任",
                [new AgreementTermInput("李某某将院墙恢复至测绘图所示位置", null, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)))],
                null, null, null, false, null, inMediation.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var back = await Eventually.Async(async () => await OkAsync<ServiceRecordDto>(await advisor.GetAsync($"/api/legal-windows/records/{record.Id}")),
            r => r.Referral!.Result is not null, "the mediation's result on the service record");
        back.Referral!.Result.ShouldBe(ReferralResult.Succeeded);
        back.Referral.Detail.ShouldNotBeNull().ShouldContain("测绘图");
    }

    [Fact]
    public async Task An_advisor_takes_part_in_a_committees_session_which_names_him_and_counts_as_a_civil_mediation_of_his_window()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var heldAt = DateTimeOffset.UtcNow.AddHours(-3);
        var inSession = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            heldAt, "岱东社区调解室", ["张调解", "王某某", "李某某"], "双方陈述排水沟改道经过", [], registered.ConcurrencyStamp)));
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var input = new ParticipateInMediationInput(window.Id, registered.Number, 1, 90, "释明民法典第二百九十条相邻排水规定", true);

        // Refused before anything is written: no consent (人民调解法 Art. 20), no such case, no such session, a case of another county.
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync("/api/legal-windows/records/mediation-participation", input with { PartiesConsent = false }),
            CasesErrorCodes.ParticipantConsentMissing);
        var unknown = await advisor.PostJsonAsync("/api/legal-windows/records/mediation-participation", input with { CaseNumber = "泰山调〔2026〕99999号" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("caseNumber", out _).ShouldBeTrue();
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync("/api/legal-windows/records/mediation-participation", input with { SessionNumber = 2 }),
            CasesErrorCodes.SessionNotFound);
        (await (await ForeignAdvisorAsync(app)).PostJsonAsync("/api/legal-windows/records/mediation-participation", input))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound); // his scope holds neither the window nor the case
        (await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{registered.Id}"))).Sessions.Single().Participants.ShouldBeEmpty();

        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records/mediation-participation", input), HttpStatusCode.Created);
        (record.Kind, record.AdvisorName, record.Minutes, record.Advice).ShouldBe((ServiceKind.CivilMediation, "演示法律顾问", (int?)90, "释明民法典第二百九十条相邻排水规定"));
        record.Participation.ShouldBe(new MediationParticipationDto(registered.Id, registered.Number, 1));
        record.Matter.ShouldNotBeNull().ShouldStartWith($"参与调解{registered.Number}第1次调解");
        record.ServedAt.ShouldBe(heldAt, TimeSpan.FromSeconds(1));
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync("/api/legal-windows/records/mediation-participation", input), CasesErrorCodes.AlreadyParticipant);
        await ShouldBeRefusedAsync(await advisor.PostJsonAsync($"/api/legal-windows/records/{record.Id}/referral", new ReferToMediationInput(committee.Id,
            DisputeType.Neighbourhood, null, true, [new ReferralPartyInput(PartyKind.Person, "李某某", CaseSetup.PartyId2, null, null, null, true)],
            record.ConcurrencyStamp)), LegalWindowsErrorCodes.AlreadyInMediation);

        var participant = (await OkAsync<CaseDto>(await mediator.GetAsync($"/api/cases/{registered.Id}"))).Sessions.Single().Participants.ShouldHaveSingleItem();
        participant.ShouldBe(new SessionParticipantDto("演示法律顾问", ParticipantRole.Lawyer, "泰安演示律师事务所", "岱东社区法律顾问"));
        var page = System.Net.WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases/{registered.Id}"));
        page.ShouldContain("邀请参与调解</strong>：演示法律顾问（律师，泰安演示律师事务所，岱东社区法律顾问）");

        var minutes = await OkAsync<CaseDocumentIssuedDto>(await mediator.PostAsync($"/api/cases/{registered.Id}/sessions/1/minutes", null), HttpStatusCode.Created);
        var text = Documents.PdfText.AllText(await (await mediator.GetAsync($"/api/documents/{minutes.DocumentId}")).Content.ReadAsByteArrayAsync());
        text.ShouldContain("邀请参与调解");
        text.ShouldContain("演示法律顾问（律师，泰安演示律师事务所，岱东社区法律顾问）");
        text.ShouldContain("演示法律顾问（签名）");

        var month = ChinaTime.ToChina(record.ServedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var ledger = new MemoryStream(await (await advisor.GetAsync($"/api/legal-windows/ledger?month={month}&windowId={window.Id}")).Content.ReadAsByteArrayAsync());
        var row = MiniExcelLibs.MiniExcel.Query(ledger, useHeaderRow: true).Cast<IDictionary<string, object?>>().Single(r => (string?)r["编号"] == record.Number);
        (row["服务类别"], row["参与调解"]).ShouldBe(((object?)"民事调解", (object?)$"{registered.Number}第1次调解"));
    }

    [Fact]
    public async Task A_daiyue_advisor_sees_nothing_of_taishan()
    {
        var app = await AppAsync();
        var window = await DaidongAsync();
        var record = await OkAsync<ServiceRecordDto>(await (await AdvisorClientAsync()).PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)),
            HttpStatusCode.Created);
        var foreign = await ForeignAdvisorAsync(app);

        (await OkAsync<List<WindowDto>>(await foreign.GetAsync("/api/legal-windows/windows"))).ShouldBeEmpty();
        ((await OkAsync<PagedList<ServiceRecordSummaryDto>>(await foreign.GetAsync("/api/legal-windows/records"))).Items).ShouldBeEmpty();
        (await OkAsync<List<AdvisorDto>>(await foreign.GetAsync("/api/legal-windows/advisors"))).ShouldNotContain(a => a.Name == "演示法律顾问");
        foreach (var url in new[]
                 {
                     $"/api/legal-windows/records/{record.Id}", $"/api/legal-windows/windows/{window.Id}", $"/api/legal-windows/windows/{window.Id}/on-duty",
                     $"/api/legal-windows/windows/{window.Id}/shifts", $"/api/legal-windows/records/{record.Id}/referral",
                     $"/api/legal-windows/coverage?orgUnitId={window.OrgUnitId}",
                 })
            (await foreign.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        (await foreign.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // An advisor sees his own windows only, not every window of the unit his account belongs to.
        var other = await AdvisorAsync(app, "王律师");
        var village = await VillageAsync(app, "王家村");
        var otherWindow = await WindowAsync(app, village.Id, other);
        (await (await AdvisorClientAsync()).GetAsync($"/api/legal-windows/windows/{otherWindow.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await OkAsync<WindowDto>(await (await ClientAsync(userName: UnitHead)).GetAsync($"/api/legal-windows/windows/{otherWindow.Id}"))).Id.ShouldBe(otherWindow.Id);
    }

    [Fact]
    public async Task The_roster_is_built_on_the_working_calendar_and_a_shift_is_swapped_with_its_reason()
    {
        var app = await AppAsync();
        var zhang = await AdvisorAsync(app, "张律师");
        var li = await AdvisorAsync(app, "李律师");
        var village = await VillageAsync(app, "排班村");
        var window = await WindowAsync(app, village.Id, zhang, li);
        var head = await ClientAsync(userName: UnitHead);
        var from = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(7);
        var to = from.AddDays(27);

        var shifts = await OkAsync<List<ShiftDto>>(await head.PostJsonAsync($"/api/legal-windows/windows/{window.Id}/roster", new GenerateRosterInput(from, to)));
        var expected = RosterPlanner.Plan(from, to, [zhang.Id, li.Id], RosterPlanner.WorkingWeek, [], Calendars.Published);
        shifts.Select(s => (s.Date, s.AdvisorId)).ShouldBe(expected.Select(p => (p.Date, p.AdvisorId)));
        await ShouldBeRefusedAsync(await head.PostJsonAsync($"/api/legal-windows/windows/{window.Id}/roster", new GenerateRosterInput(from, to)),
            LegalWindowsErrorCodes.RosterOverlaps);
        await ShouldBeRefusedAsync(await head.PostJsonAsync($"/api/legal-windows/windows/{window.Id}/roster", new GenerateRosterInput(to.AddDays(1), to.AddDays(90))),
            LegalWindowsErrorCodes.RosterTooLong);

        var first = shifts[0];
        var swapped = await OkAsync<ShiftDto>(await head.PostJsonAsync($"/api/legal-windows/shifts/{first.Id}/swap",
            new SwapShiftInput(li.Id, "张律师当日出庭", first.ConcurrencyStamp)));
        swapped.AdvisorName.ShouldBe("李律师");
        var swap = swapped.Swaps.ShouldHaveSingleItem();
        (swap.FromAdvisorName, swap.ToAdvisorName, swap.Reason, swap.SwappedBy).ShouldBe(("张律师", "李律师", "张律师当日出庭", UnitHead));
        (swap.SwappedByName, swap.SwappedByUnit).ShouldBe(("演示单位负责人", "泰山区"), "by name and unit (issue 20)");
        var noReason = await head.PostJsonAsync($"/api/legal-windows/shifts/{first.Id}/swap", new SwapShiftInput(zhang.Id, null, swapped.ConcurrencyStamp));
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await AdvisorClientAsync()).PostJsonAsync($"/api/legal-windows/shifts/{first.Id}/swap", new SwapShiftInput(zhang.Id, "r", swapped.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound); // not his window

        // Leaving the window leaves his future shifts uncovered.
        var current = await OkAsync<WindowDto>(await head.GetAsync($"/api/legal-windows/windows/{window.Id}"));
        (await head.DeleteAsync($"/api/legal-windows/windows/{window.Id}/advisors/{zhang.Id}?concurrencyStamp={current.ConcurrencyStamp}"))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await OkAsync<List<ShiftDto>>(await head.GetAsync($"/api/legal-windows/windows/{window.Id}/shifts?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        after.Where(s => s.AdvisorId is null).Select(s => s.Date).ShouldBe(expected.Where(p => p.AdvisorId == zhang.Id).Select(p => p.Date).Skip(0)
            .Where(d => d != first.Date));
    }

    [Fact]
    public async Task An_uncovered_shift_of_the_coming_week_is_flagged_to_the_township_once()
    {
        var app = await AppAsync();
        var village = await VillageAsync(app, "空班村");
        var window = await WindowAsync(app, village.Id);
        var head = await ClientAsync(userName: UnitHead);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        var shifts = await OkAsync<List<ShiftDto>>(await head.PostJsonAsync($"/api/legal-windows/windows/{window.Id}/roster",
            new GenerateRosterInput(today.AddDays(1), today.AddDays(20))));
        shifts.ShouldAllBe(s => s.AdvisorId == null);

        // The job runs as at 10:00 of the day the roster was counted from: run on the clock, a China midnight (16:00 UTC) falling
        // between the two moved its week a day on, and the shift of today + 8 was flagged too.
        var runAt = ChinaTime.StartOfDay(today).AddHours(10);
        int flagged;
        await using (var scope = app.Services.CreateAsyncScope())
            flagged = await scope.ServiceProvider.GetRequiredService<UncoveredShiftsJob>().RunAsync(runAt, CancellationToken.None);
        flagged.ShouldBeGreaterThanOrEqualTo(shifts.Count(s => s.Date <= today.AddDays(UncoveredShiftsJob.DaysAhead)));
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<UncoveredShiftsJob>().RunAsync(runAt, CancellationToken.None)).ShouldBe(0);

        var daimiao = await UnitAsync(app, DaimiaoCode);
        var inbox = await (await head.GetAsync($"/api/notifications/inbox?orgUnitId={daimiao.Id}")).Content.ReadAsStringAsync();
        var weekAhead = shifts.Where(s => s.Date <= today.AddDays(UncoveredShiftsJob.DaysAhead)).ToList();
        foreach (var shift in weekAhead)
            inbox.ShouldContain($"{window.Name} {shift.Date.Year}年{shift.Date.Month}月{shift.Date.Day}日 无法律顾问值班");
        foreach (var later in shifts.Except(weekAhead))
            inbox.ShouldNotContain($"{window.Name} {later.Date.Year}年{later.Date.Month}月{later.Date.Day}日");
    }

    [Fact]
    public async Task The_coverage_view_names_villages_without_an_advisor_and_advisors_with_too_many_villages()
    {
        var app = await AppAsync();
        var busy = await AdvisorAsync(app, "忙律师");
        var villages = new List<Guid>();
        for (var i = 0; i < WindowAppService.MaxVillagesPerAdvisor + 1; i++)
        {
            var village = await VillageAsync(app, "多村");
            await WindowAsync(app, village.Id, busy);
            villages.Add(village.Id);
        }
        var bare = await VillageAsync(app, "无顾问村");
        var daimiao = await UnitAsync(app, DaimiaoCode);

        var coverage = await OkAsync<CoverageDto>(await (await ClientAsync(userName: UnitHead)).GetAsync($"/api/legal-windows/coverage?orgUnitId={daimiao.Id}"));
        coverage.WithoutAdvisor.ShouldContain(v => v.OrgUnitId == bare.Id && v.TownshipName == "岱庙街道" && !v.HasWindow);
        coverage.WithoutAdvisor.ShouldNotContain(v => villages.Contains(v.OrgUnitId));
        coverage.Overloaded.ShouldContain(a => a.AdvisorId == busy.Id && a.VillageCount == WindowAppService.MaxVillagesPerAdvisor + 1);
        coverage.Tree[0].Name.ShouldBe("岱庙街道");
        coverage.Tree.Single(n => n.OrgUnitId == villages[0]).Advisors.ShouldBe(["忙律师"]);
        coverage.Tree.Single(n => n.OrgUnitId == villages[0]).Depth.ShouldBe(1);
    }

    [Fact]
    public async Task A_malformed_licence_number_a_window_outside_a_village_and_a_second_window_are_refused()
    {
        var app = await AppAsync();
        var head = await ClientAsync(userName: UnitHead);
        var taishan = await UnitAsync(app, "370902");
        var bad = await head.PostJsonAsync("/api/legal-windows/advisors", new RegisterAdvisorInput(taishan.Id, "赵律师", AdvisorKind.Lawyer, "所", "12345", null, null));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadJsonAsync()).GetProperty("errors").TryGetProperty("licenceNumber", out _).ShouldBeTrue();
        await ShouldBeRefusedAsync(await head.PostJsonAsync("/api/legal-windows/windows", new CreateWindowInput(taishan.Id, "区窗口", "区窗" + Suffix(), "大厅",
            new TimeOnly(9, 0), new TimeOnly(17, 0), null, null)), LegalWindowsErrorCodes.NotAVillage);
        var daidong = await UnitAsync(app, DaidongCode);
        await ShouldBeRefusedAsync(await head.PostJsonAsync("/api/legal-windows/windows", new CreateWindowInput(daidong.Id, "第二窗口", "二窗" + Suffix(), "大厅",
            new TimeOnly(9, 0), new TimeOnly(17, 0), null, null)), LegalWindowsErrorCodes.WindowExists);
    }

    [Fact]
    public async Task The_consultation_form_and_the_errand_receipt_are_issued_from_templates_and_read_back()
    {
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id) with
        {
            FollowUpNeeded = true, FollowUpNote = "一周后回访调解意愿",
        }), HttpStatusCode.Created);
        var issued = await OkAsync<ServiceDocumentDto>(await advisor.PostAsync($"/api/legal-windows/records/{record.Id}/document", null), HttpStatusCode.Created);
        issued.Number.ShouldBe(record.Number + "登记表");
        var text = Documents.PdfText.AllText(await (await advisor.GetAsync($"/api/documents/{issued.DocumentId}")).Content.ReadAsByteArrayAsync());
        foreach (var expected in new[] { "法律咨询登记表", record.Number, "咨询服务", "王某某", "1101**********002X", "告知可申请人民调解", "民法典第二百八十八条",
                     "25分钟", "一周后回访调解意愿", "演示法律顾问", "13709201510000001", "岱庙街道" })
            text.ShouldContain(expected);
        text.ShouldNotContain(PersonId);
        var again = await OkAsync<ServiceDocumentDto>(await advisor.PostAsync($"/api/legal-windows/records/{record.Id}/document", null), HttpStatusCode.Created);
        again.DocumentId.ShouldBe(issued.DocumentId);

        var errand = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new RecordServiceInput(window.Id,
            ServiceKind.CivilAgency, null, new ServedPersonInput("李某某", null, "13900139000"), "代为申请法律援助", null, null, null)), HttpStatusCode.Created);
        var receipt = await OkAsync<ServiceDocumentDto>(await advisor.PostAsync($"/api/legal-windows/records/{errand.Id}/document", null), HttpStatusCode.Created);
        var receiptText = Documents.PdfText.AllText(await (await advisor.GetAsync($"/api/documents/{receipt.DocumentId}")).Content.ReadAsByteArrayAsync());
        var due = errand.Errand!.DueOn!.Value;
        foreach (var expected in new[] { "代办事项回执", "李某某", "代为申请法律援助", $"{due.Year}年{due.Month}月{due.Day}日前办结", "139****9000", "0538-8000000" })
            receiptText.ShouldContain(expected);

        var welfare = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new RecordServiceInput(window.Id,
            ServiceKind.PublicWelfare, null, null, null, null, 60, null, Topic: "民法典进社区", Place: "社区广场", Attendance: 85)), HttpStatusCode.Created);
        welfare.Attendance.ShouldBe(85);
        await ShouldBeRefusedAsync(await advisor.PostAsync($"/api/legal-windows/records/{welfare.Id}/document", null), LegalWindowsErrorCodes.NoDocumentForKind);
    }

    [Fact]
    public async Task The_monthly_ledger_per_window_and_advisor_reads_back_from_Excel()
    {
        var app = await AppAsync();
        var window = await DaidongAsync();
        var advisor = await AdvisorClientAsync();
        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)), HttpStatusCode.Created);
        var month = ChinaTime.ToChina(record.ServedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var response = await advisor.GetAsync($"/api/legal-windows/ledger?month={month}&windowId={window.Id}&advisorId={record.AdvisorId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = rows.Single(r => (string?)r["编号"] == record.Number);
        (row["窗口"], row["法律顾问"], row["服务类别"], row["服务对象"], row["事项"]).ShouldBe(
            ((object?)"岱东社区法律服务窗口", (object?)"演示法律顾问", (object?)"咨询服务", (object?)"王某某", (object?)record.Matter));
        Convert.ToInt32(row["用时（分钟）"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(25);
        rows.ShouldAllBe(r => ((string)r["编号"]!).StartsWith("岱东法"));

        // The month after today's (China): no service can be recorded there yet. Not the record's month + 1, which is today's month when
        // the test runs across China's midnight at a month's end, and holds the services recorded since.
        var nextMonth = ChinaTime.ToChina(DateTimeOffset.UtcNow).AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var empty = new MemoryStream(await (await advisor.GetAsync($"/api/legal-windows/ledger?month={nextMonth}")).Content.ReadAsByteArrayAsync());
        MiniExcelLibs.MiniExcel.Query(empty, useHeaderRow: true).ShouldBeEmpty();
        var bad = await advisor.GetAsync("/api/legal-windows/ledger?month=2026-13");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await (await ForeignAdvisorAsync(app)).GetAsync($"/api/legal-windows/ledger?month={month}&windowId={window.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class LegalWindowsApi_Tests_on_Sqlite(SqliteApp app) : LegalWindowsApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class LegalWindowsApi_Tests_on_PostgreSql(PostgresCluster cluster) : LegalWindowsApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
