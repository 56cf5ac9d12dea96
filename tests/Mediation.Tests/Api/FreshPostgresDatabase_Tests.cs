using Hangfire;
using Hangfire.Storage;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// A first deployment on PostgreSQL names a database that does not exist yet: the migrations create it. Start-up runs them beside
/// the rest of the host's set-up, and Hangfire's storage connects to the same database, so it waits for them. Registering the jobs
/// beside the migrations raced the database's creation; the race is narrow (this test passed on that code too), so the test holds
/// the first deployment's path — database created, migrated, jobs registered, ready — rather than proving the race closed.
/// </summary>
[Collection(PostgresCollection.Third)]
public sealed class FreshPostgresDatabase_Tests(PostgresCluster cluster)
{
    [Fact]
    public async Task A_host_on_a_database_that_does_not_exist_yet_creates_it_and_registers_its_jobs()
    {
        var name = "mediation_fresh_" + Guid.NewGuid().ToString("N")[..10];
        var connectionString = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;

        await using var app = new MediationAppFactory(DatabaseProvider.PostgreSql, connectionString);
        app.StartServer();

        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        connection.GetRecurringJobs().Select(j => j.Id).ShouldContain("core:outbox-cleanup");
        (await app.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
    }
}
