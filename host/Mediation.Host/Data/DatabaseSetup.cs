using Mediation.Core.Data;
using Mediation.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
                services.AddDbContext<SqliteMediationDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(KernelSecurityServiceCollectionExtensions.DbContextInterceptors(sp)));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<SqliteMediationDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<PostgreSqlMediationDbContext>((sp, o) => o.UseNpgsql(connectionString).AddInterceptors(KernelSecurityServiceCollectionExtensions.DbContextInterceptors(sp)));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<PostgreSqlMediationDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<SqlServerMediationDbContext>((sp, o) => o.UseSqlServer(connectionString).AddInterceptors(KernelSecurityServiceCollectionExtensions.DbContextInterceptors(sp)));
                services.AddScoped<MediationDbContext>(sp => sp.GetRequiredService<SqlServerMediationDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }
        return services;
    }

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
