using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Core.Numbering;

internal sealed class NumberSequenceRow
{
    public string Kind { get; init; } = "";
    public Guid IssuerId { get; init; }
    public int Year { get; init; }
    public int LastValue { get; init; }
}

internal sealed class NumberSequenceRowConfiguration : IEntityTypeConfiguration<NumberSequenceRow>
{
    public void Configure(EntityTypeBuilder<NumberSequenceRow> b)
    {
        b.ToTable("NumberSequences", MediationDbContext.CoreSchema);
        b.HasKey(r => new { r.Kind, r.IssuerId, r.Year });
        b.Property(r => r.Kind).HasMaxLength(60);
    }
}

/// <summary>
/// One statement that inserts the row or increments it and returns the value: PostgreSQL and SQLite
/// by INSERT … ON CONFLICT DO UPDATE … RETURNING (a concurrent caller blocks on the row until the
/// first commits or rolls back), SQL Server by MERGE under HOLDLOCK with OUTPUT. No read-then-write,
/// so there is no race on the year's first number and nothing to retry.
/// </summary>
internal sealed class NumberSequence(MediationDbContext db) : INumberSequence
{
    public Task<int> NextAsync(string kind, Guid issuerId, int year, CancellationToken ct) => TakeAsync(kind, issuerId, year, 1, ct);

    public async Task<int> TakeAsync(string kind, Guid issuerId, int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A number is issued inside the registering transaction, so that a rollback gives it back.");
        var entity = db.Model.FindEntityType(typeof(NumberSequenceRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        void Parameter(string property, object value) => command.Parameters.Add(entity.FindProperty(property)!.GetRelationalTypeMapping()
            .CreateParameter(command, "@" + property, value, nullable: false));
        Parameter(nameof(NumberSequenceRow.Kind), kind);
        Parameter(nameof(NumberSequenceRow.IssuerId), issuerId);
        Parameter(nameof(NumberSequenceRow.Year), year);
        command.Parameters.Add(entity.FindProperty(nameof(NumberSequenceRow.LastValue))!.GetRelationalTypeMapping()
            .CreateParameter(command, "@Count", count, nullable: false));

        var (k, i, y, last) = (Column(nameof(NumberSequenceRow.Kind)), Column(nameof(NumberSequenceRow.IssuerId)),
            Column(nameof(NumberSequenceRow.Year)), Column(nameof(NumberSequenceRow.LastValue)));
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        command.CommandText = db.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true
            ? $"MERGE {tableName} WITH (HOLDLOCK) AS s USING (SELECT @Kind AS k, @IssuerId AS i, @Year AS y) AS n " +
              $"ON s.{k} = n.k AND s.{i} = n.i AND s.{y} = n.y " +
              $"WHEN MATCHED THEN UPDATE SET s.{last} = s.{last} + @Count " +
              $"WHEN NOT MATCHED THEN INSERT ({k}, {i}, {y}, {last}) VALUES (n.k, n.i, n.y, @Count) OUTPUT inserted.{last};"
            : $"INSERT INTO {tableName} AS s ({k}, {i}, {y}, {last}) VALUES (@Kind, @IssuerId, @Year, @Count) " +
              $"ON CONFLICT ({k}, {i}, {y}) DO UPDATE SET {last} = s.{last} + @Count RETURNING {last}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
