using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Web.Deadlines;

/// <summary>
/// Insert-or-skip of step rows against the unique key (clock, step, due instant), in the caller's transaction.
/// PostgreSQL and SQLite: one multi-row INSERT … ON CONFLICT DO NOTHING RETURNING the ids actually inserted (a concurrent insert
/// of the same key waits for the other transaction, then skips). SQL Server: INSERT … WHERE NOT EXISTS under UPDLOCK/HOLDLOCK,
/// row by row. Parameters go through the model's type mappings, so SQLite's binary date-times and enum-as-text conversions apply
/// exactly as for EF's own inserts.
/// </summary>
internal sealed class StepInserter(MediationDbContext db)
{
    /// <summary>Rows per statement: 500 × 7 parameters stays far below SQLite's 32,766 and PostgreSQL's 65,535.</summary>
    public const int BatchSize = 500;

    public async Task<bool> TryInsertAsync(DeadlineStep step, CancellationToken ct) => (await InsertNewAsync([step], ct)).Count == 1;

    /// <summary>
    /// The ids of the rows inserted; a row whose key exists (recorded by another sweep) is skipped. Callers pass rows in key order,
    /// so two hosts inserting overlapping batches wait for each other in the same order and cannot deadlock.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> InsertNewAsync(IReadOnlyList<DeadlineStep> steps, CancellationToken ct)
    {
        var inserted = new HashSet<Guid>();
        if (steps.Count == 0) return inserted;
        var values = RowValues.For<DeadlineStep>(db);
        var entity = db.Model.FindEntityType(typeof(DeadlineStep))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;

        if (db.Database.GetDbConnection().State is not System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        foreach (var batch in steps.Chunk(sqlServer ? 1 : Math.Min(BatchSize, values.RowsPerCommand)))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameters = new List<System.Data.Common.DbParameter>();
            var rows = values.Rows(command, batch, parameters);
            command.Parameters.AddRange(parameters.ToArray());

            if (sqlServer)
            {
                var index = values.Properties.ToList();
                string Match(string property) => $"{Column(property)} = @p0_{index.FindIndex(p => p.Name == property)}";
                command.CommandText =
                    $"INSERT INTO {values.TableName} ({values.ColumnList}) SELECT {rows[1..^1]} WHERE NOT EXISTS (SELECT 1 FROM {values.TableName} WITH (UPDLOCK, HOLDLOCK) " +
                    $"WHERE {Match(nameof(DeadlineStep.ClockId))} AND {Match(nameof(DeadlineStep.Step))} AND {Match(nameof(DeadlineStep.DueInstant))})";
                if (await command.ExecuteNonQueryAsync(ct) == 1) inserted.Add(batch[0].Id);
                continue;
            }

            command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {rows} " +
                $"ON CONFLICT DO NOTHING RETURNING {Column(nameof(DeadlineStep.Id))}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) inserted.Add(reader.GetFieldValue<Guid>(0));
        }
        return inserted;
    }
}
