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

public sealed class PetitionClassificationMigration_Tests
{
    [Fact]
    public async Task Petitions_accepted_before_classification_become_grievances_under_art_31_item_6()
    {
        var path = Path.Combine(Path.GetTempPath(), $"classification-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new Mediation.Host.Data.SqliteMediationDbContext(
                new DbContextOptionsBuilder<Mediation.Host.Data.SqliteMediationDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options,
                Mediation.Host.HostModules.Create());
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var classification = all.Single(m => m.EndsWith("_PetitionServiceAndClassification", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(classification) - 1]);
            var (replied, registered, unit) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
            foreach (var (id, status, sequence) in new[] { (replied, "Replied", 1), (registered, "Registered", 2) })
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO petitions_Petitions (Id, OrgUnitId, Year, SequenceNumber, Number, Channel, ReceivedAt, FiledOnBehalfOfCaller, Matter, Status,
                        HandlingPaused, ExtensionDays, ConcurrencyStamp)
                    VALUES ({id}, {unit}, 2026, {sequence}, {"泰山信〔2026〕" + sequence + "号"}, 'Letter', 0, 0, '宅基地', {status}, 0, 0, 'x')
                    """);

            await migrator.MigrateAsync(classification);

            var rows = await db.Database.SqlQuery<ClassificationRow>($"SELECT Id, Category, GrievanceRoute FROM petitions_Petitions").ToListAsync();
            rows.Single(r => r.Id == replied).ShouldBe(new ClassificationRow(replied, "Grievance", "Handling"));
            rows.Single(r => r.Id == registered).ShouldBe(new ClassificationRow(registered, null, null));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public sealed record ClassificationRow(Guid Id, string? Category, string? GrievanceRoute);
}
