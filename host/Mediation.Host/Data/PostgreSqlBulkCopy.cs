using System.Data.Common;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Mediation.Host.Data;

/// <summary>PostgreSQL's binary COPY for <see cref="IBulkCopy"/>: the rows stream in one round trip, no statement to parse or plan.</summary>
internal sealed class PostgreSqlBulkCopy : IBulkCopy
{
    public async Task CopyAsync(DbContext db, string table, string columnList, IReadOnlyList<DbParameter> columnTypes, IEnumerable<object[]> rows,
        CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        var types = columnTypes.Select(TypeOf).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is DBNull) await writer.WriteNullAsync(ct);
                else if (types[i].Type is { } type) await writer.WriteAsync(row[i], type, ct);
                else if (types[i].Name is { } name) await writer.WriteAsync(row[i], name, ct);
                else await writer.WriteAsync(row[i], ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>
    /// The column's type as its mapping set it on the parameter (a string into jsonb must say so: binary COPY converts nothing), or
    /// neither, and the value's own type picks the wire format.
    /// </summary>
    private static (NpgsqlDbType? Type, string? Name) TypeOf(DbParameter parameter)
    {
        var npgsql = (NpgsqlParameter)parameter;
        if (npgsql.NpgsqlDbType is not NpgsqlDbType.Unknown and var type) return (type, null);
        return (null, string.IsNullOrEmpty(npgsql.DataTypeName) ? null : npgsql.DataTypeName);
    }

    public async Task<string> StagingTableAsync(DbContext db, string table, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("A staging table lives until the end of the caller's transaction; begin one first.");
        var connection = await OpenAsync(db, ct);
        var staging = $"\"{table.Replace("\"", "", StringComparison.Ordinal).Replace('.', '_')}_staging\"";
        // ON COMMIT DROP: gone with the transaction; a second staging in the same transaction starts from an empty table.
        await using var command = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table}) ON COMMIT DROP; TRUNCATE {staging};", connection);
        await command.ExecuteNonQueryAsync(ct);
        return staging;
    }

    private static async Task<NpgsqlConnection> OpenAsync(DbContext db, CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State is not System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }
}
