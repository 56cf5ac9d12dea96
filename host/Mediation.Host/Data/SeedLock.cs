using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Host.Data;

/// <summary>
/// One host at a time runs the seeds of a database. Hosts starting together on PostgreSQL or SQL Server would otherwise seed
/// side by side: both create the same missing org unit or demo account, and the second fails on the unique index (or a module's
/// seed, which checks for its rows before adding them, adds them twice). PostgreSQL: a session-level advisory lock; SQL Server:
/// a session-owned application lock; both on a connection of their own, released by the database if the host dies. SQLite is one
/// host per database (see Databases), so a lock in the process is enough (the tests start several hosts in one process).
/// </summary>
internal sealed class SeedLock : IAsyncDisposable
{
    // The advisory lock's key is "MediSeed" as a number, fixed so every host of every release takes the same one.
    private const string PostgreSqlLock = "SELECT pg_advisory_lock(5576974117101725028)";
    private const string PostgreSqlUnlock = "SELECT pg_advisory_unlock(5576974117101725028)";
    private const string SqlServerLock = """
        DECLARE @granted int;
        EXEC @granted = sp_getapplock @Resource = N'mediation-seeds', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1;
        IF @granted < 0 THROW 50000, N'The seed lock was not granted.', 1;
        """;
    private const string SqlServerUnlock = "EXEC sp_releaseapplock @Resource = N'mediation-seeds', @LockOwner = N'Session'";
    private static readonly SemaphoreSlim SqliteSeeds = new(1, 1);

    private readonly AsyncServiceScope? _scope;
    private readonly MediationDbContext? _db;
    private readonly DatabaseProvider _provider;

    private SeedLock(DatabaseProvider provider, AsyncServiceScope? scope, MediationDbContext? db)
    {
        _provider = provider;
        _scope = scope;
        _db = db;
    }

    public static async Task<SeedLock> AcquireAsync(IServiceProvider services, DatabaseProvider provider, CancellationToken ct)
    {
        if (provider is DatabaseProvider.Sqlite)
        {
            await SqliteSeeds.WaitAsync(ct);
            return new SeedLock(provider, null, null);
        }
        var scope = services.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            await db.Database.OpenConnectionAsync(ct);
            // The lock is waited for as long as the other host seeds (minutes for a large demo set), not the command timeout.
            db.Database.SetCommandTimeout(0);
            await db.Database.ExecuteSqlRawAsync(provider is DatabaseProvider.PostgreSql ? PostgreSqlLock : SqlServerLock, ct);
            return new SeedLock(provider, scope, db);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is DatabaseProvider.Sqlite)
        {
            SqliteSeeds.Release();
            return;
        }
        try
        {
            // Closing the connection returns it to the pool with the session still open, so the lock is released explicitly.
            await _db!.Database.ExecuteSqlRawAsync(_provider is DatabaseProvider.PostgreSql ? PostgreSqlUnlock : SqlServerUnlock);
        }
        finally
        {
            await _db!.Database.CloseConnectionAsync();
            await _scope!.Value.DisposeAsync();
        }
    }
}
