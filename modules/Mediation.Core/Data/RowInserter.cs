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
            await copy.CopyAsync(db, values.TableName, values.ColumnList, values.Templates(db.Database.GetDbConnection()), values.ProviderRows(rows), ct);
            return;
        }
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            if (db.Database.CurrentTransaction?.GetDbTransaction() is not { } transaction)
                throw new InvalidOperationException("Rows are inserted inside the caller's transaction, so that they commit whole.");
            await values.InsertPreparedAsync(transaction, values.ProviderRows(rows), ct);
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
}
