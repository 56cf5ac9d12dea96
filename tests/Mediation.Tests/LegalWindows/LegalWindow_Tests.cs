using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.LegalWindows;
using Mediation.LegalWindows.Domain;
using Mediation.Tests.Deadlines;
using Shouldly;

namespace Mediation.Tests.LegalWindows;

public sealed class LegalWindow_Tests
{
    private static readonly DateTimeOffset Now = Calendars.China(2026, 9, 28);
    private static readonly Guid Village = Guid.NewGuid();

    private static LegalAdvisor Advisor(string name, string licence) =>
        new(Guid.NewGuid(), Guid.NewGuid(), name, AdvisorKind.Lawyer, "泰安演示律师事务所", licence, null, null, 2026);

    private static readonly LegalAdvisor Zhang = Advisor("张律师", "13709201510000001");
    private static readonly LegalAdvisor Li = Advisor("李律师", "13709201820000002");

    private static LegalWindow Window(params LegalAdvisor[] advisors)
    {
        var window = new LegalWindow(Guid.NewGuid(), Village, "岱东社区法律服务窗口", "岱东法", "综治服务大厅", new TimeOnly(8, 30), new TimeOnly(17, 30), null, null);
        foreach (var advisor in advisors) window.Attach(advisor);
        return window;
    }

    [Theory]
    [InlineData(AdvisorKind.Lawyer, "13709201510000001", true)]
    [InlineData(AdvisorKind.Lawyer, "23709201510000001", false)] // not a 律师执业证
    [InlineData(AdvisorKind.Lawyer, "19909201510000001", false)] // no province 99
    [InlineData(AdvisorKind.Lawyer, "13709203010000001", false)] // first practice in 2030
    [InlineData(AdvisorKind.Lawyer, "13709201590000001", false)] // practice category 9
    [InlineData(AdvisorKind.Lawyer, "1370920151000000", false)]  // 16 digits
    [InlineData(AdvisorKind.Lawyer, "1370920151000000X", false)]
    [InlineData(AdvisorKind.GrassrootsLegalWorker, "3709210000123", true)]
    [InlineData(AdvisorKind.GrassrootsLegalWorker, "1234567", false)]
    [InlineData(AdvisorKind.GrassrootsLegalWorker, "37092100001２3", false)] // a full-width digit
    public void The_practising_certificate_number_is_checked_for_its_kind(AdvisorKind kind, string number, bool valid) =>
        LicenceNumbers.IsValid(kind, number, 2026).ShouldBe(valid);

    [Fact]
    public void An_advisor_with_a_malformed_number_is_refused() =>
        Should.Throw<BusinessException>(() => Advisor("王律师", "137092015"))
            .Code.ShouldBe(LegalWindowsErrorCodes.LicenceNumberInvalid);

    [Fact]
    public void The_national_day_week_has_no_duty_and_the_make_up_saturday_has()
    {
        // 2026: 国庆节 1–7 October off, Saturday 10 October a 调休 working day (国务院办公厅 2025-11-04 notice).
        var plan = RosterPlanner.Plan(Calendars.Date(2026, 9, 28), Calendars.Date(2026, 10, 11), [Zhang.Id, Li.Id],
            RosterPlanner.WorkingWeek, [], Calendars.Published);

        plan.Select(p => p.Date).ShouldBe([
            Calendars.Date(2026, 9, 28), Calendars.Date(2026, 9, 29), Calendars.Date(2026, 9, 30),
            Calendars.Date(2026, 10, 8), Calendars.Date(2026, 10, 9), Calendars.Date(2026, 10, 10)]);
        plan.Select(p => p.AdvisorId).ShouldBe([Zhang.Id, Li.Id, Zhang.Id, Li.Id, Zhang.Id, Li.Id]);
        plan.ShouldAllBe(p => !p.OnHoliday);
    }

    [Fact]
    public void A_holiday_gets_a_shift_only_when_named_for_duty()
    {
        var plan = RosterPlanner.Plan(Calendars.Date(2026, 10, 1), Calendars.Date(2026, 10, 7), [Zhang.Id], RosterPlanner.WorkingWeek,
            [Calendars.Date(2026, 10, 3)], Calendars.Published);

        plan.ShouldHaveSingleItem().ShouldBe(new PlannedShift(Calendars.Date(2026, 10, 3), Zhang.Id, OnHoliday: true));
    }

    [Fact]
    public void A_window_open_on_some_weekdays_also_opens_on_a_make_up_working_weekend_day()
    {
        var plan = RosterPlanner.Plan(Calendars.Date(2026, 9, 14), Calendars.Date(2026, 10, 11), [Zhang.Id],
            [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], [], Calendars.Published);

        plan.Select(p => p.Date).ShouldBe([
            Calendars.Date(2026, 9, 14), Calendars.Date(2026, 9, 16), Calendars.Date(2026, 9, 18),
            Calendars.Date(2026, 9, 20), // Sunday, 中秋节调休上班
            Calendars.Date(2026, 9, 21), Calendars.Date(2026, 9, 23), // Friday 25 September is 中秋节
            Calendars.Date(2026, 9, 28), Calendars.Date(2026, 9, 30),
            Calendars.Date(2026, 10, 9), Calendars.Date(2026, 10, 10)]);
    }

    [Fact]
    public void A_window_without_advisors_gets_uncovered_shifts()
    {
        var plan = RosterPlanner.Plan(Calendars.Date(2026, 10, 8), Calendars.Date(2026, 10, 9), [], RosterPlanner.WorkingWeek, [], Calendars.Published);
        plan.Count.ShouldBe(2);
        plan.ShouldAllBe(p => p.AdvisorId == null);
    }

    [Fact]
    public void A_roster_longer_than_two_months_or_ending_before_it_starts_is_refused()
    {
        Should.Throw<BusinessException>(() => RosterPlanner.Plan(Calendars.Date(2026, 1, 1), Calendars.Date(2026, 3, 31), [Zhang.Id],
            RosterPlanner.WorkingWeek, [], Calendars.Published)).Code.ShouldBe(LegalWindowsErrorCodes.RosterTooLong);
        Should.Throw<BusinessException>(() => RosterPlanner.Plan(Calendars.Date(2026, 3, 2), Calendars.Date(2026, 3, 1), [Zhang.Id],
            RosterPlanner.WorkingWeek, [], Calendars.Published)).Code.ShouldBe(LegalWindowsErrorCodes.RosterEndsBeforeStart);
    }

    [Fact]
    public void A_swap_hands_the_shift_to_another_advisor_of_the_window_and_keeps_who_had_it_and_why()
    {
        var window = Window(Zhang, Li);
        var shift = new DutyShift(Guid.NewGuid(), window, Calendars.Date(2026, 10, 9), Zhang.Id, false);

        shift.SwapTo(window, Li.Id, "张律师出庭", "demo.unithead", Now, Calendars.Date(2026, 9, 28));

        shift.AdvisorId.ShouldBe(Li.Id);
        var swap = shift.Swaps.ShouldHaveSingleItem();
        (swap.FromAdvisorId, swap.ToAdvisorId, swap.Reason, swap.SwappedBy).ShouldBe((Zhang.Id, Li.Id, "张律师出庭", "demo.unithead"));
    }

    [Fact]
    public void A_swap_to_the_same_advisor_to_a_stranger_or_of_a_past_shift_is_refused()
    {
        var window = Window(Zhang, Li);
        var shift = new DutyShift(Guid.NewGuid(), window, Calendars.Date(2026, 10, 9), Zhang.Id, false);
        var today = Calendars.Date(2026, 9, 28);

        Should.Throw<BusinessException>(() => shift.SwapTo(window, Zhang.Id, "r", null, Now, today)).Code.ShouldBe(LegalWindowsErrorCodes.SameAdvisor);
        Should.Throw<BusinessException>(() => shift.SwapTo(window, Guid.NewGuid(), "r", null, Now, today)).Code.ShouldBe(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        Should.Throw<BusinessException>(() => shift.SwapTo(window, Li.Id, "r", null, Now, Calendars.Date(2026, 10, 10)))
            .Code.ShouldBe(LegalWindowsErrorCodes.ShiftInPast);
        shift.Swaps.ShouldBeEmpty();
    }

    [Fact]
    public void A_vacated_shift_is_flagged_to_the_township_once()
    {
        var window = Window(Zhang);
        var shift = new DutyShift(Guid.NewGuid(), window, Calendars.Date(2026, 10, 9), Zhang.Id, false);
        shift.MarkUncoveredNoticeSent(Now).ShouldBeFalse();
        shift.Vacate();
        shift.MarkUncoveredNoticeSent(Now).ShouldBeTrue();
        shift.MarkUncoveredNoticeSent(Now).ShouldBeFalse();
    }

    private static ServiceRecord Record(ServiceKind kind, ServiceDetails details, LegalAdvisor? advisor = null) =>
        ServiceRecord.Record(Guid.NewGuid(), Window(Zhang), advisor ?? Zhang, "岱东法〔2026〕1号", 2026, 1, kind, Now,
            kind is ServiceKind.PublicWelfare ? null : new ServedPerson("王某某", null, null), details, Now);

    private static ServiceDetails Details(string? matter = "宅基地界址", string? advice = "可申请人民调解", int? minutes = 20, string? topic = null,
        string? place = null, int? attendance = null) => new(matter, advice, minutes, "民法典第二百八十八条", false, null, topic, place, attendance);

    [Fact]
    public void Each_service_kind_is_recorded_with_its_own_details()
    {
        var consultation = Record(ServiceKind.Consultation, Details());
        (consultation.Kind, consultation.Matter, consultation.Advice, consultation.Minutes, consultation.ErrandStatus)
            .ShouldBe((ServiceKind.Consultation, "宅基地界址", "可申请人民调解", (int?)20, (ErrandStatus?)null));

        Record(ServiceKind.CivilAgency, Details(advice: null)).ErrandStatus.ShouldBe(ErrandStatus.Accepted);

        var welfare = Record(ServiceKind.PublicWelfare, Details(matter: null, advice: null, topic: "民法典进农村", place: "村文化广场", attendance: 85));
        (welfare.PersonName, welfare.Topic, welfare.Place, welfare.Attendance).ShouldBe(((string?)null, "民法典进农村", "村文化广场", (int?)85));

        var mediation = Record(ServiceKind.CivilMediation, Details(advice: "双方口头和解"));
        mediation.Kind.ShouldBe(ServiceKind.CivilMediation);
    }

    [Fact]
    public void A_welfare_event_without_attendance_and_an_advisor_of_another_window_are_refused()
    {
        Should.Throw<BusinessException>(() => Record(ServiceKind.PublicWelfare, Details(topic: "普法", place: "广场")))
            .Code.ShouldBe(LegalWindowsErrorCodes.AttendanceRequired);
        Should.Throw<BusinessException>(() => Record(ServiceKind.Consultation, Details(), advisor: Li))
            .Code.ShouldBe(LegalWindowsErrorCodes.NotAdvisorOfWindow);
    }

    [Fact]
    public void An_errand_runs_accepted_in_progress_done()
    {
        var errand = Record(ServiceKind.CivilAgency, Details());
        Should.Throw<BusinessException>(() => errand.CloseErrand(true, "已提交", Now)).Code.ShouldBe(LegalWindowsErrorCodes.ErrandNotStarted);
        errand.StartErrand("已联系法律援助中心");
        errand.ErrandStatus.ShouldBe(ErrandStatus.InProgress);
        Should.Throw<BusinessException>(() => errand.StartErrand(null)).Code.ShouldBe(LegalWindowsErrorCodes.ErrandAlreadyStarted);
        errand.CloseErrand(true, "申请材料已提交", Now);
        (errand.ErrandStatus, errand.ErrandNote, errand.ErrandClosedAt).ShouldBe((ErrandStatus.Done, "申请材料已提交", (DateTimeOffset?)Now));
        Should.Throw<BusinessException>(() => errand.CloseErrand(false, "x", Now)).Code.ShouldBe(LegalWindowsErrorCodes.ErrandClosed);
    }

    [Fact]
    public void An_errand_that_cannot_be_done_closes_from_accepted_and_only_errands_have_the_flow()
    {
        var errand = Record(ServiceKind.CivilAgency, Details());
        errand.CloseErrand(false, "材料不全且当事人无法补正", Now);
        errand.ErrandStatus.ShouldBe(ErrandStatus.CannotBeDone);
        Should.Throw<BusinessException>(() => Record(ServiceKind.Consultation, Details()).StartErrand(null)).Code.ShouldBe(LegalWindowsErrorCodes.NotAnErrand);
    }

    [Fact]
    public void The_errand_is_due_ten_working_days_after_acceptance_on_the_working_calendar()
    {
        // Accepted Monday 28 September 2026: 29, 30 September, then 8, 9, 10 (调休 Saturday), 12–16 October.
        var due = DeadlineCalculator.Compute(Calendars.Policy(LegalWindowPolicies.Errand), Now, Calendars.Published);
        due.DueDate.ShouldBe(Calendars.Date(2026, 10, 16));
        Calendars.Policy(LegalWindowPolicies.Errand).Unit.ShouldBe(DurationUnit.WorkingDays);
    }

    [Fact]
    public void Only_a_dispute_is_referred_and_only_once_and_its_outcome_comes_back_once()
    {
        Should.Throw<BusinessException>(() => Record(ServiceKind.CivilAgency, Details()).EnsureReferable()).Code.ShouldBe(LegalWindowsErrorCodes.NotReferable);
        var consultation = Record(ServiceKind.Consultation, Details());
        var caseId = Guid.NewGuid();
        consultation.Referred(caseId, "泰山调〔2026〕1号", ["王某某", "李某某"], "demo.legaladvisor", Now);
        Should.Throw<BusinessException>(consultation.EnsureReferable).Code.ShouldBe(LegalWindowsErrorCodes.AlreadyReferred);

        consultation.RecordReferralOutcome(Guid.NewGuid(), ReferralResult.Failed, null, Now).ShouldBeFalse();
        consultation.RecordReferralOutcome(caseId, ReferralResult.Succeeded, "退让0.3米", Now).ShouldBeTrue();
        consultation.RecordReferralOutcome(caseId, ReferralResult.Failed, null, Now).ShouldBeFalse();
        (consultation.ReferralResult, consultation.ReferralDetail).ShouldBe(((ReferralResult?)ReferralResult.Succeeded, "退让0.3米"));
    }

    [Fact]
    public void Taking_part_in_a_committees_mediation_is_a_civil_mediation_service_that_is_not_referred_again()
    {
        var caseId = Guid.NewGuid();
        var joined = ServiceRecord.MediationParticipation(Guid.NewGuid(), Window(Zhang), Zhang, "岱东法〔2026〕2号", 2026, 2, Now, caseId, "泰山调〔2026〕3号", 2,
            Details(matter: "参与调解泰山调〔2026〕3号第2次调解：宅基地界址", advice: "释明民法典第二百八十八条"), Now);
        (joined.Kind, joined.ParticipationCaseId, joined.ParticipationCaseNumber, joined.ParticipationSessionNumber, joined.PersonName)
            .ShouldBe((ServiceKind.CivilMediation, (Guid?)caseId, (string?)"泰山调〔2026〕3号", (int?)2, (string?)null));
        Should.Throw<BusinessException>(joined.EnsureReferable).Code.ShouldBe(LegalWindowsErrorCodes.AlreadyInMediation);
        Should.Throw<BusinessException>(() => ServiceRecord.MediationParticipation(Guid.NewGuid(), Window(Zhang), Li, "岱东法〔2026〕3号", 2026, 3, Now, caseId,
            "泰山调〔2026〕3号", 2, Details(), Now)).Code.ShouldBe(LegalWindowsErrorCodes.NotAdvisorOfWindow);
    }

    [Fact]
    public void A_window_closes_after_it_opens()
    {
        Should.Throw<BusinessException>(() => new LegalWindow(Guid.NewGuid(), Village, "窗口", "窗", "大厅", new TimeOnly(17, 0), new TimeOnly(9, 0), null, null))
            .Code.ShouldBe(LegalWindowsErrorCodes.HoursInvalid);
        Window(Zhang).IsOpenAt(new TimeOnly(8, 29)).ShouldBeFalse();
        Window(Zhang).IsOpenAt(new TimeOnly(8, 30)).ShouldBeTrue();
    }
}
