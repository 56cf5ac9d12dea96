using System.Collections.Concurrent;
using System.Data.Common;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Data;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Host.Data;
using Mediation.Identity;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace Mediation.Tests.Demo;

/// <summary>
/// Issue 17, P5: the start-up seeds run when what they depend on changed (core.SeedStates holds the fingerprint they last ran with)
/// and are skipped otherwise; Seeds:Force=true runs them anyway. Which commands a start ran is read from a command recorder, not
/// from a clock.
/// </summary>
public sealed class SeedFingerprint_Tests
{
    /// <summary>A demo account the tests delete by hand, as an operator might.</summary>
    private const string Deleted = "demo.mediator.daiyue";

    [Fact]
    public async Task A_warm_start_with_an_unchanged_fingerprint_runs_no_seed_command_and_a_changed_one_runs_them_again()
    {
        var connection = NewSqliteDatabase();
        var fresh = new CommandRecorder();
        string first;
        await using (var app = Start(connection, fresh))
        {
            fresh.SeedCommands().ShouldNotBeEmpty("a fresh database is seeded (and the recorder sees the seeds' commands)");
            (await DemoAccountsAsync(app)).ShouldBe(DemoAccounts.Accounts().Select(a => a.UserName), ignoreOrder: true);
            (await UnitCountAsync(app)).ShouldBe(OrgUnitDemoSeed.Units.Count);
            first = (await StatesAsync(app)).ShouldHaveSingleItem().Fingerprint;
            first.Length.ShouldBe(64);
            await DeleteAccountAsync(app);
        }

        var warm = new CommandRecorder();
        await using (var app = Start(connection, warm))
        {
            warm.SeedCommands().ShouldBeEmpty();
            warm.All.ShouldNotBeEmpty("the recorder sees the start's other commands");
            (await DemoAccountsAsync(app)).ShouldNotContain(Deleted, "nothing changed, so the seeds did not run");
            (await StatesAsync(app)).ShouldHaveSingleItem().Fingerprint.ShouldBe(first);
        }

        var changed = new CommandRecorder();
        await using (var app = Start(connection, changed, new() { ["Demo:Password"] = "Another-Passw0rd!" }))
        {
            changed.SeedCommands().ShouldNotBeEmpty();
            (await DemoAccountsAsync(app)).ShouldContain(Deleted);
            (await StatesAsync(app)).ShouldHaveSingleItem().Fingerprint.ShouldNotBe(first);
        }
    }

    [Fact]
    public async Task Seeds_Force_runs_the_seeds_although_nothing_changed()
    {
        var connection = NewSqliteDatabase();
        await using (var app = Start(connection, new CommandRecorder()))
            await DeleteAccountAsync(app);

        var forced = new CommandRecorder();
        await using var again = Start(connection, forced, new() { [DatabaseMigrator.ForceSetting] = "true" });
        forced.SeedCommands().ShouldNotBeEmpty();
        (await DemoAccountsAsync(again)).ShouldContain(Deleted);
    }

    [Fact]
    public void The_fingerprint_changes_with_the_demo_settings_and_not_with_the_order_they_come_in()
    {
        var app = new SeedInputs();
        var one = app.Fingerprint(("Demo:Enabled", "true"), ("Demo:Password", "a"));
        app.Fingerprint(("Demo:Password", "a"), ("Demo:Enabled", "true")).ShouldBe(one);
        app.Fingerprint(("Demo:Enabled", "true"), ("Demo:Password", "b")).ShouldNotBe(one);
        app.Fingerprint(("Demo:Enabled", "true"), ("Demo:Password", "a"), ("Demo:Records", "true")).ShouldNotBe(one);
        app.Fingerprint(("Demo:Enabled", "true"), ("Demo:Password", "a"), ("Unrelated:Setting", "x")).ShouldBe(one);
    }

    private sealed class SeedInputs
    {
        private readonly Mediation.Core.Modularity.ModuleCatalog _modules = Mediation.Host.HostModules.Create();

        public string Fingerprint(params (string Key, string Value)[] settings)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
            var permissions = new Mediation.Core.Security.PermissionCatalog([new([new("a.read", ["Mediator"])])]);
            return SeedFingerprint.Compute([typeof(DatabaseMigrator).Assembly], _modules, permissions, configuration);
        }
    }

    internal static string NewSqliteDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "seeds-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "seeds.db")}";
    }

    private static MediationAppFactory Start(string connection, CommandRecorder recorder, Dictionary<string, string?>? settings = null)
    {
        var app = new MediationAppFactory(DatabaseProvider.Sqlite, connection, settings, recorder.Register);
        app.StartServer();
        recorder.Stop();
        return app;
    }

    internal static Task<List<string>> DemoAccountsAsync(MediationAppFactory app) => app.InScopeAsync(sp =>
        sp.GetRequiredService<MediationDbContext>().Set<AppUser>().IgnoreQueryFilters()
            .Where(u => u.UserName!.StartsWith(DemoAccounts.Prefix)).Select(u => u.UserName!).ToListAsync());

    internal static Task<int> UnitCountAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<OrgUnit>().CountAsync());

    internal static Task<List<SeedState>> StatesAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<SeedState>().AsNoTracking().ToListAsync());

    private static Task<int> DeleteAccountAsync(MediationAppFactory app) => app.InScopeAsync(sp =>
        sp.GetRequiredService<MediationDbContext>().Set<AppUser>().IgnoreQueryFilters().Where(u => u.UserName == Deleted).ExecuteDeleteAsync());
}

/// <summary>Two hosts started at once on one fresh PostgreSQL database: one of them seeds, the other waits and finds it done.</summary>
[Collection(PostgresCollection.Third)]
public sealed class SeedFingerprint_Tests_on_PostgreSql(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_hosts_starting_at_once_seed_the_database_once()
    {
        var database = await cluster.CreateDatabaseAsync();
        // Migrated first, so the hosts meet at the seeds rather than at the migrations' own lock.
        await using (var db = new PostgreSqlMediationDbContext(
            new DbContextOptionsBuilder<PostgreSqlMediationDbContext>().UseNpgsql(database).Options, Mediation.Host.HostModules.Create()))
            await db.Database.MigrateAsync();
        var recorders = new[] { new CommandRecorder(), new CommandRecorder() };
        var hosts = recorders.Select(r => new MediationAppFactory(DatabaseProvider.PostgreSql, database, services: r.Register)).ToArray();
        try
        {
            await Task.WhenAll(hosts.Zip(recorders).Select(h => Task.Run(() =>
            {
                h.First.StartServer();
                h.Second.Stop();
            })));

            recorders.Count(r => r.SeedCommands().Count > 0).ShouldBe(1, "the host that waited for the lock found the seeds done");
            (await SeedFingerprint_Tests.DemoAccountsAsync(hosts[0])).ShouldBe(DemoAccounts.Accounts().Select(a => a.UserName), ignoreOrder: true);
            (await SeedFingerprint_Tests.UnitCountAsync(hosts[1])).ShouldBe(OrgUnitDemoSeed.Units.Count);
            (await SeedFingerprint_Tests.StatesAsync(hosts[1])).ShouldHaveSingleItem();
            foreach (var host in hosts) (await host.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}

/// <summary>Every command a host runs until <see cref="Stop"/>; the seeds are known by the tables only they touch at start-up.</summary>
internal sealed class CommandRecorder : CommandTextInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private volatile bool _stopped;

    public void Register(IServiceCollection services) => services.AddSingleton<IDbCommandInterceptor>(this);

    public void Stop() => _stopped = true;

    public IReadOnlyList<string> All => [.. _commands];

    /// <summary>
    /// Every run of the seeds reads the permission defaults already applied (the roles' seed) and writes the fingerprint; nothing
    /// else touches those tables. (Not the roles: a host's outbox handlers may read them as soon as another host's seeds add users.)
    /// </summary>
    public IReadOnlyList<string> SeedCommands() =>
        [.. _commands.Where(c => c.Contains("AppliedPermissionDefaults", StringComparison.Ordinal)
                                 || (c.Contains("SeedStates", StringComparison.Ordinal) && !c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))];

    protected override void Seen(DbCommand command)
    {
        if (!_stopped) _commands.Enqueue(command.CommandText);
    }
}
