using Hangfire;
using Hangfire.Storage;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Web.Deadlines;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

/// <summary>
/// The real Hangfire sweep against PostgreSQL: run twice, on two host instances sharing one
/// database, and after a restart. Each escalation must be recorded (and notified) exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeadlineSweep_Tests(PostgresCluster cluster)
{
    private static MediationAppFactory Host(string connectionString, FakeTimeProvider time, bool hangfireServer, Action<IServiceCollection>? services = null) => new(
        DatabaseProvider.PostgreSql, connectionString,
        new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = hangfireServer ? "true" : "false",
            ["Hangfire:WorkerCount"] = "2",
            ["Outbox:DispatcherEnabled"] = "false",
            // The tests run the sweep themselves (directly, or by triggering the recurring job): its minutely schedule would, when a
            // minute turned during a test, run one more sweep beside them whose steps no call reported (84 steps, 73 reported, once).
            ["Hangfire:Schedules:0:Job"] = DeadlineSweepJob.JobId,
            ["Hangfire:Schedules:0:Cron"] = Cron.Never(),
        },
        s =>
        {
            DeadlineApps.WithTime(time)(s);
            services?.Invoke(s);
        });

    private static async Task TriggerSweepAndWaitAsync(MediationAppFactory app)
    {
        var manager = (IRecurringJobManagerV2)app.Services.GetRequiredService<IRecurringJobManager>();
        var jobId = manager.TriggerJob(DeadlineSweepJob.JobId);
        jobId.ShouldNotBeNull();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        string? state = null;
        while (DateTime.UtcNow < end)
        {
            state = connection.GetStateData(jobId)?.Name;
            if (state is "Succeeded" or "Failed") break;
            await Task.Delay(100);
        }
        state.ShouldBe("Succeeded", $"Hangfire job {jobId} of {DeadlineSweepJob.JobId}");
    }

    private static Task<List<Notice>> NoticesAsync(MediationAppFactory app, Guid clockId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<Notice>().AsNoTracking()
            .Where(n => n.SourceKey!.StartsWith(clockId.ToString("N"))).ToListAsync());

    [Fact]
    public async Task Two_hosts_in_one_process_each_keep_their_own_job_storage_and_activator()
    {
        // Hangfire's defaults are process-wide statics; the second host must not take over the first one's jobs.
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        await using var first = Host(await cluster.CreateDatabaseAsync(), time, hangfireServer: false);
        first.StartServer();
        await using var second = Host(await cluster.CreateDatabaseAsync(), time, hangfireServer: false);
        second.StartServer();

        first.Services.GetRequiredService<JobStorage>().ShouldNotBeSameAs(second.Services.GetRequiredService<JobStorage>());
        first.Services.GetRequiredService<JobActivator>().ShouldNotBeSameAs(second.Services.GetRequiredService<JobActivator>());
        var jobId = ((IRecurringJobManagerV2)first.Services.GetRequiredService<IRecurringJobManager>()).TriggerJob(DeadlineSweepJob.JobId);
        using (var own = first.Services.GetRequiredService<JobStorage>().GetConnection())
            own.GetJobData(jobId).ShouldNotBeNull();
        using (var other = second.Services.GetRequiredService<JobStorage>().GetConnection())
            other.GetJobData(jobId).ShouldBeNull();
    }

    [Fact]
    public async Task Two_hosts_and_repeated_sweeps_record_each_escalation_exactly_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var database = await cluster.CreateDatabaseAsync();
        await using var first = Host(database, time, hangfireServer: true);
        first.StartServer();
        await using var second = Host(database, time, hangfireServer: true);
        second.StartServer();

        // 岱东社区 (community) under 岱庙街道 (town) under 泰山区 (county) under 泰安市 (city); due Tue 17 Mar.
        var clock = await first.StartClockAsync("370902001001", "petition.acceptance-notice", China(2026, 3, 2));
        clock.DueDate.ShouldBe(Date(2026, 3, 17));
        time.SetUtcNow(China(2026, 3, 28, 9).ToUniversalTime());

        // The two hosts race each other, twice each: all four see no step recorded yet, the unique key decides.
        var performed = await Task.WhenAll(first.SweepAsync(), second.SweepAsync(), first.SweepAsync(), second.SweepAsync());
        // Every step recorded was reported by exactly one sweep (the demo's open desk requests escalate beside this clock).
        performed.Sum().ShouldBe(await first.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().CountAsync()));
        // Then the real recurring job, triggered on both hosts and run by whichever Hangfire server picks it up.
        await TriggerSweepAndWaitAsync(first);
        await TriggerSweepAndWaitAsync(second);
        await TriggerSweepAndWaitAsync(first);

        var steps = await first.StepsAsync(clock.Id);
        steps.Select(s => s.Kind).ShouldBe([DeadlineStepKind.Urge, DeadlineStepKind.Supervise, DeadlineStepKind.Circulate], ignoreOrder: true);
        var town = await first.UnitIdAsync("370902001");
        var county = await first.UnitIdAsync("370902");
        var city = await first.UnitIdAsync("370900");
        steps.Single(s => s.Kind == DeadlineStepKind.Urge).SupervisorOrgUnitId.ShouldBe(town);
        steps.Single(s => s.Kind == DeadlineStepKind.Supervise).SupervisorOrgUnitId.ShouldBe(county);
        steps.Single(s => s.Kind == DeadlineStepKind.Circulate).SupervisorOrgUnitId.ShouldBe(city);

        var notices = await NoticesAsync(first, clock.Id);
        notices.Count.ShouldBe(6); // each step: the supervising unit and the owning unit
        notices.Where(n => n.OrgUnitId == county).ShouldHaveSingleItem().Subject.ShouldContain("督办");
        notices.Where(n => n.OrgUnitId == city).ShouldHaveSingleItem().Subject.ShouldContain("通报");
        notices.Single(n => n.OrgUnitId == town).Body.ShouldContain("2026年3月17日");
    }

    [Fact]
    public async Task A_restart_between_due_and_sweep_loses_nothing()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var database = await cluster.CreateDatabaseAsync();
        Guid overdueClock, remindedClock;
        await using (var before = Host(database, time, hangfireServer: false))
        {
            before.StartServer();
            overdueClock = (await before.StartClockAsync("370921101201", "petition.acceptance-notice", China(2026, 3, 2))).Id; // due 17 Mar
            remindedClock = (await before.StartClockAsync("370921101201", "desk.feedback", China(2026, 3, 12))).Id;          // due Thu 19 Mar
            // The host goes down before any sweep ran.
        }

        time.SetUtcNow(China(2026, 3, 19, 9).ToUniversalTime());
        await using var after = Host(database, time, hangfireServer: true);
        after.StartServer();
        await TriggerSweepAndWaitAsync(after);
        await TriggerSweepAndWaitAsync(after);

        (await after.StepsAsync(overdueClock)).ShouldHaveSingleItem().Kind.ShouldBe(DeadlineStepKind.Urge);
        var reminder = (await after.StepsAsync(remindedClock)).ShouldHaveSingleItem();
        reminder.Kind.ShouldBe(DeadlineStepKind.Reminder);
        reminder.Step.ShouldBe("reminder:24h");
        var village = await after.UnitIdAsync("370921101201");
        (await NoticesAsync(after, remindedClock)).ShouldHaveSingleItem().OrgUnitId.ShouldBe(village);
    }

    [Fact]
    public async Task A_notice_written_past_the_change_tracker_is_audited_in_the_same_shape_as_through_SaveChanges()
    {
        await using var app = Host(await cluster.CreateDatabaseAsync(), new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime()), hangfireServer: false);
        app.StartServer();
        var unitId = await app.UnitIdAsync("370902001001");
        var (expected, bulk) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            await sp.GetRequiredService<Mediation.Core.Notifications.INoticeOutbox>().AddAsync(new Mediation.Core.Notifications.NoticeRequest(
                "deadline-reminder", unitId, new Dictionary<string, object?> { ["record"] = "信访事项泰山信〔2026〕1号" }, "shape-check", "/Petitions/1"),
                CancellationToken.None);
            var notice = db.ChangeTracker.Entries<Notice>().Single().Entity;
            await db.SaveChangesAsync();
            var saved = await db.Set<AuditEntry>().AsNoTracking().SingleAsync(a => a.EntityType == nameof(Notice) && a.EntityId == notice.Id.ToString());
            var built = AuditSaveChangesInterceptor.Created(sp.GetRequiredService<AuditContext>(), db.Model.FindEntityType(typeof(Notice))!, notice);
            return (saved, built);
        });
        bulk.Details.ShouldBe(expected.Details);
        bulk.EntityType.ShouldBe(expected.EntityType);
        bulk.EntityId.ShouldBe(expected.EntityId);
        bulk.Action.ShouldBe(expected.Action);
        bulk.UserName.ShouldBe(expected.UserName);
    }
}
