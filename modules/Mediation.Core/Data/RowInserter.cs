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
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
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
    private async Task InsertOneByOneAsync<T>(RowValues values, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
            throw new InvalidOperationException("Rows are inserted inside the caller's transaction, so that they commit whole.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var parameters = new List<DbParameter>(values.Properties.Count);
        command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {values.Rows(command, [rows[0]], parameters)}";
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(ct);
        await command.ExecuteNonQueryAsync(ct);
        for (var r = 1; r < rows.Count; r++)
        {
            values.Rebind(parameters, rows[r]);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
