using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// A provider's own bulk path for rows no change tracker needs to see: PostgreSQL's binary COPY, one stream per table instead of
/// a multi-row INSERT of thousands of parameters per 500 rows (a deadline storm's steps, notices and audit rows; a generator's
/// millions of records). Registered only for a provider that has one; <see cref="RowInserter"/>, <see cref="BulkInserter"/> and
/// the sweep's step inserter fall back to INSERTs without it.
/// </summary>
public interface IBulkCopy
{
    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="table"/> (a delimited name) in the context's current transaction, one
    /// value per column of <paramref name="columnList"/> (delimited, in the same order), each already converted for the database as
    /// EF's own inserts convert it (<see cref="RowValues.ProviderValues{T}"/>, null as <see cref="DBNull"/>); each column's database
    /// type is the one its type mapping sets on <paramref name="columnTypes"/> (<see cref="RowValues.Templates(DbConnection)"/>).
    /// The rows are enumerated once, as they are written, so a lazy sequence is produced while the database takes the rows before.
    /// </summary>
    Task CopyAsync(DbContext db, string table, string columnList, IReadOnlyList<DbParameter> columnTypes, IEnumerable<object[]> rows,
        CancellationToken ct);

    /// <summary>
    /// The delimited name of an empty table with the columns of <paramref name="table"/>, private to this connection and dropped
    /// at the end of the current transaction: rows copied there are then inserted with a set-based statement (ON CONFLICT …).
    /// </summary>
    Task<string> StagingTableAsync(DbContext db, string table, CancellationToken ct);
}
