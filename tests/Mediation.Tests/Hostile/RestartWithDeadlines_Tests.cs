using System.Net;
using System.Net.Http.Headers;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.Web;
using Mediation.Petitions;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Deadlines;
using Mediation.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R3: petitions registered with their letters received 13 to 30 China days ago, on a host killed (SIGKILL) before any
/// sweep ran, so their reminders and their 催办/督办/通报 fell due while it was down. The next host (Hangfire on, the real recurring
/// sweep) sends them; it is killed too, and a third host sweeps again. Each step is then recorded once with its notices once (one
/// per unit told), nothing is missing against the policy's plan, and a further sweep finds nothing to do.
/// The receipt dates are whole China days back, chosen from the policy of the 15-day acceptance notice (信访工作条例第二十四条) and the
/// working calendar so that, for the whole run, two letters (of one day, if only one day's period ends within three days) have
/// reminders due and no escalation, one is overdue with its first
/// escalation only and one with all of them. Fixed ages did not hold: a last day on a weekend or holiday moves to the next working day,
/// so the letter of 13 days ago had no reminder due on 2026-12-03 (its period ended on Saturday the 5th and was due Monday the 7th).
/// </summary>
public abstract class RestartWithDeadlines_Tests(ITestOutputHelper output)
{
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync();

    /// <summary>A letter's steps must stay as chosen for this long: the sweeping hosts and the check run within it.</summary>
    private static readonly TimeSpan RunLength = TimeSpan.FromMinutes(30);

    private const string SweepEveryTenSeconds = "*/10 * * * * *";

    [Fact]
    public async Task Reminders_and_escalations_due_while_the_host_was_down_are_sent_once_after_it_starts()
    {
        var (provider, connectionString) = await DatabaseAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        // The real recurring sweep, on a ten-second schedule instead of the minutely one, so the waits below are seconds, not minutes.
        await using var host = new HostProcess(provider, connectionString, new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "true", ["Hangfire:WorkerCount"] = "2",
            ["Hangfire:Schedules:0:Job"] = DeadlineSweepJob.JobId, ["Hangfire:Schedules:0:Cron"] = SweepEveryTenSeconds,
            // Hangfire looks for due recurring jobs every 15 s by default: a ten-second schedule needs it to look every second.
            ["Hangfire:SchedulePollingInterval"] = "00:00:01",
        });

        // Where the minutes go on a loaded machine: the phases' times are printed.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:0.0} s  {what}");
        List<Guid> petitions;
        Guid unit;
        DateTimeOffset[] receipts;
        DateTimeOffset witnessReceipt;
        await using (var down = new HostProcess(provider, connectionString))
        {
            await down.StartAsync();
            Phase("first host started (migrations, demo seed)");
            (receipts, witnessReceipt) = await ReceiptsAsync(provider, connectionString);
            output.WriteLine($"letters received {string.Join(", ", receipts.Select(r => r.ToString("u")))}; the witness {witnessReceipt:u}");
            (petitions, unit) = await RegisterAsync(down, $"r3-{run}-down", receipts);
            down.Kill();
            Phase("letters registered, host killed");
        }

        // The first sweep after the start finds everything that fell due meanwhile.
        await host.StartAsync();
        Phase("sweeping host started");
        await NoticesFor(host, unit, petitions);
        host.Kill();
        Phase("its notices found, host killed");

        // A third life: its sweeps must not repeat the killed one's. A letter registered now shows that one of them ran.
        await host.StartAsync();
        Phase("sweeping host started again");
        var (witness, _) = await RegisterAsync(host, $"r3-{run}-after", [witnessReceipt]);
        await NoticesFor(host, unit, witness);
        host.Kill();
        Phase("the witness's notices found, host killed");
        var killed = DateTimeOffset.UtcNow;
        output.WriteLine($"{host.Starts} starts of the sweeping host");

        await using var app = new MediationAppFactory(provider, connectionString, new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = "false" });
        app.StartServer();
        Phase("checking host started");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var ours = petitions.Concat(witness).ToList();
        var clocks = await db.Set<DeadlineClock>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => ours.Contains(c.RecordId) && c.PolicyName == PetitionPolicies.AcceptanceNotice).ToListAsync();
        clocks.Count.ShouldBe(ours.Count);
        var clockIds = clocks.Select(c => c.Id).ToList();
        var recordedByHosts = await db.Set<DeadlineStep>().AsNoTracking().Where(s => clockIds.Contains(s.ClockId)).Select(s => s.Id).ToListAsync();
        await scope.ServiceProvider.GetRequiredService<DeadlineSweepJob>().RunAsync(CancellationToken.None);
        // Only a step that fell due after the last host's last sweep (seconds before it was killed) may be new here.
        (await db.Set<DeadlineStep>().AsNoTracking().Where(s => clockIds.Contains(s.ClockId) && !recordedByHosts.Contains(s.Id)).ToListAsync())
            .Where(s => s.DueInstant < killed.AddMinutes(-2)).Select(s => s.Step).ShouldBeEmpty("a further sweep found steps the hosts had missed");

        var policies = app.Services.GetRequiredService<DeadlinePolicies>();
        var now = DateTimeOffset.UtcNow;
        var reminders = 0;
        var escalations = 0;
        foreach (var clock in clocks)
        {
            var steps = await db.Set<DeadlineStep>().AsNoTracking().Where(s => s.ClockId == clock.Id).ToListAsync();
            var planned = StepPlanner.DueSteps(policies.Get(clock.PolicyName), clock.DueAt!.Value, now).Select(p => p.Step).ToList();
            steps.Select(s => s.Step).ShouldBe(planned, ignoreOrder: true, $"the steps of the clock due {clock.DueAt}");
            var notices = await db.Set<Notice>().AsNoTracking().Where(n => n.SourceKey!.StartsWith(clock.Id.ToString("N"))).ToListAsync();
            notices.GroupBy(n => (n.SourceKey, n.OrgUnitId, n.Channel)).Where(g => g.Count() > 1).Select(g => g.Key.SourceKey).ShouldBeEmpty("a step told twice");
            foreach (var step in steps)
            {
                var told = notices.Where(n => n.SourceKey!.StartsWith($"{clock.Id:N}:{step.Step}:", StringComparison.Ordinal) && n.Channel == NoticeChannel.InApp)
                    .Select(n => n.OrgUnitId).ToList();
                told.ShouldBe(step.Kind is DeadlineStepKind.Reminder || step.SupervisorOrgUnitId == clock.OrgUnitId
                    ? [clock.OrgUnitId] : [step.SupervisorOrgUnitId!.Value, clock.OrgUnitId], ignoreOrder: true, step.Step);
                if (step.Kind is DeadlineStepKind.Reminder) reminders++;
                else escalations++;
            }
        }
        Phase("checked");
        output.WriteLine($"{clocks.Count} clocks: {reminders} reminders and {escalations} escalations, each told once");
        reminders.ShouldBeGreaterThanOrEqualTo(2, "two letters were chosen with reminders due");
        escalations.ShouldBeGreaterThanOrEqualTo(1 + 2 * 3, "a letter with its first escalation due, one and the witness with all three");
    }

    /// <summary>
    /// When the letters were received (whole China days ago, each at noon): two with only reminders due, the most reminders first, one
    /// overdue with only its first escalation due and one with every escalation due (also the witness's age) — at the start and at the
    /// end of <see cref="RunLength"/>, as the policy and the working calendar of the database compute them.
    /// </summary>
    private static async Task<(DateTimeOffset[] Letters, DateTimeOffset Witness)> ReceiptsAsync(DatabaseProvider provider, string connectionString)
    {
        await using var app = new MediationAppFactory(provider, connectionString, new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = "false" });
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var policy = scope.ServiceProvider.GetRequiredService<DeadlinePolicies>().Get(PetitionPolicies.AcceptanceNotice);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarStore>().LoadAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var letters = Enumerable.Range(1, 90).Select(daysAgo =>
        {
            var received = ChinaTime.StartOfDay(ChinaTime.DateOf(now).AddDays(-daysAgo)).AddHours(12).ToUniversalTime();
            var dueAt = DeadlineCalculator.Compute(policy, received, calendar).DueAt;
            var steps = StepPlanner.DueSteps(policy, dueAt, now).Select(s => s.Kind).ToList();
            var stable = steps.SequenceEqual(StepPlanner.DueSteps(policy, dueAt, now + RunLength).Select(s => s.Kind));
            return (Received: received, Steps: steps, Stable: stable);
        }).Where(l => l.Stable && l.Steps.Count > 0).ToList();
        var reminding = letters.Where(l => l.Steps.All(k => k is DeadlineStepKind.Reminder))
            .OrderByDescending(l => l.Steps.Count).ThenByDescending(l => l.Received).Take(2).ToList();
        // Only in a week-long holiday does no period end within three days: then no letter has a reminder due, and the test says so.
        reminding.ShouldNotBeEmpty("no receipt date of the last 90 days has only reminders due for the next half hour");
        // From Friday 0:00 to Saturday 0:00 China time only Friday's period ends within the reminders' 72 hours (Saturday's and Sunday's
        // last days move to Monday, due at its end): the two letters are then received on the same day (the full run failed on 2026-12-04).
        if (reminding.Count == 1) reminding.Add(reminding[0]);
        var overdue = letters.Where(l => l.Steps.All(k => k is not DeadlineStepKind.Reminder)).ToList();
        var firstEscalation = overdue.FirstOrDefault(l => l.Steps.Count == 1);
        var allEscalations = overdue.FirstOrDefault(l => l.Steps.Count == policy.Escalations.Count);
        firstEscalation.Steps.ShouldNotBeNull("no receipt date of the last 90 days has only its first escalation due");
        allEscalations.Steps.ShouldNotBeNull("no receipt date of the last 90 days has all its escalations due");
        return ([.. reminding.Select(l => l.Received), firstEscalation.Received, allEscalations.Received], allEscalations.Received);
    }

    private static async Task<(List<Guid> Ids, Guid Unit)> RegisterAsync(HostProcess host, string prefix, DateTimeOffset[] receipts)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CrashSafety_Tests.TokenAsync(host));
        var ids = new List<Guid>();
        var unit = Guid.Empty;
        for (var i = 0; i < receipts.Length; i++)
        {
            var response = await http.PostJsonAsync("/api/petitions", CrashSafety_Tests.Letter($"{prefix}-{i}", receipts[i]));
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var petition = await response.ReadJsonAsync();
            ids.Add(petition.GetProperty("id").GetGuid());
            unit = petition.GetProperty("orgUnitId").GetGuid();
        }
        return (ids, unit);
    }

    /// <summary>Waits until the petition officer's inbox holds a deadline notice for each of the petitions (up to three minutes: the sweep runs every ten seconds, on a loaded machine later).</summary>
    private static async Task NoticesFor(HostProcess host, Guid unit, List<Guid> petitions)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CrashSafety_Tests.TokenAsync(host));
        var end = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var response = await http.GetAsync($"/api/notifications/inbox?orgUnitId={unit}&pageSize=200");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var inbox = await response.ReadAsync<PagedList<NoticeDto>>();
            if (petitions.All(id => inbox.Items.Any(n => n.Link?.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase) == true))) return;
            if (DateTime.UtcNow > end) throw new ShouldAssertException($"no deadline notice for some of {string.Join(", ", petitions)} within 3 minutes:\n{host.Log}");
            await Task.Delay(1000);
        }
    }
}

public sealed class RestartWithDeadlines_Tests_on_Sqlite(ITestOutputHelper output) : RestartWithDeadlines_Tests(output)
{
    protected override Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "r3-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "mediation.db")};Default Timeout=120"));
    }
}

[Collection(PostgresCollection.Second)]
public sealed class RestartWithDeadlines_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : RestartWithDeadlines_Tests(output)
{
    protected override async Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync() =>
        (DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync());
}
