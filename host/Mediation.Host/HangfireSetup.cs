using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Mediation.Core;
using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Host.Data;
using Microsoft.Data.Sqlite;

namespace Mediation.Host;

public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public bool ServerEnabled { get; set; } = true;
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 2, 10);
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}

internal static class HangfireSetup
{
    /// <summary>Job storage follows the database provider, so jobs survive restarts and several hosts share one queue.</summary>
    public static IServiceCollection AddMediationHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.ReadDatabaseOptions();
        var connectionString = DatabaseSetup.ConnectionString(configuration, database.Provider);
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.Sqlite:
                    config.UseSQLiteStorage(HangfireSqlitePath(connectionString), new SQLiteStorageOptions());
                    break;
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString,
                        new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
            }
        });

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

    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        CoreServiceCollectionExtensions.ConfigureCoreJobs(jobs);
        foreach (var module in services.GetRequiredService<ModuleCatalog>().Modules)
            module.ConfigureJobs(jobs);
    }

    // Hangfire keeps its own SQLite file beside the application database (it opens its own connections).
    private static string HangfireSqlitePath(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(dataSource)!, Path.GetFileNameWithoutExtension(dataSource) + ".hangfire.db");
    }
}
