using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Host.Data;

/// <summary>
/// Brings the database to the current migration and, for demos, fills it. Runs at start-up (unless
/// Database:MigrateOnStartup is false) and as the `migrate` command. EF Core takes a database lock
/// while migrating, so several hosts starting together do not apply a migration twice; the seeds run under a lock of their own
/// (<see cref="SeedLock"/>), and only when what they depend on changed since they last ran (<see cref="SeedFingerprint"/>).
/// </summary>
public sealed class DatabaseMigrator(MediationDbContext db, DatabaseOptions options, IConfiguration configuration,
    IKernelSeed kernel, ModuleCatalog modules, PermissionCatalog permissions, IServiceProvider services, TimeProvider clock,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>Runs the seeds even though their fingerprint is unchanged: after seeded rows were deleted by hand.</summary>
    public const string ForceSetting = "Seeds:Force";

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
        await SeedAsync(ct);
    }

    /// <summary>
    /// The roles and permission defaults, then the demo (org tree, accounts, the modules' data and the statistics recount) or the
    /// check that no demo account exists. A warm start with nothing changed skips them all: a second of a demo host's start, most
    /// of it compiling the seeds' queries, and the statistics recount of every demo record. Everything they add comes from the
    /// code, the permission catalog and the Demo settings, which the fingerprint covers; a seeded row deleted by hand comes back
    /// only with Seeds:Force=true.
    /// </summary>
    private async Task SeedAsync(CancellationToken ct)
    {
        var fingerprint = SeedFingerprint.Compute(
            [typeof(DatabaseMigrator).Assembly, kernel.GetType().Assembly, typeof(MediationDbContext).Assembly, .. modules.Modules.Select(m => m.GetType().Assembly)],
            modules, permissions, configuration);
        var force = configuration.GetValue<bool>(ForceSetting);
        if (!force && await StoredFingerprintAsync(ct) == fingerprint)
        {
            logger.LogInformation("Seeds skipped: nothing they depend on changed since they ran (fingerprint {Fingerprint})", fingerprint[..12]);
            return;
        }
        await using var seedLock = await SeedLock.AcquireAsync(services, options.Provider, ct);
        // Another host starting beside this one may have seeded while this one waited for the lock.
        if (!force && await StoredFingerprintAsync(ct) == fingerprint) return;

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

        db.ChangeTracker.Clear();
        var state = await db.Set<SeedState>().FindAsync([SeedState.StartupKey], ct);
        if (state is null) db.Add(state = new SeedState { Key = SeedState.StartupKey, Fingerprint = fingerprint });
        state.Fingerprint = fingerprint;
        state.AppliedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeds applied (fingerprint {Fingerprint}{Forced})", fingerprint[..12], force ? ", forced by " + ForceSetting : "");
    }

    /// <summary>
    /// The fingerprint the seeds last ran with, or null. Read with one plain command rather than a LINQ query: on a warm start this
    /// is the only query start-up runs, and compiling a query is most of a small query's cost.
    /// </summary>
    private async Task<string?> StoredFingerprintAsync(CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SeedState))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {sql.DelimitIdentifier(nameof(SeedState.Fingerprint))} FROM {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())} "
                + $"WHERE {sql.DelimitIdentifier(nameof(SeedState.Key))} = @key";
            var key = command.CreateParameter();
            key.ParameterName = "@key";
            key.Value = SeedState.StartupKey;
            command.Parameters.Add(key);
            return await command.ExecuteScalarAsync(ct) as string;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
