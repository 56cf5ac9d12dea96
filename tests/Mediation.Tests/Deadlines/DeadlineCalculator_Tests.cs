using Mediation.Core.Deadlines.Domain;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

public sealed class DeadlineCalculator_Tests
{
    private static readonly DeadlinePolicy AcceptanceNotice = Policy("petition.acceptance-notice");
    private static readonly DeadlinePolicy Misrouted = Policy("petition.misrouted-objection");
    private static readonly DeadlinePolicy Feedback = Policy("desk.feedback");

    [Fact]
    public void The_published_calendar_knows_holidays_and_make_up_working_days()
    {
        Published.IsLoaded(2025).ShouldBeTrue();
        Published.IsLoaded(2026).ShouldBeTrue();
        Published.IsLoaded(2027).ShouldBeFalse();
        Published.IsWorkingDay(Date(2025, 10, 1)).ShouldBeFalse();   // 国庆节, a Wednesday
        Published.IsWorkingDay(Date(2025, 9, 28)).ShouldBeTrue();    // Sunday, 调休上班
        Published.IsWorkingDay(Date(2025, 10, 11)).ShouldBeTrue();   // Saturday, 调休上班
        Published.IsWorkingDay(Date(2026, 2, 14)).ShouldBeTrue();    // Saturday before 春节
        Published.IsWorkingDay(Date(2026, 2, 23)).ShouldBeFalse();   // Monday, last day of 春节
        Published.IsWorkingDay(Date(2026, 3, 7)).ShouldBeFalse();    // a plain Saturday
    }

    [Fact]
    public void A_15_day_period_started_just_before_National_Day_ends_after_the_holiday()
    {
        // Day 15 after Sat 20 Sep 2025 is Sun 5 Oct, inside 国庆节 (1–8 Oct): it moves to Thu 9 Oct.
        var due = DeadlineCalculator.Compute(AcceptanceNotice, China(2025, 9, 20), Published);
        due.DueDate.ShouldBe(Date(2025, 10, 9));
        due.DueAt.ShouldBe(new DateTimeOffset(2025, 10, 9, 23, 59, 59, ChinaTime.Offset));
        due.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void A_15_day_period_started_on_the_make_up_Sunday_before_National_Day_counts_the_holiday_days()
    {
        // The event day (Sun 28 Sep, 调休上班) is not counted; holidays inside a calendar-day period are.
        DeadlineCalculator.Compute(AcceptanceNotice, China(2025, 9, 28), Published).DueDate.ShouldBe(Date(2025, 10, 13));
    }

    [Fact]
    public void The_event_day_is_the_day_in_China_not_in_UTC()
    {
        // 16:30 UTC on 27 Sep is 00:30 on 28 Sep in Beijing.
        var start = new DateTimeOffset(2025, 9, 27, 16, 30, 0, TimeSpan.Zero);
        DeadlineCalculator.Compute(AcceptanceNotice, start, Published).DueDate.ShouldBe(Date(2025, 10, 13));
    }

    [Fact]
    public void Five_working_days_count_the_make_up_Saturday()
    {
        // Thu 9 Oct 2025: Fri 10 (1), Sat 11 调休 (2), Mon 13 (3), Tue 14 (4), Wed 15 (5).
        DeadlineCalculator.Compute(Misrouted, China(2025, 10, 9), Published).DueDate.ShouldBe(Date(2025, 10, 15));
        DeadlineCalculator.Compute(Misrouted, China(2025, 10, 9), WorkingCalendar.MondayToFriday).DueDate.ShouldBe(Date(2025, 10, 16));
    }

    [Fact]
    public void Five_working_days_across_Spring_Festival_2026_skip_the_holiday_and_count_the_make_up_Saturday()
    {
        // Thu 12 Feb: Fri 13 (1), Sat 14 调休 (2), 15–23 春节, Tue 24 (3), Wed 25 (4), Thu 26 (5).
        DeadlineCalculator.Compute(Misrouted, China(2026, 2, 12), Published).DueDate.ShouldBe(Date(2026, 2, 26));
    }

    [Fact]
    public void A_period_ending_on_a_holiday_moves_only_with_the_switch()
    {
        DeadlineCalculator.Compute(AcceptanceNotice, China(2025, 9, 20), Published).DueDate.ShouldBe(Date(2025, 10, 9));
        DeadlineCalculator.Compute(AcceptanceNotice with { MoveToNextWorkingDay = false }, China(2025, 9, 20), Published)
            .DueDate.ShouldBe(Date(2025, 10, 5));
    }

    [Fact]
    public void A_period_ending_on_a_plain_Sunday_moves_to_Monday_only_with_the_switch()
    {
        // 7 days after Sun 1 Mar 2026 is Sun 8 Mar, an ordinary weekend day.
        DeadlineCalculator.Compute(Feedback, China(2026, 3, 1), Published).DueDate.ShouldBe(Date(2026, 3, 9));
        DeadlineCalculator.Compute(Feedback with { MoveToNextWorkingDay = false }, China(2026, 3, 1), Published).DueDate.ShouldBe(Date(2026, 3, 8));
    }

    [Fact]
    public void A_period_ending_on_a_make_up_Saturday_ends_there_with_or_without_the_switch()
    {
        // 7 days after Sat 4 Oct 2025 is Sat 11 Oct, a 调休 working day.
        DeadlineCalculator.Compute(Feedback, China(2025, 10, 4), Published).DueDate.ShouldBe(Date(2025, 10, 11));
        DeadlineCalculator.Compute(Feedback with { MoveToNextWorkingDay = false }, China(2025, 10, 4), Published).DueDate.ShouldBe(Date(2025, 10, 11));
    }

    [Fact]
    public void Pause_days_after_the_pause_day_up_to_the_resume_day_are_not_counted()
    {
        // 15 days from Mon 2 Mar 2026 end Tue 17 Mar; paused Fri 6 Mar, resumed Mon 9 Mar: Sat, Sun, Mon not counted.
        var pauses = new[] { new PauseInterval(China(2026, 3, 6, 17), China(2026, 3, 9, 9)) };
        DeadlineCalculator.Compute(AcceptanceNotice, China(2026, 3, 2), Published).DueDate.ShouldBe(Date(2026, 3, 17));
        DeadlineCalculator.Compute(AcceptanceNotice, China(2026, 3, 2), Published, pauses).DueDate.ShouldBe(Date(2026, 3, 20));
    }

    [Fact]
    public void A_month_period_ends_on_the_same_day_of_the_next_month()
    {
        var term = Policy("mediation.term");
        DeadlineCalculator.Compute(term, China(2026, 1, 15), Published).DueDate.ShouldBe(Date(2026, 2, 15));
        DeadlineCalculator.Compute(term, China(2026, 1, 31), Published).DueDate.ShouldBe(Date(2026, 2, 28));
    }

    [Fact]
    public void An_hour_period_runs_on_the_clock()
    {
        var due = DeadlineCalculator.Compute(Policy("desk.acknowledgement"), China(2026, 3, 6, 18, 0), Published);
        due.DueAt.ShouldBe(China(2026, 3, 7, 18, 0));
        due.DueDate.ShouldBe(Date(2026, 3, 7));
    }

    [Fact]
    public void A_period_running_into_an_unpublished_year_is_provisional_until_the_year_is_loaded()
    {
        // 60 days after Tue 1 Dec 2026 is Sat 30 Jan 2027: on Monday–Friday it moves to Mon 1 Feb, provisionally.
        var handling = Policy("petition.handling");
        var before = DeadlineCalculator.Compute(handling, China(2026, 12, 1), Published);
        before.DueDate.ShouldBe(Date(2027, 2, 1));
        before.Provisional.ShouldBeTrue();

        var after = DeadlineCalculator.Compute(handling, China(2026, 12, 1), Published.WithYear(2027, Hypothetical2027));
        after.DueDate.ShouldBe(Date(2027, 2, 8));
        after.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void A_period_wholly_inside_published_years_is_not_provisional()
    {
        DeadlineCalculator.Compute(Policy("petition.handling"), China(2026, 10, 1), Published).Provisional.ShouldBeFalse();
    }

    [Fact]
    public void Every_seeded_policy_is_named_and_cites_its_source()
    {
        Declared.Select(p => p.Name).ShouldBe(
        [
            "petition.acceptance-notice", "petition.misrouted-objection", "petition.handling", "petition.handling-extension",
            "petition.review-request", "petition.review-answer", "petition.reexamination-request", "petition.reexamination-answer", "petition.reexamination-hearing",
            "mediation.term", "mediation.term-extension", "mediation.judicial-confirmation", "mediation.follow-up", "desk.acknowledgement", "desk.acknowledgement-urgent", "desk.feedback", "desk.feedback-complex",
            "legal-window.errand", "joint-meetings.task", "joint-meetings.task-urgent", "joint-meetings.supervise-after-due", "joint-meetings.circulate-after-due",
        ], ignoreOrder: true);
        Declared.ShouldAllBe(p => p.Description.Length > 10);
        Declared.Where(p => p.Name.StartsWith("petition.", StringComparison.Ordinal))
            .ShouldAllBe(p => p.Description.Contains("信访工作条例"));
        Policy("petition.handling").Amount.ShouldBe(60);
        Policy("petition.handling-extension").Amount.ShouldBe(30);
        Policy("petition.misrouted-objection").Unit.ShouldBe(DurationUnit.WorkingDays);
        Policy("mediation.judicial-confirmation").Description.ShouldContain("第三十三条");
    }
}

public sealed class DeadlinePolicies_Tests
{
    [Fact]
    public void A_host_configures_the_desk_acknowledgement_hours()
    {
        var options = new Mediation.Core.Deadlines.Application.DeadlineOptions();
        options.PolicyAmounts["desk.acknowledgement"] = 1;
        var policies = new Mediation.Core.Deadlines.Application.DeadlinePolicies(Mediation.Host.HostModules.Create(), Microsoft.Extensions.Options.Options.Create(options));

        var policy = policies.Get("desk.acknowledgement");
        policy.Amount.ShouldBe(1);
        DeadlineCalculator.Compute(policy, China(2026, 3, 6, 18, 0), Published).DueAt.ShouldBe(China(2026, 3, 6, 19, 0));
        policies.Get("desk.feedback").Amount.ShouldBe(7);
        Should.Throw<Mediation.Core.Deadlines.Application.UnknownPolicyException>(() => policies.Get("desk.unknown"))
            .HttpStatus.ShouldBe(404);
        policies.ExtensionOf(policies.Get("petition.handling"))!.Name.ShouldBe("petition.handling-extension");
    }
}

public sealed class ModuleDeadlinePolicies_Tests
{
    public static TheoryData<string> Modules() => new(Mediation.Host.HostModules.Create().Modules.Select(m => m.Name));

    private static Mediation.Core.Modularity.IModule Module(string name) => Mediation.Host.HostModules.Create().Modules.Single(m => m.Name == name);

    [Fact]
    public void The_kernel_declares_no_policy_of_its_own()
    {
        var kernel = typeof(Mediation.Core.Modularity.IModule).Assembly;
        Mediation.Host.HostModules.Create().Modules.Where(m => m.GetType().Assembly == kernel).SelectMany(m => m.DeadlinePolicies).ShouldBeEmpty();
        kernel.GetTypes().SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(string) && f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ShouldNotContain(v => v.StartsWith("petition.", StringComparison.Ordinal) || v.StartsWith("mediation.", StringComparison.Ordinal) && v != "mediation.auth");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_modules_policy_names_are_the_constants_of_its_contracts(string name)
    {
        var module = Module(name);
        var contractsName = module.GetType().Assembly.GetName().Name + ".Contracts";
        var contracts = module.GetType().Assembly.GetReferencedAssemblies().Any(a => a.Name == contractsName) ? System.Reflection.Assembly.Load(contractsName) : null;
        var constants = contracts?.GetExportedTypes().Where(t => t.Name.EndsWith("Policies", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields()).Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!).ToList() ?? [];
        module.DeadlinePolicies.Select(p => p.Name).ShouldBe(constants, ignoreOrder: true);
    }

    [Fact]
    public void A_policy_declared_twice_stops_the_host()
    {
        var twice = Declared.Take(1).Concat(Declared.Take(1));
        Should.Throw<InvalidOperationException>(() =>
            new Mediation.Core.Deadlines.Application.DeadlinePolicies(twice, Microsoft.Extensions.Options.Options.Create(new Mediation.Core.Deadlines.Application.DeadlineOptions())))
            .Message.ShouldContain(Declared[0].Name);
    }
}
