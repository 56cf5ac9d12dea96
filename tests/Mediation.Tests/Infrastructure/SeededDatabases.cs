using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Tests.Infrastructure;

/// <summary>
/// A database migrated and demo-seeded once, copied for every test host that would seed the same. Migrating and seeding a fresh
/// database was most of a host's start: a PostgreSQL class's first test took 15–35 s longer than its others (session 25's run, 70
/// classes), a SQLite class fixture about 8 s. A copy is what a fresh database is after that start — the host finds the seeds'
/// fingerprint (<c>core.SeedStates</c>) current and skips them, as a deployment's warm start does — and the template host's leases are
/// removed, so the copy's audit sealer takes its turn at once, as on a fresh database.
/// </summary>
internal static class SeededDatabases
{
    /// <summary>
    /// Whether a host with these settings and service replacements seeds what the template holds: its seeds depend only on the code
    /// and the Demo settings (what the fingerprint covers), but a replaced service may change what they write (a fake clock dates the
    /// demo records), so a host with any is started on a fresh database.
    /// </summary>
    public static bool SeedsLikeTheTemplate(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services) =>
        services is null && (settings is null || !settings.Keys.Any(k =>
            k.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database:", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Seeds:", StringComparison.OrdinalIgnoreCase)));

    private static readonly Lazy<string> SqliteTemplate = new(CreateSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Copies the SQLite template to <paramref name="file"/>; the template is made by the first caller.</summary>
    public static void CopySqliteTemplateTo(string file) => File.Copy(SqliteTemplate.Value, file);

    private static string CreateSqliteTemplate()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "seeded-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "mediation.db");
        var connectionString = $"Data Source={file};Default Timeout=120";
        string deleteLeases;
        using (var factory = new MediationAppFactory(DatabaseProvider.Sqlite, connectionString))
        {
            factory.StartServer();
            deleteLeases = DeleteLeasesSql(factory);
        }
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // The copy is the main file alone: everything in the write-ahead log goes into it first.
            command.CommandText = deleteLeases + "; PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* the temp folder is cleaned by the OS anyway */ }
        };
        return file;
    }

    /// <summary>The statement that removes every background lease, for the database behind <paramref name="factory"/>.</summary>
    public static string DeleteLeasesSql(MediationAppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var lease = db.Model.FindEntityType(typeof(Lease)) ?? throw new InvalidOperationException("Lease is no longer in the model");
        return "DELETE FROM " + db.GetService<ISqlGenerationHelper>().DelimitIdentifier(lease.GetTableName()!, lease.GetSchema());
    }
}
