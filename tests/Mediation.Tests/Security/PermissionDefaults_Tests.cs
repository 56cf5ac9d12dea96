using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Host.Data;
using Mediation.Host.Data.Migrations;
using Mediation.Identity;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 12: a permission added by a release reaches the roles of an existing database once, at its next start
/// (core.AppliedPermissionDefaults records it), and a grant SecurityAdmin revoked after that is not given back.
/// </summary>
public abstract class PermissionDefaults_Tests : ProviderTests
{
    private const string Added = CorePermissions.OrgUnits.Read;

    [Fact]
    public async Task A_permission_the_database_has_not_met_is_granted_to_its_default_roles_once_at_the_next_start()
    {
        var app = await AppAsync();
        await app.InScopeAsync(async sp =>
        {
            // A database seeded before the permission existed: no role holds it and nothing records it.
            var db = sp.GetRequiredService<MediationDbContext>();
            await db.Set<RolePermission>().Where(g => g.Permission == Added).ExecuteDeleteAsync();
            return await db.Set<AppliedPermissionDefault>().Where(a => a.Permission == Added).ExecuteDeleteAsync();
        });
        (await HoldersAsync(app)).ShouldBeEmpty();

        await StartAsync(app);

        (await HoldersAsync(app)).ShouldBe(RoleNames.All.Where(r => r != RoleNames.EnterpriseUser).Order(), ignoreOrder: true);
        (await RecordedAsync(app)).ShouldContain(Added);
        var client = await ClientAsync(userName: "demo.legaladvisor");
        (await client.GetAsync("/api/org-units/tree")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_grant_revoked_after_its_defaults_were_applied_is_not_given_back_at_the_next_start()
    {
        var app = await AppAsync();
        await StartAsync(app);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            var statistician = await db.Set<AppRole>().Where(r => r.Name == RoleNames.Statistician).Select(r => r.Id).SingleAsync();
            return await db.Set<RolePermission>().Where(g => g.RoleId == statistician && g.Permission == Added).ExecuteDeleteAsync();
        });

        await StartAsync(app);
        await StartAsync(app);

        var holders = await HoldersAsync(app);
        holders.ShouldNotContain(RoleNames.Statistician);
        holders.ShouldContain(RoleNames.Mediator);
    }

    [Fact]
    public async Task Every_declared_permission_is_recorded_as_applied_after_the_start()
    {
        var app = await AppAsync();
        var catalog = app.Services.GetRequiredService<PermissionCatalog>();
        catalog.Names.Except(await RecordedAsync(app)).ShouldBeEmpty();
        PermissionsBeforeAppliedDefaults.Names.Except(catalog.Names).ShouldBeEmpty("the migration names only declared permissions");
    }

    /// <summary>The start of a later release: its code differs, so the seeds' fingerprint does (dropping the stored one stands for that).</summary>
    private static Task<int> StartAsync(MediationAppFactory app) => app.InScopeAsync(async sp =>
    {
        await sp.GetRequiredService<MediationDbContext>().Set<SeedState>().ExecuteDeleteAsync();
        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return 0;
    });

    private static Task<List<string>> HoldersAsync(MediationAppFactory app) => app.InScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        return (from grant in db.Set<RolePermission>()
                join role in db.Set<AppRole>() on grant.RoleId equals role.Id
                where grant.Permission == Added
                select role.Name!).ToListAsync();
    });

    private static Task<List<string>> RecordedAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AppliedPermissionDefault>().Select(a => a.Permission).ToListAsync());
}

public sealed class PermissionDefaults_Tests_on_Sqlite(SqliteApp app) : PermissionDefaults_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class PermissionDefaults_Tests_on_PostgreSql(PostgresCluster cluster) : PermissionDefaults_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}

/// <summary>The migration that creates the record counts every permission of its time as applied, so revocations made before it stand.</summary>
public sealed class AppliedPermissionDefaultsMigration_Tests
{
    [Fact]
    public async Task A_database_from_before_keeps_a_revoked_grant_and_records_the_permissions_of_its_time()
    {
        var path = Path.Combine(Path.GetTempPath(), $"permission-defaults-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteMediationDbContext(
                new DbContextOptionsBuilder<SqliteMediationDbContext>().UseSqlite($"Data Source={path};Pooling=false").Options,
                Mediation.Host.HostModules.Create());
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var recording = all.Single(m => m.EndsWith("_AppliedPermissionDefaults", StringComparison.Ordinal));
            await migrator.MigrateAsync(all[all.IndexOf(recording) - 1]);
            var role = Guid.NewGuid();
            await db.Database.ExecuteSqlAsync($"INSERT INTO core_Roles (Id, Name, NormalizedName) VALUES ({role}, 'Statistician', 'STATISTICIAN')");
            await db.Database.ExecuteSqlAsync($"INSERT INTO core_RolePermissions (RoleId, Permission) VALUES ({role}, 'Statistics.Figures.Read')");

            await migrator.MigrateAsync(recording);

            var recorded = await db.Set<AppliedPermissionDefault>().Select(a => a.Permission).ToListAsync();
            recorded.ShouldBe(PermissionsBeforeAppliedDefaults.Names, ignoreOrder: true);
            recorded.ShouldContain(CorePermissions.Notices.Read, "its grant migration ran before; a revocation since then stands");
            recorded.ShouldNotContain(CorePermissions.OrgUnits.Read, "declared with the record: existing roles get it at the next start");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
