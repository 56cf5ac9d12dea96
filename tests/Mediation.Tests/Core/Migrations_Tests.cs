using Mediation.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Per provider: the model matches its latest migration snapshot (nobody forgot `etc/add-migration.sh`).
/// SQL Server has no server here, so its migrations are checked this way and by generating their script.
/// </summary>
public sealed class Migrations_Tests
{
    public static TheoryData<string> Providers() => new(["Sqlite", "PostgreSql", "SqlServer"]);

    private static DbContext Create(string provider) => provider switch
    {
        "Sqlite" => new SqliteDesignTimeFactory().CreateDbContext([]),
        "PostgreSql" => new PostgreSqlDesignTimeFactory().CreateDbContext([]),
        "SqlServer" => new SqlServerDesignTimeFactory().CreateDbContext([]),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_missing_from_the_migrations(string provider)
    {
        using var db = Create(provider);
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run etc/add-migration.sh: the {provider} model differs from its snapshot");
    }

    [Fact]
    public void The_SQL_Server_migrations_generate_a_script_with_module_schemas()
    {
        using var db = Create("SqlServer");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        script.ShouldContain("CREATE TABLE [core].[OrgUnits]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_OrgUnits_Code]");
    }
}

public sealed class NumberSequencesMigration_Tests
{
    [Fact]
    public async Task The_old_module_counters_carry_on_in_the_kernel_sequence()
    {
        var path = Path.Combine(Path.GetTempPath(), $"numbering-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new Mediation.Host.Data.SqliteMediationDbContext(
                new DbContextOptionsBuilder<Mediation.Host.Data.SqliteMediationDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options,
                Mediation.Host.HostModules.Create());
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var numbering = all.Single(m => m.EndsWith("_NumberSequences", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(numbering) - 1]);
            var (committee, unit) = (Guid.NewGuid(), Guid.NewGuid());
            await db.Database.ExecuteSqlAsync($"INSERT INTO cases_CaseNumberCounters (CommitteeId, Year, LastSequence) VALUES ({committee}, 2026, 41)");
            await db.Database.ExecuteSqlAsync($"INSERT INTO petitions_PetitionNumberCounters (OrgUnitId, Year, LastSequence) VALUES ({unit}, 2026, 7)");

            await migrator.MigrateAsync(numbering);

            await using var transaction = await db.Database.BeginTransactionAsync();
            var numbers = new Mediation.Core.Numbering.NumberSequence(db);
            (await numbers.NextAsync("cases.case", committee, 2026, CancellationToken.None)).ShouldBe(42);
            (await numbers.NextAsync("petitions.petition", unit, 2026, CancellationToken.None)).ShouldBe(8);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
