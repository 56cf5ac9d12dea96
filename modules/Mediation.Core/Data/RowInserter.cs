using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;

namespace Mediation.Core.Data;

/// <summary>
/// Plain rows in the caller's transaction, by each provider's fastest path: PostgreSQL's binary COPY (<see cref="IBulkCopy"/>);
/// on SQLite, where a statement costs no round trip, one prepared single-row INSERT run once per row (a multi-row INSERT's
/// thousands of named parameters are bound by a linear search); elsewhere multi-row INSERTs. The rows are not tracked and no
/// SaveChanges interceptor runs: a caller that must audit them writes their audit rows itself
/// (<see cref="Mediation.Core.Auditing.AuditSaveChangesInterceptor.Created"/>).
/// </summary>
internal sealed class RowInserter(MediationDbContext db, IEnumerable<IBulkCopy> bulkCopy)
{
    /// <summary>The rows in order; <paramref name="rows"/> is enumerated once, as it is written (a lazy sequence is produced while the
    /// database takes the rows before).</summary>
    public async Task InsertAsync<T>(IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var values = RowValues.For<T>(db);
        if (bulkCopy.FirstOrDefault() is { } copy)
        {
            await copy.CopyAsync(db, values.TableName, values.ColumnList, values.Properties, rows, ct);
            return;
        }
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            await InsertOneByOneAsync(values, rows, ct);
            return;
        }
        // Only a factory for parameters of the provider's type; the command EF runs is its own.
        await using var factory = db.Database.GetDbConnection().CreateCommand();
        foreach (var batch in rows.Chunk(values.RowsPerCommand))
        {
            var parameters = new List<DbParameter>(batch.Length * values.Properties.Count);
            var sql = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {values.Rows(factory, batch, parameters)}";
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }

    /// <summary>SQLite: the statement is prepared once; each row only rebinds its values.</summary>
    private async Task InsertOneByOneAsync<T>(RowValues values, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        using var row = rows.GetEnumerator();
        if (!row.MoveNext()) return;
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
            throw new InvalidOperationException("Rows are inserted inside the caller's transaction, so that they commit whole.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var parameters = new List<DbParameter>(values.Properties.Count);
        command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {values.Rows(command, [row.Current], parameters)}";
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(ct);
        await command.ExecuteNonQueryAsync(ct);
        while (row.MoveNext())
        {
            values.Rebind(parameters, row.Current);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
