using Microsoft.EntityFrameworkCore;
using System.Data.Common;

namespace Mediation.Core.Data;

/// <summary>
/// Plain multi-row INSERTs in the caller's transaction, through EF's raw-SQL path (so command interceptors and logging see them).
/// The rows are not tracked and no SaveChanges interceptor runs: a caller that must audit them writes their audit rows itself
/// (<see cref="Mediation.Core.Auditing.AuditSaveChangesInterceptor.Created"/>).
/// </summary>
internal sealed class RowInserter(MediationDbContext db)
{
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var values = RowValues.For<T>(db);
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
