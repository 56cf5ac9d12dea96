using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using System.Data.Common;

namespace Mediation.Web.Deadlines;

/// <summary>
/// Insert-or-skip of step rows against the unique key (clock, step, due instant), in the caller's transaction; a concurrent insert
/// of the same key waits for the other transaction, then skips. PostgreSQL: the rows are copied (binary COPY) into a staging table,
/// then one INSERT … SELECT … ON CONFLICT DO NOTHING RETURNING the ids actually inserted. SQLite: one prepared single-row
/// INSERT … ON CONFLICT DO NOTHING RETURNING, rebound per row (no round trip to save; many named parameters bind slowly).
/// SQL Server: INSERT … WHERE NOT EXISTS under UPDLOCK/HOLDLOCK, row by row. Values go through the model's type mappings, so
/// SQLite's binary date-times and enum-as-text conversions apply exactly as for EF's own inserts.
/// </summary>
internal sealed class StepInserter(MediationDbContext db, IEnumerable<IBulkCopy> bulkCopy)
{
    /// <summary>Steps per transaction of a sweep: a storm of thousands commits in a few transactions, each holding a bounded batch.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// Steps per transaction where the rows are copied: a commit waits for the disk (about 25 ms each of a storm's twenty commits
    /// on the shared bench machine), a COPY costs the same round trips for 500 rows as for 5,000, and the batch's notices stay
    /// a few megabytes. SQLite keeps <see cref="BatchSize"/>: its one writer holds the write gate for the whole transaction.
    /// </summary>
    public const int CopyBatchSize = 5_000;

    public int StepsPerTransaction => bulkCopy.Any() ? CopyBatchSize : BatchSize;

    /// <summary>
    /// Steps per transaction of a sweep where the rows are copied. The sweep writes only the steps (their notices follow in the
    /// notice job, which keeps <see cref="CopyBatchSize"/>): a storm of 10,000 steps is about a megabyte, so it is one transaction,
    /// one staging table and one commit, as the set-based statement it is measured against. Bounded all the same, for a sweep that
    /// catches up after days down.
    /// </summary>
    public const int SweepCopyBatchSize = 50_000;

    public int SweepStepsPerTransaction => bulkCopy.Any() ? SweepCopyBatchSize : BatchSize;

    public async Task<bool> TryInsertAsync(DeadlineStep step, CancellationToken ct) => (await InsertNewAsync([step], ct)).Count == 1;

    /// <summary>
    /// The ids of the rows inserted; a row whose key exists (recorded by another sweep) is skipped. Rows go in key order, so two
    /// hosts inserting overlapping batches wait for each other in the same order and cannot deadlock.
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
        var keyOrder = $"{Column(nameof(DeadlineStep.ClockId))}, {Column(nameof(DeadlineStep.Step))}, {Column(nameof(DeadlineStep.DueInstant))}";
        var sqlServer = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true;

        if (db.Database.GetDbConnection().State is not System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        if (bulkCopy.FirstOrDefault() is { } copy)
        {
            var staging = await copy.StagingTableAsync(db, values.TableName, ct);
            await copy.CopyAsync(db, staging, values.ColumnList, values.Templates(connection), values.ProviderRows(steps), ct);
            command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) SELECT {values.ColumnList} FROM {staging} " +
                $"ORDER BY {keyOrder} ON CONFLICT DO NOTHING RETURNING {Column(nameof(DeadlineStep.Id))}";
            await ReadIdsAsync();
            return inserted;
        }

        var ordered = steps.OrderBy(s => s.ClockId).ThenBy(s => s.Step, StringComparer.Ordinal).ThenBy(s => s.DueInstant).ToList();
        var parameters = new List<DbParameter>(values.Properties.Count);
        var row = values.Rows(command, [ordered[0]], parameters);
        command.Parameters.AddRange(parameters.ToArray());
        if (sqlServer)
        {
            var index = values.Properties.ToList();
            string Match(string property) => $"{Column(property)} = @p0_{index.FindIndex(p => p.Name == property)}";
            command.CommandText =
                $"INSERT INTO {values.TableName} ({values.ColumnList}) SELECT {row[1..^1]} WHERE NOT EXISTS (SELECT 1 FROM {values.TableName} WITH (UPDLOCK, HOLDLOCK) " +
                $"WHERE {Match(nameof(DeadlineStep.ClockId))} AND {Match(nameof(DeadlineStep.Step))} AND {Match(nameof(DeadlineStep.DueInstant))})";
        }
        else
        {
            command.CommandText = $"INSERT INTO {values.TableName} ({values.ColumnList}) VALUES {row} " +
                $"ON CONFLICT DO NOTHING RETURNING {Column(nameof(DeadlineStep.Id))}";
        }
        // SQL Server would want every text parameter's size declared before a prepare; it runs a row per round trip anyway.
        if (!sqlServer) await command.PrepareAsync(ct);
        for (var r = 0; r < ordered.Count; r++)
        {
            if (r > 0) values.Rebind(parameters, ordered[r]);
            if (!sqlServer) await ReadIdsAsync();
            else if (await command.ExecuteNonQueryAsync(ct) == 1) inserted.Add(ordered[r].Id);
        }
        return inserted;

        async Task ReadIdsAsync()
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) inserted.Add(reader.GetFieldValue<Guid>(0));
        }
    }
}
