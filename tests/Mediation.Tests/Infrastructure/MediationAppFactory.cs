using Mediation.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Tests.Infrastructure;

/// <summary>
/// The real host (Program.cs, every module, migrations at start-up) on a fresh database of the
/// given provider (on SQLite a copy of one already migrated and seeded, when the host would seed the same:
/// <see cref="SeededDatabases"/>). Settings are passed as host settings, which Program reads like any configuration.
/// </summary>
public sealed class MediationAppFactory : WebApplicationFactory<Program>
{
    private readonly string _tempDir;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public MediationAppFactory(DatabaseProvider provider, string? connectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Provider = provider;
        _tempDir = Path.Combine(Path.GetTempPath(), "mediation-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_tempDir);
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            // Four test classes share two cores, and SQLite serialises writers: fifty concurrent registrations
            // once waited past the default 30 s for the write lock. The wait is raised, not the work.
            ["ConnectionStrings:Default"] = connectionString ?? $"Data Source={Path.Combine(_tempDir, "mediation.db")};Default Timeout=120",
            ["Demo:Enabled"] = "true",
            ["Hangfire:ServerEnabled"] = "false",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Demo:Password"] = DemoPassword,
            ["PersonalData:Keys:test1"] = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=",
            ["PersonalData:CurrentKeyId"] = "test1",
            ["PersonalData:HashKey"] = "ESIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u/wA=",
            ["Audit:SealInterval"] = "00:00:00.200",
            ["Audit:SealDelay"] = "00:00:00.100",
            // Idle pollers back off as a deployment's do (issue 17, P5), but only to 2 s: what another host of a test, or a test by hand,
            // writes without waking this host's poller is sealed or delivered within that, not a deployment's 30 s.
            ["Audit:MaxSealInterval"] = "00:00:02",
            ["Outbox:MaxPollInterval"] = "00:00:02",
            // Every test client reaches the host from one address (TestServer gives none), so the real limit of
            // 30 sign-ins a minute per address would ration a whole test class; the throttle tests set their own.
            ["Identity:SignInRateLimit:PerAddress"] = "100000",
            // The hosts of a test run share one process and one GC: a host's aggressive collection after its start would pause
            // every other test's; StartupMemoryTrim_Tests turns it on for its own host.
            ["Memory:TrimAfterStart"] = "off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _services = services;
        // A host of its own SQLite file that would seed as the defaults do starts on a copy of one seeded already.
        if (provider is DatabaseProvider.Sqlite && connectionString is null && SeededDatabases.SeedsLikeTheTemplate(settings, services))
            SeededDatabases.CopySqliteTemplateTo(Path.Combine(_tempDir, "mediation.db"));
    }

    public const string DemoPassword = "Demo-Passw0rd!";

    public DatabaseProvider Provider { get; }

    public string Environment { get; init; } = "Testing";

    public bool ValidateServices { get; init; }

    public string ContentDirectory => _tempDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment(Environment);
        // As Development does: a scoped service captured by a singleton, or a registration that cannot be built, stops the host.
        if (ValidateServices) builder.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; });
        if (_services is not null) builder.ConfigureServices(_services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_tempDir, recursive: true); }
        catch (IOException) { /* a file still open by a finalizing connection; the temp folder is cleaned later */ }
        GC.SuppressFinalize(this);
    }
}
