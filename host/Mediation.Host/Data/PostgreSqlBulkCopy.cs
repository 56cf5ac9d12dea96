using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Mediation.Host.Data;

/// <summary>PostgreSQL's binary COPY for <see cref="IBulkCopy"/>: the rows stream in one round trip, no statement to parse or plan.</summary>
internal sealed class PostgreSqlBulkCopy : IBulkCopy
{
    public async Task CopyAsync(DbContext db, string table, string columnList, IReadOnlyList<IProperty> columns, IEnumerable<object> rows,
        CancellationToken ct)
    {
        var connection = await OpenAsync(db, ct);
        var getters = columns.Select(p => p.GetGetter()).ToArray();
        var converters = columns.Select(p => p.GetTypeMapping().Converter).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < getters.Length; i++)
            {
                var value = getters[i].GetClrValue(row);
                if (value is not null && converters[i] is { } converter) value = converter.ConvertToProvider(value);
                // The value's own type picks the wire format (text for varchar, uuid, timestamptz for an offset-0 instant).
                if (value is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(value, ct);
            }
        }
        await writer.CompleteAsync(ct);
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
