using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

public sealed class DeadlineClock_Tests
{
    private readonly FakeTimeProvider _time = new(China(2026, 3, 2, 10));

    private DeadlineClock Start(string policy, WorkingCalendar? calendar = null) =>
        DeadlineClock.Start(Guid.NewGuid(), "petition", Guid.NewGuid(), Guid.NewGuid(), Policy(policy), _time.GetUtcNow(),
            calendar ?? Published, "张三", _time.GetUtcNow());

    private void At(int year, int month, int day, int hour) => _time.SetUtcNow(China(year, month, day, hour));

    [Fact]
    public void Pause_and_resume_across_a_weekend_shift_the_due_date()
    {
        var clock = Start("petition.acceptance-notice");
        clock.DueDate.ShouldBe(Date(2026, 3, 17));

        At(2026, 3, 6, 17);
        clock.Pause("等待信访人补充材料", "张三", _time.GetUtcNow());
        clock.Status.ShouldBe(ClockStatus.Paused);
        clock.DueAt.ShouldBeNull();

        At(2026, 3, 9, 9);
        clock.Resume(Policy("petition.acceptance-notice"), Published, "张三", _time.GetUtcNow());
        clock.Status.ShouldBe(ClockStatus.Running);
        clock.DueDate.ShouldBe(Date(2026, 3, 20));
        clock.History.Select(e => e.Kind).ShouldBe([ClockEventKind.Started, ClockEventKind.Paused, ClockEventKind.Resumed]);
        clock.History[^1].DueDate.ShouldBe(Date(2026, 3, 20));
        clock.History[1].Reason.ShouldBe("等待信访人补充材料");
    }

    [Fact]
    public void A_working_day_period_paused_over_a_weekend_does_not_lose_or_gain_days()
    {
        // Mon 2 Mar: Tue 3 (1) … Fri 6 (4); paused Fri, resumed Mon 9 (not counted); Tue 10 (5).
        var clock = Start("petition.misrouted-objection");
        clock.DueDate.ShouldBe(Date(2026, 3, 9));
        At(2026, 3, 6, 16);
        clock.Pause("来文机关补充说明", null, _time.GetUtcNow());
        At(2026, 3, 9, 9);
        clock.Resume(Policy("petition.misrouted-objection"), Published, null, _time.GetUtcNow());
        clock.DueDate.ShouldBe(Date(2026, 3, 10));
    }

    [Fact]
    public void An_extension_within_the_limit_moves_the_due_date_and_is_recorded_with_its_approver()
    {
        // 60 days after Mon 2 Mar 2026 is Fri 1 May (劳动节 1–5 May) → Wed 6 May; +30 days → Sun 31 May → Mon 1 Jun.
        var handling = Policy("petition.handling");
        var clock = Start("petition.handling");
        clock.DueDate.ShouldBe(Date(2026, 5, 6));

        At(2026, 4, 20, 9);
        clock.Extend(30, handling, Policy("petition.handling-extension"), Published, "李局长", "涉及多个部门，情况复杂", _time.GetUtcNow());

        clock.DueDate.ShouldBe(Date(2026, 6, 1));
        clock.ExtensionDays.ShouldBe(30);
        var entry = clock.History[^1];
        entry.Kind.ShouldBe(ClockEventKind.Extended);
        entry.Actor.ShouldBe("李局长");
        entry.Days.ShouldBe(30);
        entry.DueDate.ShouldBe(Date(2026, 6, 1));
    }

    [Fact]
    public void Extensions_beyond_the_statutory_30_days_are_refused()
    {
        var handling = Policy("petition.handling");
        var clock = Start("petition.handling");
        clock.Extend(20, handling, Policy("petition.handling-extension"), Published, "李局长", "复杂", _time.GetUtcNow());
        Should.Throw<BusinessException>(() =>
                clock.Extend(11, handling, Policy("petition.handling-extension"), Published, "李局长", "复杂", _time.GetUtcNow()))
            .Code.ShouldBe(DeadlinesErrorCodes.ExtensionTooLong);
        clock.ExtensionDays.ShouldBe(20);
    }

    [Fact]
    public void A_policy_without_an_extension_policy_cannot_be_extended() =>
        Should.Throw<BusinessException>(() =>
                Start("petition.acceptance-notice").Extend(5, Policy("petition.acceptance-notice"), null, Published, "李局长", "复杂", _time.GetUtcNow()))
            .Code.ShouldBe(DeadlinesErrorCodes.NotExtendable);

    [Fact]
    public void A_stopped_clock_refuses_every_change()
    {
        var clock = Start("desk.feedback");
        clock.Stop("已办结", "王五", _time.GetUtcNow());
        Should.Throw<BusinessException>(() => clock.Pause("x", null, _time.GetUtcNow())).Code.ShouldBe(DeadlinesErrorCodes.ClockStopped);
        Should.Throw<BusinessException>(() => clock.Stop(null, null, _time.GetUtcNow())).Code.ShouldBe(DeadlinesErrorCodes.ClockStopped);
    }

    [Fact]
    public void Pausing_twice_or_resuming_a_running_clock_is_refused()
    {
        var clock = Start("desk.feedback");
        Should.Throw<BusinessException>(() => clock.Resume(Policy("desk.feedback"), Published, null, _time.GetUtcNow()))
            .Code.ShouldBe(DeadlinesErrorCodes.ClockNotPaused);
        clock.Pause("等待材料", null, _time.GetUtcNow());
        Should.Throw<BusinessException>(() => clock.Pause("再次", null, _time.GetUtcNow())).Code.ShouldBe(DeadlinesErrorCodes.ClockNotRunning);
    }

    [Fact]
    public void A_clock_running_into_2027_is_provisional_and_recomputed_when_2027_is_loaded()
    {
        _time.SetUtcNow(China(2026, 12, 1, 10));
        var clock = Start("petition.handling");
        clock.DueDate.ShouldBe(Date(2027, 2, 1));
        clock.Provisional.ShouldBeTrue();

        _time.Advance(TimeSpan.FromDays(20));
        clock.Recompute(Policy("petition.handling"), Published.WithYear(2027, Hypothetical2027), _time.GetUtcNow()).ShouldBeTrue();

        clock.DueDate.ShouldBe(Date(2027, 2, 8));
        clock.Provisional.ShouldBeFalse();
        clock.History[^1].Kind.ShouldBe(ClockEventKind.Recomputed);
        clock.History[^1].At.ShouldBe(_time.GetUtcNow());
        clock.Recompute(Policy("petition.handling"), Published.WithYear(2027, Hypothetical2027), _time.GetUtcNow()).ShouldBeFalse();
    }

    [Fact]
    public void Reminders_come_before_the_due_time_and_escalations_after_it()
    {
        var policy = Policy("petition.acceptance-notice");
        var dueAt = ChinaTime.EndOfDay(Date(2026, 3, 17));

        StepPlanner.DueSteps(policy, dueAt, China(2026, 3, 14, 9)).ShouldBeEmpty();
        StepPlanner.DueSteps(policy, dueAt, China(2026, 3, 15, 9)).Select(s => s.Step).ShouldBe(["reminder:72h"]);
        StepPlanner.DueSteps(policy, dueAt, China(2026, 3, 17, 9)).Select(s => s.Step).ShouldBe(["reminder:72h", "reminder:24h"]);
        StepPlanner.DueSteps(policy, dueAt, China(2026, 3, 18, 9)).Select(s => s.Kind).ShouldBe([DeadlineStepKind.Urge]);
        StepPlanner.DueSteps(policy, dueAt, China(2026, 3, 28, 9)).Select(s => s.Kind)
            .ShouldBe([DeadlineStepKind.Urge, DeadlineStepKind.Supervise, DeadlineStepKind.Circulate]);
    }

    [Fact]
    public void A_reminder_tells_the_owner_and_an_escalation_the_supervising_unit_then_the_owner_each_once()
    {
        var (owner, above) = (Guid.NewGuid(), Guid.NewGuid());

        DeadlineStep.Recipients(DeadlineStepKind.Reminder, owner, null).ShouldBe([owner]);
        DeadlineStep.Recipients(DeadlineStepKind.Reminder, owner, above).ShouldBe([owner]);
        DeadlineStep.Recipients(DeadlineStepKind.Urge, owner, above).ShouldBe([above, owner]);
        DeadlineStep.Recipients(DeadlineStepKind.Circulate, owner, above).ShouldBe([above, owner]);
        // The city supervising itself is told once; a step whose owner was not found has no supervisor and tells the owner.
        DeadlineStep.Recipients(DeadlineStepKind.Supervise, owner, owner).ShouldBe([owner]);
        DeadlineStep.Recipients(DeadlineStepKind.Urge, owner, null).ShouldBe([owner]);
    }
}
