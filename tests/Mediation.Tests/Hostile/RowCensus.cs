using System.Data.Common;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R5 "nothing written": the row count of every table of the EF model — every module's, read from the model, so a new
/// module's tables are counted without a line here — in one query. A refused request must leave it as it was.
/// Run with the outbox dispatcher quiesced (<see cref="Quiesced"/>): the test delivers the messages of an accepted request itself
/// (<see cref="HostileRequests"/>), so no handler writes while a refused request is judged. Hangfire's tables are not in the model
/// (and its server is off in tests).
/// </summary>
internal sealed class RowCensus
{
    /// <summary>The settings of a host whose background writers are quiet unless the test asks: no outbox dispatcher.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Quiesced = new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" };

    /// <summary>
    /// Tables not compared, each with its reason. Everything else is compared whole — the outbox too: a refused request that
    /// published an event would show there.
    /// </summary>
    private static readonly Dictionary<Type, string> NotCompared = new()
    {
        // The audit sealer's turn (and any other background lease) is taken and renewed on its own schedule, by no request.
        [typeof(Lease)] = "background leases",
        // A refused sign-in is counted towards the address's and the name's throttle: that write is the refusal doing its job.
        [typeof(Mediation.Identity.SignInCounter)] = "sign-in throttle",
    };

    /// <summary>Audit rows are compared for the Data category only: a refusal is itself audited (Security: failed sign-in, denied access), as 等保 asks.</summary>
    private static readonly Type Audit = typeof(AuditEntry);

    private readonly IReadOnlyDictionary<string, long> _rows;

    private RowCensus(IReadOnlyDictionary<string, long> rows) => _rows = rows;

    public int Tables => _rows.Count;

    /// <summary>The table of an entity type, as named in the census.</summary>
    public static string TableOf<TEntity>(MediationAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var type = scope.ServiceProvider.GetRequiredService<MediationDbContext>().Model.FindEntityType(typeof(TEntity))!;
        return type.GetSchema() is { } schema ? $"{schema}.{type.GetTableName()}" : type.GetTableName()!;
    }

    // The counting query of each host, built from its model once: a sample takes a census around each of a thousand requests.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MediationAppFactory, string> Queries = [];

    public static Task<RowCensus> TakeAsync(MediationAppFactory app) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        var query = Queries.GetValue(app, _ => QueryOf(db));
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new RowCensus(rows);
    });

    /// <summary>One SELECT of every compared table's count, from the model.</summary>
    private static string QueryOf(MediationDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var notCompared = NotCompared.Keys.Select(t => db.Model.FindEntityType(t) ?? throw new InvalidOperationException($"{t} is no longer in the model: update RowCensus.NotCompared")).ToList();
        var counts = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables.OrderBy(t => t.Schema).ThenBy(t => t.Name))
        {
            var types = table.EntityTypeMappings.Select(m => m.TypeBase).ToList();
            if (types.Any(t => notCompared.Contains(t))) continue;
            var from = sql.DelimitIdentifier(table.Name, table.Schema);
            var where = "";
            if (types.Any(t => t.ClrType == Audit))
            {
                var category = table.FindColumn(nameof(AuditEntry.Category)) ?? throw new InvalidOperationException("AuditEntries has no Category column");
                where = $" WHERE {sql.DelimitIdentifier(category.Name)} = '{AuditCategory.Data}'";
            }
            counts.Add($"SELECT '{Name(table)}', COUNT(*) FROM {from}{where}");
        }
        return string.Join("\nUNION ALL ", counts);
    }

    private static string Name(ITable table) => table.Schema is null ? table.Name : $"{table.Schema}.{table.Name}";

    /// <summary>The tables whose count differs, as "table a → b"; empty when none does.</summary>
    public IReadOnlyList<string> ChangesTo(RowCensus after) =>
        [.. _rows.Where(r => after._rows.GetValueOrDefault(r.Key) != r.Value).Select(r => $"{r.Key} {r.Value} → {after._rows.GetValueOrDefault(r.Key)}")];

    /// <summary>How many rows a table gained.</summary>
    public long Added(RowCensus after, string table) => after._rows[table] - _rows[table];
}

/// <summary>A host on a fresh SQLite file, quiesced for <see cref="RowCensus"/>.</summary>
public sealed class QuiescedSqliteApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: RowCensus.Quiesced));
