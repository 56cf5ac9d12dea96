using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql.Factories;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Mediation.Core;
using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Host.Data;
using Hangfire.Logging;
using Microsoft.Data.Sqlite;
using System.Runtime.CompilerServices;

namespace Mediation.Host;

public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public bool ServerEnabled { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 2, 10);
    /// <summary>
    /// How often the server looks for recurring and delayed jobs that fell due: Hangfire's own 15 s. The jobs are minutely at most
    /// and the deadlines they watch run in hours and days, so a job may start up to 15 s after its minute; an idle host polled
    /// every second kept allocating and compiling for it (issue 17, P5). A test with a seconds schedule sets 1 s.
    /// </summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Cron expressions replacing recurring jobs' own (<c>Hangfire:Schedules:0:Job=deadlines:sweep</c>,
    /// <c>Hangfire:Schedules:0:Cron=*/5 * * * * *</c>: a sixth field counts seconds). A list rather than a map: job ids hold ':'.
    /// </summary>
    public List<JobSchedule> Schedules { get; set; } = [];
}

public sealed class JobSchedule
{
    public string Job { get; set; } = "";
    public string Cron { get; set; } = "";
}

internal static class HangfireSetup
{
    /// <summary>Job storage follows the database provider, so jobs survive restarts and several hosts share one queue.</summary>
    public static IServiceCollection AddMediationHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.ReadDatabaseOptions();
        var connectionString = DatabaseSetup.ConnectionString(configuration, database.Provider);
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();

        // Hangfire.AspNetCore would resolve JobStorage and JobActivator from its process-wide statics
        // (JobStorage.Current, JobActivator.Current): with two hosts in one process (the tests run
        // several) a job could be enqueued into, and run by, the other host. Registering both per host
        // first makes AddHangfire's TryAdd keep ours.
        services.AddSingleton<JobStorage>(_ => CreateStorage(database.Provider, connectionString));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>())
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        if (options.ServerEnabled)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = options.SchedulePollingInterval;
            });
        }
        return services;
    }

    // One method a provider: the JIT loads the assemblies a method names, so an SQLite host never maps Npgsql, Hangfire.PostgreSql
    // or Hangfire.SqlServer (in a single switch all three were loaded on every host). The helpers return JobStorage, not their
    // storage's type, so compiling this switch does not need those types either.
#pragma warning disable CA1859
    private static JobStorage CreateStorage(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => StorageOnSqlite(connectionString),
        DatabaseProvider.PostgreSql => StorageOnPostgreSql(connectionString),
        DatabaseProvider.SqlServer => StorageOnSqlServer(connectionString),
        _ => throw new InvalidOperationException($"No Hangfire storage for provider {provider}."),
    };

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JobStorage StorageOnSqlite(string connectionString) => new SQLiteStorage(HangfireSqlitePath(connectionString), new SQLiteStorageOptions());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JobStorage StorageOnPostgreSql(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JobStorage StorageOnSqlServer(string connectionString) =>
        new SqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
#pragma warning restore CA1859

    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        var options = services.GetRequiredService<IConfiguration>().GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        var jobs = new ScheduledRecurringJobs(services.GetRequiredService<IRecurringJobManager>(), options.Schedules);
        CoreServiceCollectionExtensions.ConfigureCoreJobs(jobs);
        foreach (var module in services.GetRequiredService<ModuleCatalog>().Modules)
            module.ConfigureJobs(jobs);
        // A misspelt job id would leave the job on its own schedule without a word.
        if (options.Schedules.Select(s => s.Job).Except(jobs.Registered, StringComparer.Ordinal).ToList() is { Count: > 0 } unknown)
            throw new InvalidOperationException($"Hangfire:Schedules names jobs no module registers: {string.Join(", ", unknown)}.");
    }

    /// <summary>The modules' recurring jobs, each on its configured schedule (<see cref="HangfireOptions.Schedules"/>) or its own.</summary>
    private sealed class ScheduledRecurringJobs(IRecurringJobManager inner, IReadOnlyList<JobSchedule> schedules) : IRecurringJobManager
    {
        public List<string> Registered { get; } = [];

        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, RecurringJobOptions options)
        {
            Registered.Add(recurringJobId);
            var configured = schedules.LastOrDefault(s => s.Job == recurringJobId)?.Cron;
            inner.AddOrUpdate(recurringJobId, job, string.IsNullOrWhiteSpace(configured) ? cronExpression : configured, options);
        }

        public void Trigger(string recurringJobId) => inner.Trigger(recurringJobId);

        public void RemoveIfExists(string recurringJobId) => inner.RemoveIfExists(recurringJobId);
    }

    // Hangfire keeps its own SQLite file beside the application database (it opens its own connections).
    private static string HangfireSqlitePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(dataSource)!, Path.GetFileNameWithoutExtension(dataSource) + ".hangfire.db");
    }
}

/// <summary>
/// Hangfire's log provider is a process-wide static, set by whichever host configured Hangfire last. When that
/// host stops (the tests run several in one process) its logger factory is disposed, and another host's first
/// BackgroundJobClient threw ObjectDisposedException while taking a logger — a 500 on the request that enqueued.
/// Such a host gets a silent logger instead.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
