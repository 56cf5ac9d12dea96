using System.Data.Common;

namespace Mediation.Core.Data;

/// <summary>
/// A provider's own bulk load for <see cref="BulkInserter"/> (PostgreSQL's binary COPY): the host registers one for the database it
/// runs on; without one the inserter writes INSERT statements. Rows go in the caller's transaction, their values already converted
/// for the database (<see cref="RowValues.ProviderValues"/>), each column's type given by a parameter its type mapping configured.
/// </summary>
public interface IBulkRowCopier
{
    Task CopyAsync(DbTransaction transaction, string tableName, string columnList, IReadOnlyList<DbParameter> columnTypes, IEnumerable<object[]> rows,
        CancellationToken ct);
}
