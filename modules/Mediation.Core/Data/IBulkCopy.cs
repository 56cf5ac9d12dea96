using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Core.Data;

/// <summary>
/// A provider's own bulk path for rows no change tracker needs to see: PostgreSQL's binary COPY, one stream per table instead of
/// a multi-row INSERT of thousands of parameters per 500 rows (a deadline storm's steps, notices and audit rows). Registered only
/// for a provider that has one; <see cref="RowInserter"/> falls back to INSERTs without it.
/// </summary>
public interface IBulkCopy
{
    /// <summary>
    /// Copies <paramref name="rows"/> into <paramref name="table"/> (a delimited name) in the context's current transaction, one
    /// column per property in <paramref name="columns"/> (<paramref name="columnList"/>, delimited, in the same order); each value
    /// through its property's value converter, as EF's own inserts.
    /// </summary>
    Task CopyAsync(DbContext db, string table, string columnList, IReadOnlyList<IProperty> columns, IEnumerable<object> rows, CancellationToken ct);

    /// <summary>
    /// The delimited name of an empty table with the columns of <paramref name="table"/>, private to this connection and dropped
    /// at the end of the current transaction: rows copied there are then inserted with a set-based statement (ON CONFLICT …).
    /// </summary>
    Task<string> StagingTableAsync(DbContext db, string table, CancellationToken ct);
}
