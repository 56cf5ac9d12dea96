using System.Collections.Concurrent;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit.Abstractions;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Hostile;

/// <summary>An outbox message of the storm test; its handler counts deliveries per message.</summary>
public sealed record StormTickEto(Guid Id, int Round) : IIntegrationEvent
{
    public const string EventName = "tests.storm-tick";
}

public sealed class StormTickHandler : IIntegrationEventHandler<StormTickEto>
{
    public static readonly ConcurrentDictionary<Guid, int> Deliveries = new();

    public Task HandleAsync(StormTickEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        Deliveries.AddOrUpdate(integrationEvent.Id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Issue 18 R4: three hosts on one PostgreSQL database, as behind a load balancer, through a deadline storm — hundreds of
/// clocks running out together while the days pass (催办, then 督办, then 通报 fall due), every host sweeping as fast as it can
/// and every host's outbox dispatcher delivering a stream of messages published on all three. Each escalation is recorded by
/// exactly one sweep and told once to each unit, and each outbox message reaches its handler exactly once.
/// One minute here; <c>etc/soak.sh</c> runs ten (MEDIATION_SOAK_STORM_SECONDS).
/// </summary>
[Collection(PostgresCollection.Second)]
public sealed class SeveralHosts_Tests(PostgresCluster cluster, ITestOutputHelper output)
{
    private static TimeSpan Storm => TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("MEDIATION_SOAK_STORM_SECONDS"), out var s) ? s : 60);

    private const int Clocks = 300;

    [Fact]
    public async Task Three_hosts_through_a_deadline_storm_record_each_escalation_and_deliver_each_message_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var database = await cluster.CreateDatabaseAsync();
        var hosts = new MediationAppFactory[3];
        for (var i = 0; i < hosts.Length; i++)
        {
            hosts[i] = new MediationAppFactory(Mediation.Core.Data.DatabaseProvider.PostgreSql, database,
                new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = "false", ["Outbox:PollInterval"] = "00:00:00.100" },
                s =>
                {
                    DeadlineApps.WithTime(time)(s);
                    s.AddIntegrationEvent<StormTickEto>(StormTickEto.EventName);
                    s.AddIntegrationEventHandler<StormTickEto, StormTickHandler>();
                });
            hosts[i].StartServer();
        }
        try
        {
            var unitId = await hosts[0].UnitIdAsync("370902001001");
            var storm = await hosts[0].InScopeAsync(async sp =>
            {
                var deadlines = sp.GetRequiredService<IDeadlineClocks>();
                var ids = new List<Guid>();
                for (var i = 0; i < Clocks; i++)
                    ids.Add((await deadlines.StartAsync(new StartClockInput("storm", Guid.NewGuid(), unitId, "petition.acceptance-notice", China(2026, 3, 2), "测试"),
                        CancellationToken.None)).Id);
                return ids;
            });

            var published = new ConcurrentBag<Guid>();
            var performed = new ConcurrentBag<int>();
            var end = DateTime.UtcNow + Storm;
            // The days pass while the hosts sweep: from the due date (17 Mar) to past 通报 (7 working days after it).
            var driver = Task.Run(async () =>
            {
                for (var day = 0; DateTime.UtcNow < end; day++)
                {
                    if (day <= 16) time.SetUtcNow(China(2026, 3, 17, 9).AddDays(day).ToUniversalTime());
                    await Task.Delay(Storm / 20);
                }
                time.SetUtcNow(China(2026, 4, 10, 9).ToUniversalTime());
            });
            var sweepers = hosts.Select((host, h) => Task.Run(async () =>
            {
                for (var round = 0; DateTime.UtcNow < end; round++)
                {
                    performed.Add(await host.SweepAsync());
                    await host.InScopeAsync(async sp =>
                    {
                        var publisher = sp.GetRequiredService<IIntegrationEventPublisher>();
                        var tick = new StormTickEto(Guid.NewGuid(), round);
                        publisher.Publish(tick);
                        published.Add(tick.Id);
                        return await sp.GetRequiredService<MediationDbContext>().SaveChangesAsync();
                    });
                    // About fifteen messages a second from the three hosts: a stream the dispatchers keep up with on two loaded cores.
                    await Task.Delay(200);
                }
            })).ToList();
            await Task.WhenAll([driver, .. sweepers]);
            performed.Add((await Task.WhenAll(hosts.Select(h => h.SweepAsync()))).Sum());

            // The dispatchers wait for the host's own signal or their poll interval on the test's frozen clock; the three are run here until the outbox is empty.
            await Eventually.Async(async () =>
            {
                await Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None)));
                return await hosts[0].InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().OutboxMessages
                    .CountAsync(m => m.EventName == StormTickEto.EventName && m.ProcessedAt == null));
            }, pending => pending == 0, "every storm message processed");
            var ticks = published.ToList();
            output.WriteLine($"{Storm.TotalSeconds:0} s: {performed.Count} sweeps recorded {performed.Sum()} steps; {ticks.Count} outbox messages");
            ticks.Where(id => StormTickHandler.Deliveries.GetValueOrDefault(id) != 1)
                .Select(id => $"{id}×{StormTickHandler.Deliveries.GetValueOrDefault(id)}").ShouldBeEmpty("messages not handled exactly once");
            ticks.Count.ShouldBeGreaterThan(hosts.Length * 5, "a stream of messages during the storm");

            await using var scope = hosts[0].Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.Set<DeadlineStep>().CountAsync()).ShouldBe(performed.Sum(), "every step recorded was reported by exactly one sweep");
            var steps = await db.Set<DeadlineStep>().AsNoTracking().Where(s => storm.Contains(s.ClockId)).ToListAsync();
            steps.GroupBy(s => s.ClockId).Count().ShouldBe(Clocks);
            steps.GroupBy(s => s.ClockId).Where(g => !g.Select(s => s.Kind).Where(k => k is not DeadlineStepKind.Reminder).Order().SequenceEqual([DeadlineStepKind.Urge, DeadlineStepKind.Supervise, DeadlineStepKind.Circulate]))
                .Select(g => g.Key).ShouldBeEmpty("each clock urged, supervised and circulated once");
            var notices = await db.Set<Notice>().AsNoTracking().Where(n => n.Template == "deadline-escalation" && n.OrgUnitId == unitId).Select(n => n.SourceKey!).ToListAsync();
            var keys = storm.Select(id => id.ToString("N")).ToHashSet();
            var ours = notices.Where(k => keys.Contains(k.Split(':')[0])).ToList();
            ours.Count.ShouldBe(Clocks * 3, "each step told to the owning unit once");
            ours.Distinct().Count().ShouldBe(ours.Count);
            output.WriteLine($"{Clocks} storm clocks: {ours.Count} escalation notices to the owning unit, each once; {ticks.Count} messages each handled once");
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }
}
