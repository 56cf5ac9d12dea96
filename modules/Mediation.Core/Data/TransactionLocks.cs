using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// A named exclusive lock held by the current transaction until it commits or rolls back, on every host of one database. For work
/// that reads rows and writes what it derived from them (a statistics fact from its record): two such writers of the same name run one
/// after the other, so the one that writes last also read last, and a derived row cannot be left older than what it derives from.
/// </summary>
public static class TransactionLocks
{
    /// <summary>
    /// Waits for <paramref name="name"/> in the current transaction (there must be one). PostgreSQL: a transaction-level advisory lock;
    /// SQL Server: an application lock owned by the transaction; SQLite: nothing more — its transactions begin IMMEDIATE and hold the
    /// database's one write lock (behind the host's write gate) until they end, which already orders every writer.
    /// </summary>
    public static async Task TakeTransactionLockAsync(this DbContext db, string name, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException($"The lock '{name}' is held by a transaction: begin one first.");
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Npgsql", StringComparison.Ordinal))
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AdvisoryKeyOf(name)], ct);
        else if (provider.Contains("SqlServer", StringComparison.Ordinal))
            await db.Database.ExecuteSqlRawAsync("""
                DECLARE @granted int;
                EXEC @granted = sp_getapplock @Resource = {0}, @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = -1;
                IF @granted < 0 THROW 50000, N'The transaction lock was not granted.', 1;
                """, [name], ct);
    }

    /// <summary>PostgreSQL's advisory locks are numbered: the name's SHA-256, first eight bytes — the same number on every host and release.</summary>
    public static long AdvisoryKeyOf(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
}
