using System.Collections.Concurrent;
using System.Diagnostics;
using Mediation.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Mediation.Tests.Infrastructure.PostgresCollectionsFirst", "Mediation.Tests")]

namespace Mediation.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb + pg_ctl from Debian's postgresql
/// package, on a free loopback port, fsync off, removed at the end. As root, the server runs as
/// the `postgres` user (initdb refuses root). Each test class asks for its own database, a copy of one migrated and seeded once
/// when its host would seed the same (<see cref="CreateSeededDatabaseAsync"/>).
/// One cluster per test collection: xUnit runs a collection's classes one after another, so the
/// PostgreSQL classes are spread over three collections (<see cref="PostgresCollection"/>) to run
/// side by side instead of as one serial chain at the end of the run.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string _dataDir = "";
    private string _binDir = "";
    private int _port;
    private bool _asPostgresUser;

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        _binDir = FindBinDir();
        _asPostgresUser = Environment.UserName == "root";
        _port = FreePort();
        var root = Path.Combine(Path.GetTempPath(), "mediation-pg-" + Guid.NewGuid().ToString("N")[..8]);
        _dataDir = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (_asPostgresUser && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                       | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.OtherRead | UnixFileMode.GroupRead);
            await RunAsync("chown", ["postgres", root], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binDir, "initdb"),
            ["-D", _dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], _asPostgresUser);
        await RunAsync(Path.Combine(_binDir, "pg_ctl"),
            ["-D", _dataDir, "-l", Path.Combine(root, "server.log"), "-w", "-o",
             $"-p {_port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
             "start"], _asPostgresUser);
    }

    /// <summary>An empty database; the first host on it migrates and seeds it.</summary>
    public Task<string> CreateDatabaseAsync() => CreateDatabaseAsync(template: null);

    private Task<string>? _seededTemplate;
    private readonly Lock _seededTemplateLock = new();

    /// <summary>
    /// A database already migrated and seeded (<see cref="SeededDatabases"/>): a copy of this cluster's template, made by
    /// CREATE DATABASE … TEMPLATE, which copies its files instead of replaying the migrations and the seeds.
    /// </summary>
    public async Task<string> CreateSeededDatabaseAsync()
    {
        lock (_seededTemplateLock) _seededTemplate ??= CreateSeededTemplateAsync();
        return await CreateDatabaseAsync(await _seededTemplate);
    }

    private async Task<string> CreateDatabaseAsync(string? template)
    {
        var name = "mediation_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name};Maximum Pool Size=20";
    }

    private async Task<string> CreateSeededTemplateAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        string deleteLeases;
        await using (var factory = new MediationAppFactory(DatabaseProvider.PostgreSql, connectionString))
        {
            factory.StartServer();
            deleteLeases = SeededDatabases.DeleteLeasesSql(factory);
        }
        await using (var pooled = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(pooled);
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(deleteLeases, connection);
            await command.ExecuteNonQueryAsync();
        }
        // A copy needs the template to have no session: none may connect any more, and any left (a pool's straggler) is ended.
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", admin);
            await command.ExecuteNonQueryAsync();
        }
        return name;
    }

    private readonly ConcurrentDictionary<Type, Lazy<Task<MediationAppFactory>>> _apps = new();
    private readonly ConcurrentDictionary<Type, Lazy<Task<MediationAppFactory[]>>> _farms = new();
    private Type? _currentClass;

    /// <summary>
    /// One host per test class on its own database, started on first use. It is disposed when the
    /// next class of the collection asks for its host (the collection runs its classes one after
    /// another), or with the cluster: an idle host still polls the database for jobs, outbox
    /// messages and audit seals, and sixty of them slowed the classes that ran last.
    /// </summary>
    public async Task<MediationAppFactory> AppForAsync(Type testClass, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        await RetireOtherClassesAsync(testClass);
        return await _apps.GetOrAdd(testClass, _ => new Lazy<Task<MediationAppFactory>>(async () =>
        {
            var database = SeededDatabases.SeedsLikeTheTemplate(settings, services) ? await CreateSeededDatabaseAsync() : await CreateDatabaseAsync();
            var factory = new MediationAppFactory(DatabaseProvider.PostgreSql, database, settings, services);
            factory.StartServer(); // migrations run here, not inside the first test
            return factory;
        })).Value;
    }

    /// <summary>Several hosts per test class on one database, as behind a load balancer; started on first use, retired like <see cref="AppForAsync"/>.</summary>
    public async Task<MediationAppFactory[]> HostsSharingOneDatabaseForAsync(Type testClass, int count, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        await RetireOtherClassesAsync(testClass);
        return await _farms.GetOrAdd(testClass, _ => new Lazy<Task<MediationAppFactory[]>>(async () =>
        {
            var database = SeededDatabases.SeedsLikeTheTemplate(settings, services) ? await CreateSeededDatabaseAsync() : await CreateDatabaseAsync();
            var hosts = new MediationAppFactory[count];
            for (var i = 0; i < count; i++)
            {
                hosts[i] = new MediationAppFactory(DatabaseProvider.PostgreSql, database, settings, services);
                hosts[i].StartServer();
            }
            return hosts;
        })).Value;
    }

    // No lock: a collection runs its classes, and a class its tests, one at a time; and TryRemove
    // lets only one caller dispose a given host should a test ask for its host twice at once.
    private async Task RetireOtherClassesAsync(Type testClass)
    {
        if (_currentClass == testClass) return;
        foreach (var finished in _apps.Keys.Concat(_farms.Keys).Where(t => t != testClass).Distinct().ToList())
            await DisposeHostsOfAsync(finished);
        _currentClass = testClass;
    }

    private async Task DisposeHostsOfAsync(Type testClass)
    {
        if (_farms.TryRemove(testClass, out var farm) && farm.IsValueCreated)
        {
            try { foreach (var host in await farm.Value) await host.DisposeAsync(); }
            catch (Exception) { /* a host that failed to start; its class already reported that */ }
        }
        if (_apps.TryRemove(testClass, out var app) && app.IsValueCreated)
        {
            try { await (await app.Value).DisposeAsync(); }
            catch (Exception) { /* a host that failed to start; its class already reported that */ }
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var testClass in _apps.Keys.Concat(_farms.Keys).Distinct().ToList())
                await DisposeHostsOfAsync(testClass);
        }
        finally
        {
            await StopAsync();
        }
    }

    private async Task StopAsync()
    {
        if (string.IsNullOrEmpty(_dataDir)) return;
        NpgsqlConnection.ClearAllPools();
        await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "stop"], _asPostgresUser);
        try { Directory.Delete(Path.GetDirectoryName(_dataDir)!, recursive: true); }
        catch (IOException) { /* the temp folder is cleaned by the OS anyway */ }
    }

    private static string FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql. Run etc/test.sh (it installs the `postgresql` package) or `apt-get install postgresql`.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}

/// <summary>
/// The PostgreSQL test collections, each with its own cluster. Name holds the API, cases and
/// deadline classes (and any new class until it is placed), Second the hostile, petition,
/// document, export and integration classes, Third security, service desk, legal windows, joint
/// meetings and statistics — about a third of the PostgreSQL test time each (session 13's run).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
    public const string Second = "PostgreSQL 2";
    public const string Third = "PostgreSQL 3";
}

[CollectionDefinition(PostgresCollection.Second)]
public sealed class SecondPostgresCollection : ICollectionFixture<PostgresCluster>;

[CollectionDefinition(PostgresCollection.Third)]
public sealed class ThirdPostgresCollection : ICollectionFixture<PostgresCluster>;

/// <summary>
/// Starts the PostgreSQL collections first. They are the run's longest serial chains (every other
/// class is a collection of its own), so started last they would leave one core idle at the end.
/// </summary>
public sealed class PostgresCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .Select((collection, index) => (collection, index))
            .OrderBy(c => c.collection.DisplayName.StartsWith(PostgresCollection.Name, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.index)
            .Select(c => c.collection);
}
