using Mediation.Core.Data;
using Mediation.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mediation.Host.Data;

public static class DatabaseSetup
{
    public const string DefaultSqliteConnectionString = "Data Source=data/mediation.db";

    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(configured)) return provider is DatabaseProvider.Sqlite ? PrepareSqlite(configured) : configured;
        if (provider is DatabaseProvider.Sqlite) return PrepareSqlite(DefaultSqliteConnectionString);
        throw new InvalidOperationException($"Database:Provider is {provider}; set ConnectionStrings:Default (env ConnectionStrings__Default).");
    }

    public static IServiceCollection AddMediationDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.ReadDatabaseOptions();
        services.AddSingleton(options);
        var connectionString = ConnectionString(configuration, options.Provider);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var timeout = TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(connectionString).DefaultTimeout);
                services.AddSingleton(sp => new SqliteWriteGate(timeout, sp.GetRequiredService<ILogger<SqliteWriteGate>>()));
                var synchronous = SqliteSynchronous(configuration);
                // The scope's request, if any, names the writer in the gate's warnings.
                services.AddScoped(sp => new SqliteWriteGateInterceptor(sp.GetRequiredService<SqliteWriteGate>(), synchronous,
                    sp.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()?.HttpContext));
                services.AddDbContext<SqliteMediationDbContext>((sp, o) => o.UseSqlite(connectionString)
                    .AddInterceptors([sp.GetRequiredService<SqliteWriteGateInterceptor>(), .. Interceptors(sp)]));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<SqliteMediationDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgreSqlMediationDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(Interceptors(sp)));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<PostgreSqlMediationDbContext>());
                services.AddSingleton<IBulkCopy, PostgreSqlBulkCopy>();
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerMediationDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(Interceptors(sp)));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<SqlServerMediationDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }
        return services;
    }

    // The kernel's save interceptors, and command interceptors registered as services (the tests count commands with one).
    private static IInterceptor[] Interceptors(IServiceProvider sp) =>
        [.. sp.GetServices<IDbCommandInterceptor>(), .. KernelSecurityServiceCollectionExtensions.DbContextInterceptors(sp)];

    /// <summary>
    /// Database:SqliteSynchronous, NORMAL unless set. In WAL mode NORMAL syncs at checkpoints, not at every commit: the database
    /// survives a crash of the process and cannot be corrupted, but a power loss may take the last commits. FULL syncs every commit.
    /// </summary>
    public static string SqliteSynchronous(IConfiguration configuration) =>
        (configuration["Database:SqliteSynchronous"] ?? "NORMAL").ToUpperInvariant() is var value && value is "NORMAL" or "FULL" or "EXTRA"
            ? value
            : throw new InvalidOperationException($"Database:SqliteSynchronous is '{value}'; use NORMAL, FULL or EXTRA.");

    /// <summary>Makes a relative SQLite file path absolute (against the working directory) and creates its folder.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not (":memory:" or "") && builder.Mode is not SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        return builder.ToString();
    }
}
