using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Host.Data;

/// <summary>
/// Brings the database to the current migration and, for demos, fills it. Runs at start-up (unless
/// Database:MigrateOnStartup is false) and as the `migrate` command. EF Core takes a database lock
/// while migrating, so several hosts starting together do not apply a migration twice.
/// </summary>
public sealed class DatabaseMigrator(MediationDbContext db, DatabaseOptions options, IConfiguration configuration,
    IKernelSeed kernel, ModuleCatalog modules, IServiceProvider services, ILogger<DatabaseMigrator> logger)
{
    /// <param name="migrated">
    /// Told once the database exists at the current migration, before the seeds: start-up runs this method beside the rest of the
    /// host's set-up, and Hangfire's storage (which connects to the same database on PostgreSQL and SQL Server) waits for it —
    /// on a fresh deployment the migrations create the database.
    /// </param>
    public async Task MigrateAsync(CancellationToken ct, Action? migrated = null)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        // MigrateAsync with nothing to apply still takes the migration lock and diffs the whole model against the
        // snapshot (a tenth of the warm start in a profile); Migrations_Tests hold every provider's model to its snapshot instead.
        // Hosts starting together may both see a migration pending: MigrateAsync's lock makes the second one a no-op.
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations on {Provider}: {Migrations}", pending.Count, options.Provider, pending);
            await db.Database.MigrateAsync(ct);
        }

        if (options.Provider is DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while a writer commits; the mode is stored in the file, so once is enough.
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode=WAL").ToListAsync(ct);
            logger.LogDebug("SQLite journal mode: {Mode}", mode.FirstOrDefault());
        }

        migrated?.Invoke();
        await kernel.EnsureRolesAsync(ct);
        if (configuration.GetValue<bool>("Demo:Enabled"))
        {
            await kernel.SeedDemoAsync(ct);
            foreach (var module in modules.Modules) await module.SeedDemoAsync(services, ct);
        }
        else
        {
            await kernel.EnsureNoDemoAccountsAsync(ct);
        }
    }
}
