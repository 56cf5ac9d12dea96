using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Web.Deadlines;

/// <summary>
/// Insert-or-skip of one step row against the unique key (clock, step, due instant), in the
/// caller's transaction. PostgreSQL and SQLite: ON CONFLICT DO NOTHING (a concurrent insert of the
/// same key waits for the other transaction, then skips). SQL Server: INSERT … WHERE NOT EXISTS
/// under UPDLOCK/HOLDLOCK. Parameters go through the model's type mappings, so SQLite's binary
/// date-times and enum-as-text conversions apply exactly as for EF's own inserts.
/// </summary>
internal sealed class StepInserter(MediationDbContext db)
{
    public async Task<bool> TryInsertAsync(DeadlineStep step, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(DeadlineStep))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToList();

        if (db.Database.GetDbConnection().State is not System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        var columns = new List<string>();
        var parameters = new Dictionary<string, string>();
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var name = "@p" + i;
            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            parameters[property.Name] = name;
            command.Parameters.Add(property.GetRelationalTypeMapping()
                .CreateParameter(command, name, property.GetGetter().GetClrValue(step), property.IsNullable));
        }

        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var columnList = string.Join(", ", columns);
        var valueList = string.Join(", ", properties.Select(p => parameters[p.Name]));
        if (db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true)
        {
            string Match(string property) =>
                $"{sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!)} = {parameters[property]}";
            command.CommandText =
                $"INSERT INTO {tableName} ({columnList}) SELECT {valueList} WHERE NOT EXISTS (SELECT 1 FROM {tableName} WITH (UPDLOCK, HOLDLOCK) " +
                $"WHERE {Match(nameof(DeadlineStep.ClockId))} AND {Match(nameof(DeadlineStep.Step))} AND {Match(nameof(DeadlineStep.DueInstant))})";
        }
        else
        {
            command.CommandText = $"INSERT INTO {tableName} ({columnList}) VALUES ({valueList}) ON CONFLICT DO NOTHING";
        }
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}
