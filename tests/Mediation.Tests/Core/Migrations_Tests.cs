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
