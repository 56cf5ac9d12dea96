using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>调解安排 (issue 20, 今日调解): planning a session ahead, rescheduling, cancelling, and which plan a held session fulfils.</summary>
public sealed class SessionPlan_Tests
{
    // 2026-03-10 09:00 in China; China's day starts at 16:00 UTC the day before.
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StartOfToday = new(2026, 3, 9, 16, 0, 0, TimeSpan.Zero);
    private static readonly Guid MediatorId = Guid.NewGuid();
    private static readonly Guid OtherMediatorId = Guid.NewGuid();
    private static readonly ProtectedValue SomeId = new("1101**********002X", "cipher", "hash");

    private static MediationCase Registered()
    {
        var committee = new MediationCommittee(Guid.NewGuid(), Guid.NewGuid(), "岱庙街道人民调解委员会", "岱庙", CommitteeKind.TownshipOrStreet);
        committee.AddMediator(MediatorId, "张调解", isHead: true);
        committee.AddMediator(OtherMediatorId, "刘调解", isHead: false);
        return MediationCase.Register(Guid.NewGuid(), committee, new CaseNumber(2026, 3), DisputeType.Neighbourhood, "邻里排水纠纷", null, null,
            CaseSource.WalkIn, null, [CaseParty.Person("王某", SomeId, null, null, true), CaseParty.Person("李某", SomeId, null, null, true)],
            [MediatorId], RiskGrade.Blue, null, "demo.mediator", Now.AddDays(-3));
    }

    private static SessionPlan PlanAt(MediationCase c, DateTimeOffset startsAt, DateTimeOffset? now = null) =>
        SessionPlan.Plan(c, startsAt, "岱东社区调解室", MediatorId, "张调解", "demo.mediator", now ?? Now);

    private static string Refusal(Action act) => Should.Throw<BusinessException>(act).Code;

    [Fact]
    public void A_session_is_planned_for_its_China_day_with_one_of_the_cases_mediators_not_before_now()
    {
        var mediationCase = Registered();
        // 23:30 China time on the 10th is 15:30 UTC the same day; 00:30 China on the 11th is still the 10th in UTC.
        PlanAt(mediationCase, new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero)).PlannedOn.ShouldBe(new DateOnly(2026, 3, 10));
        PlanAt(mediationCase, new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.Zero)).PlannedOn.ShouldBe(new DateOnly(2026, 3, 11));
        // The current minute is allowed (a form sends whole minutes); a start already past is not, earlier today included.
        var now = PlanAt(mediationCase, Now, Now.AddSeconds(59));
        (now.Status, now.OrgUnitId, now.CaseId, now.PlannedOn).ShouldBe((SessionPlanStatus.Planned, mediationCase.OrgUnitId, mediationCase.Id, new DateOnly(2026, 3, 10)));
        Refusal(() => PlanAt(mediationCase, Now.AddMinutes(-1))).ShouldBe(CasesErrorCodes.SessionPlanInPast);
        Refusal(() => PlanAt(mediationCase, StartOfToday)).ShouldBe(CasesErrorCodes.SessionPlanInPast);
        Refusal(() => PlanAt(mediationCase, StartOfToday.AddSeconds(-1))).ShouldBe(CasesErrorCodes.SessionPlanInPast);
        // A committee member who is not on the case may not be planned.
        Refusal(() => SessionPlan.Plan(mediationCase, Now.AddDays(1), "调解室", OtherMediatorId, "刘调解", "demo.mediator", Now))
            .ShouldBe(CasesErrorCodes.SessionPlanMediatorNotOnCase);
        // The same start and mediator as a plan still open repeats it; a cancelled one or another hour does not.
        var planned = PlanAt(mediationCase, Now.AddDays(1));
        planned.Repeats(Now.AddDays(1).ToOffset(TimeSpan.FromHours(8)), MediatorId).ShouldBeTrue();
        planned.Repeats(Now.AddDays(1).AddHours(1), MediatorId).ShouldBeFalse();
        planned.Repeats(Now.AddDays(1), OtherMediatorId).ShouldBeFalse();
        planned.Cancel("改期", Now);
        planned.Repeats(Now.AddDays(1), MediatorId).ShouldBeFalse();
    }

    [Fact]
    public void A_plan_is_rescheduled_or_cancelled_only_while_planned_and_a_concluded_case_takes_no_plan()
    {
        var mediationCase = Registered();
        var plan = PlanAt(mediationCase, Now.AddDays(1));
        plan.Reschedule(mediationCase, Now.AddDays(2), null, null, Now);
        (plan.PlannedOn, plan.Place, plan.MediatorName).ShouldBe((new DateOnly(2026, 3, 12), "岱东社区调解室", "张调解"));
        plan.Reschedule(mediationCase, Now.AddDays(3), "村委会", null, Now);
        plan.Place.ShouldBe("村委会");
        Refusal(() => plan.Reschedule(mediationCase, Now.AddDays(-1), null, null, Now)).ShouldBe(CasesErrorCodes.SessionPlanInPast);
        Refusal(() => plan.Reschedule(mediationCase, Now.AddDays(4), null, (OtherMediatorId, "刘调解"), Now)).ShouldBe(CasesErrorCodes.SessionPlanMediatorNotOnCase);
        plan.PlannedOn.ShouldBe(new DateOnly(2026, 3, 13), "a refused reschedule changes nothing");

        plan.Cancel("当事人外出务工", Now);
        (plan.Status, plan.CancelReason).ShouldBe((SessionPlanStatus.Cancelled, "当事人外出务工"));
        Refusal(() => plan.Reschedule(mediationCase, Now.AddDays(5), null, null, Now)).ShouldBe(CasesErrorCodes.SessionPlanClosed);
        Refusal(() => plan.Cancel("再取消", Now)).ShouldBe(CasesErrorCodes.SessionPlanClosed);
        Refusal(() => plan.Fulfil(1, Now)).ShouldBe(CasesErrorCodes.SessionPlanClosed);

        mediationCase.RecordSession(Now, "调解室", ["张调解", "王某", "李某"], "双方陈述", [], "demo.mediator", Now);
        mediationCase.Conclude(new CaseConclusion(CaseOutcome.Terminated, null, null, null, [], null, null, "一方拒绝调解", false, null), "demo.mediator", Now);
        Refusal(() => PlanAt(mediationCase, Now.AddDays(1))).ShouldBe(CasesErrorCodes.AlreadyConcluded);
    }

    [Fact]
    public void A_held_session_fulfils_the_nearest_plan_of_its_day_else_the_latest_overdue_and_leaves_later_plans_standing()
    {
        var mediationCase = Registered();
        static DateTimeOffset China(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(8));
        var overdue = PlanAt(mediationCase, China(12, 9));
        var olderOverdue = PlanAt(mediationCase, China(11, 9));
        var morning = PlanAt(mediationCase, China(16, 9));
        var afternoon = PlanAt(mediationCase, China(16, 15));
        var later = PlanAt(mediationCase, China(20, 9));
        var cancelled = PlanAt(mediationCase, China(16, 14));
        cancelled.Cancel("改期", Now);
        SessionPlan[] plans = [later, afternoon, cancelled, overdue, morning, olderOverdue];

        // Held at 14:30 on the 16th: the afternoon's plan, not the morning's nor the overdue ones (nor the cancelled one at 14:00).
        SessionPlan.ToFulfil(plans, China(16, 14, 30)).ShouldBeSameAs(afternoon);
        afternoon.Fulfil(1, Now);
        (afternoon.Status, afternoon.HeldSessionNumber).ShouldBe((SessionPlanStatus.Held, (int?)1));
        SessionPlan.ToFulfil(plans, China(16, 16)).ShouldBeSameAs(morning);
        morning.Fulfil(2, Now);
        // None left that day: a session held late meets the latest overdue plan, then the one before it.
        SessionPlan.ToFulfil(plans, China(16, 10)).ShouldBeSameAs(overdue);
        overdue.Fulfil(3, Now);
        SessionPlan.ToFulfil(plans, China(16, 10)).ShouldBeSameAs(olderOverdue);
        olderOverdue.Fulfil(4, Now);
        // Held ahead of the only plan left: that plan stands.
        SessionPlan.ToFulfil(plans, China(16, 10)).ShouldBeNull();
        later.Status.ShouldBe(SessionPlanStatus.Planned);
    }

    [Fact]
    public void A_plan_is_kept_to_the_minute_so_a_start_a_fraction_later_is_the_same_plan_entered_twice()
    {
        var plan = PlanAt(Registered(), Now.AddDays(1).AddSeconds(42).AddTicks(1));

        plan.StartsAt.ShouldBe(Now.AddDays(1));
        plan.Repeats(Now.AddDays(1).AddTicks(1), MediatorId).ShouldBeTrue();
        plan.Repeats(Now.AddDays(1).ToOffset(TimeSpan.FromHours(8)).AddSeconds(59), MediatorId).ShouldBeTrue();
        plan.Repeats(Now.AddDays(1).AddMinutes(1), MediatorId).ShouldBeFalse();
        plan.Repeats(Now.AddDays(1), OtherMediatorId).ShouldBeFalse();
    }

    [Fact]
    public void A_start_at_the_end_of_the_calendar_is_too_late_not_an_error()
    {
        var check = new Mediation.Core.Validation.InputValidator().Planned(DateTimeOffset.MaxValue, Now, "startsAt");

        check.IsValid.ShouldBeFalse();
        Should.Throw<Mediation.Core.Validation.InputValidationException>(check.ThrowIfInvalid).Errors.ShouldHaveSingleItem().Code
            .ShouldBe(CoreErrorCodes.Validation.DateTooLate);
    }
}
