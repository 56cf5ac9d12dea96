using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Identity;
using Mediation.Petitions;
using Mediation.Petitions.Domain;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R2: the built host runs as a child process under an intake load — petition officers registering letters with an
/// Idempotency-Key, retrying the same key whenever the host does not answer — and is killed with SIGKILL while they do, then
/// started again on the same database. Afterwards every key answered 201 names exactly one petition, each petition has its
/// acceptance clock, its audit row and its number with no gap before it, no key is left half-stored, and the audit chain verifies.
/// <c>etc/test.sh</c> kills once per provider; <c>etc/soak.sh</c> five times (MEDIATION_SOAK_KILLS).
/// </summary>
public abstract class CrashSafety_Tests(ITestOutputHelper output)
{
    protected abstract Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync();

    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("MEDIATION_SOAK_KILLS"), out var n) ? n : 1;

    private const int Clients = 4;
    private const int AcknowledgedBetweenKills = 12;

    [Fact]
    public async Task A_host_killed_during_intake_loses_no_acknowledged_registration_and_leaves_no_half_written_one()
    {
        var (provider, connectionString) = await DatabaseAsync();
        await using var host = new HostProcess(provider, connectionString);
        await host.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var refused = new ConcurrentBag<string>();
        var retries = 0;
        var replays = 0;
        var token = await TokenAsync(host);
        var done = false;

        async Task ClientAsync(int client)
        {
            using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            for (var i = 0; !Volatile.Read(ref done) || i < AcknowledgedBetweenKills; i++)
            {
                var key = $"r2-{run}-{client}-{i}";
                while (true)
                {
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/petitions") { Content = JsonContent.Create(Letter(key), options: HttpJson.Options) };
                        request.Headers.Add(IdempotencyMiddleware.HeaderName, key);
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Volatile.Read(ref token));
                        using var response = await http.SendAsync(request);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            var id = (await response.ReadJsonAsync()).GetProperty("id").GetGuid();
                            if (response.Headers.Contains("Idempotent-Replayed")) Interlocked.Increment(ref replays);
                            acknowledged.GetOrAdd(key, id).ShouldBe(id, $"{key} was answered with two petitions");
                            break;
                        }
                        if (response.StatusCode == HttpStatusCode.Unauthorized) Volatile.Write(ref token, await TokenAsync(host));
                        else if (response.StatusCode is not (HttpStatusCode.Conflict or HttpStatusCode.ServiceUnavailable) && (int)response.StatusCode < 500)
                        {
                            refused.Add($"{key} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                            break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The host is gone: the client retries the same key until one answers.
                    }
                    Interlocked.Increment(ref retries);
                    await Task.Delay(200);
                }
            }
        }

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToList();
        for (var kill = 0; kill < Kills; kill++)
        {
            var target = acknowledged.Count + AcknowledgedBetweenKills;
            await Eventually.Async(() => Task.FromResult(acknowledged.Count), count => count >= target || clients.Any(c => c.IsFaulted),
                $"{AcknowledgedBetweenKills} more registrations before kill {kill + 1}");
            host.Kill();
            await host.StartAsync();
        }
        Volatile.Write(ref done, true);
        await Task.WhenAll(clients).WaitAsync(TimeSpan.FromMinutes(5));
        host.Kill();
        output.WriteLine($"{Kills} kills: {acknowledged.Count} registrations answered 201 ({replays} of them replayed from the key's record), {retries} retries");
        refused.ShouldBeEmpty();

        // The killed host's database, read by a fresh host of the test's own.
        await using var app = new MediationAppFactory(provider, connectionString);
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var petitions = await db.Set<Petition>().IgnoreQueryFilters().AsNoTracking().Where(p => p.Matter.StartsWith($"r2-{run}-"))
            .Select(p => new { p.Id, p.Matter, p.Year, p.SequenceNumber, p.OrgUnitId }).ToListAsync();
        petitions.GroupBy(p => p.Matter).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("a key registered twice");
        petitions.Select(p => p.Matter).ShouldBe(acknowledged.Keys.Select(MatterOf), ignoreOrder: true);
        foreach (var petition in petitions) acknowledged[petition.Matter.Split(' ')[0]].ShouldBe(petition.Id);

        var ids = petitions.Select(p => p.Id).ToList();
        var clocks = await db.Set<DeadlineClock>().IgnoreQueryFilters().AsNoTracking()
            .Where(c => ids.Contains(c.RecordId) && c.PolicyName == PetitionPolicies.AcceptanceNotice).Select(c => c.RecordId).ToListAsync();
        ids.Except(clocks).ShouldBeEmpty("petitions without their acceptance clock");
        clocks.Count.ShouldBe(ids.Count, "one acceptance clock per petition");
        var textIds = ids.Select(id => id.ToString()).ToList();
        var audited = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(Petition) && a.Action == AuditActions.Created && textIds.Contains(a.EntityId!)).Select(a => a.EntityId!).ToListAsync();
        textIds.Except(audited).ShouldBeEmpty("petitions without their audit row");
        foreach (var unit in petitions.GroupBy(p => (p.OrgUnitId, p.Year)))
        {
            // Every number of the unit and year was drawn in the transaction of its petition: a gap is a number without one.
            var numbers = await db.Set<Petition>().IgnoreQueryFilters().AsNoTracking().Where(p => p.OrgUnitId == unit.Key.OrgUnitId && p.Year == unit.Key.Year)
                .Select(p => p.SequenceNumber).OrderBy(n => n).ToListAsync();
            numbers.ShouldBe(Enumerable.Range(1, numbers.Count).ToList(), "numbers 1..n without a gap or a repeat");
        }
        var keys = await db.Set<IdempotencyRecord>().AsNoTracking().Where(r => r.Key.StartsWith($"r2-{run}-")).ToListAsync();
        keys.Where(r => !r.Completed).Select(r => r.Key).ShouldBeEmpty("keys left in progress by a killed host");
        keys.Select(r => r.Key).ShouldBe(acknowledged.Keys, ignoreOrder: true);

        var chain = app.Services.GetRequiredService<AuditChain>();
        await Task.Delay(300);
        while (await chain.SealAsync(CancellationToken.None) > 0) { }
        var report = await chain.VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeTrue($"broken at sequence {report.BrokenAtSequence}");
    }

    internal static string MatterOf(string key) => key + " 岱东社区某小区业主反映物业公司擅自提高收费标准，多次协商未果，请求依法查处";

    internal static RegisterPetitionInput Letter(string key, DateTimeOffset? receivedAt = null) => new(PetitionChannel.Visit, receivedAt, null,
        [new PetitionerInput("王某", "11010519491231002X", "13800138000", "岱东社区 3 号")], MatterOf(key), "依法查处", "岱东社区", null, null, null, null);

    internal static async Task<string> TokenAsync(HostProcess host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var response = await http.PostAsJsonAsync("/api/auth/token", new TokenRequest("demo.petitionofficer", MediationAppFactory.DemoPassword, null), HttpJson.Options);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<TokenResponse>()).AccessToken;
    }
}

public sealed class CrashSafety_Tests_on_Sqlite(ITestOutputHelper output) : CrashSafety_Tests(output)
{
    protected override Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "r2-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return Task.FromResult((DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "mediation.db")};Default Timeout=120"));
    }
}

[Collection(PostgresCollection.Second)]
public sealed class CrashSafety_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : CrashSafety_Tests(output)
{
    protected override async Task<(DatabaseProvider Provider, string ConnectionString)> DatabaseAsync() =>
        (DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync());
}
