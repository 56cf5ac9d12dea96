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
    public void A_session_is_planned_for_its_China_day_with_one_of_the_cases_mediators_not_before_today()
    {
        var mediationCase = Registered();
        // 23:30 China time on the 10th is 15:30 UTC the same day; 00:30 China on the 11th is still the 10th in UTC.
        PlanAt(mediationCase, new DateTimeOffset(2026, 3, 10, 15, 30, 0, TimeSpan.Zero)).PlannedOn.ShouldBe(new DateOnly(2026, 3, 10));
        PlanAt(mediationCase, new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.Zero)).PlannedOn.ShouldBe(new DateOnly(2026, 3, 11));
        // Earlier today is allowed (a morning session entered afterwards); yesterday is not.
        var morning = PlanAt(mediationCase, StartOfToday);
        (morning.Status, morning.OrgUnitId, morning.CaseId, morning.PlannedOn).ShouldBe((SessionPlanStatus.Planned, mediationCase.OrgUnitId, mediationCase.Id, new DateOnly(2026, 3, 10)));
        Refusal(() => PlanAt(mediationCase, StartOfToday.AddSeconds(-1))).ShouldBe(CasesErrorCodes.SessionPlanInPast);
        // A committee member who is not on the case may not be planned.
        Refusal(() => SessionPlan.Plan(mediationCase, Now.AddDays(1), "调解室", OtherMediatorId, "刘调解", "demo.mediator", Now))
            .ShouldBe(CasesErrorCodes.SessionPlanMediatorNotOnCase);
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
    public void A_held_session_fulfils_the_earliest_plan_due_by_its_day_and_leaves_later_plans_standing()
    {
        var mediationCase = Registered();
        var monday = new DateOnly(2026, 3, 16);
        var early = PlanAt(mediationCase, new DateTimeOffset(2026, 3, 12, 1, 0, 0, TimeSpan.Zero));
        var onTheDay = PlanAt(mediationCase, new DateTimeOffset(2026, 3, 16, 1, 0, 0, TimeSpan.Zero));
        var later = PlanAt(mediationCase, new DateTimeOffset(2026, 3, 20, 1, 0, 0, TimeSpan.Zero));
        var cancelled = PlanAt(mediationCase, new DateTimeOffset(2026, 3, 11, 1, 0, 0, TimeSpan.Zero));
        cancelled.Cancel("改期", Now);
        SessionPlan[] plans = [later, onTheDay, cancelled, early];

        // Held late: the overdue plan of the 12th is the one met, not the cancelled one of the 11th.
        SessionPlan.ToFulfil(plans, monday).ShouldBeSameAs(early);
        early.Fulfil(1, Now);
        (early.Status, early.HeldSessionNumber).ShouldBe((SessionPlanStatus.Held, (int?)1));
        SessionPlan.ToFulfil(plans, monday).ShouldBeSameAs(onTheDay);
        onTheDay.Fulfil(2, Now);
        // Held ahead of the only plan left: that plan stands.
        SessionPlan.ToFulfil(plans, monday).ShouldBeNull();
        later.Status.ShouldBe(SessionPlanStatus.Planned);
    }
}
