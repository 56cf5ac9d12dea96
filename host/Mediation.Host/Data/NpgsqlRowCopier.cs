using System.Data.Common;
using Mediation.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace Mediation.Host.Data;

/// <summary>
/// PostgreSQL's bulk load for <see cref="BulkInserter"/>: a binary COPY of the rows in the caller's transaction, each value written with
/// its column's type as the EF type mapping configured it on a parameter (jsonb, varchar, timestamptz …). Several times the pace of
/// multi-row INSERTs: no statement to parse or plan, no parameters to bind.
/// </summary>
internal sealed class NpgsqlRowCopier : IBulkRowCopier
{
    public async Task CopyAsync(DbTransaction transaction, string tableName, string columnList, IReadOnlyList<DbParameter> columnTypes,
        IEnumerable<object[]> rows, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)transaction.Connection!;
        var types = columnTypes.Select(TypeOf).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {tableName} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is DBNull) await importer.WriteNullAsync(ct);
                else if (types[i].Type is { } type) await importer.WriteAsync(row[i], type, ct);
                else if (types[i].Name is { } name) await importer.WriteAsync(row[i], name, ct);
                else await importer.WriteAsync(row[i], ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>
    /// The column's type as the mapping set it on the parameter (a string into jsonb must say so, binary COPY takes no conversion), or
    /// neither, and the value's own type decides.
    /// </summary>
    private static (NpgsqlDbType? Type, string? Name) TypeOf(DbParameter parameter)
    {
        var npgsql = (NpgsqlParameter)parameter;
        if (npgsql.NpgsqlDbType is not NpgsqlDbType.Unknown and var type) return (type, null);
        return (null, string.IsNullOrEmpty(npgsql.DataTypeName) ? null : npgsql.DataTypeName);
    }
}
