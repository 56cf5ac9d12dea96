using System.Net;
using Mediation.Core.Security;
using Mediation.Identity;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 17: the claims loader keeps each role's permissions in the process while the role's concurrency stamp is unchanged, so a
/// request reads the account, its unit and its roles' stamps in one query. A changed grant renews the stamp and takes effect on the
/// next request, whoever changed it. (A change made past the process is seen once the account's copy is older than
/// <see cref="IdentitySettings.ClaimsCacheDuration"/>: <see cref="UserClaimsCache_Tests"/>.)
/// </summary>
public abstract class RolePermissionCache_Tests : ProviderTests
{
    private const string Role = RoleNames.PetitionOfficer;
    private const string Officer = "demo.petitionofficer";

    [Fact]
    public async Task Requests_reuse_a_roles_permissions_and_a_revoked_grant_fails_the_next_request()
    {
        var app = await AppAsync();
        var cache = app.Services.GetRequiredService<RolePermissionCache>();
        var security = await ClientAsync(userName: "demo.securityadmin");
        var granted = (await (await security.GetAsync("/api/identity/roles")).ReadAsync<List<RoleDto>>()).Single(r => r.Name == Role).Permissions;
        granted.ShouldContain(PetitionsPermissions.Petitions.Read);
        var officer = await ClientAsync(userName: Officer);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var loads = cache.Loads;
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        cache.Loads.ShouldBe(loads, "the role's stamp is unchanged: its permissions come from the process");

        try
        {
            (await security.PutJsonAsync($"/api/identity/roles/{Role}/permissions",
                new SetRolePermissionsInput([.. granted.Where(p => p != PetitionsPermissions.Petitions.Read)]))).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "revoked: the next request no longer holds it");
            cache.Loads.ShouldBeGreaterThan(loads);
        }
        finally
        {
            (await security.PutJsonAsync($"/api/identity/roles/{Role}/permissions", new SetRolePermissionsInput(granted))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK, "granted again");
    }
}

public sealed class RolePermissionCache_Tests_on_Sqlite(SqliteApp app) : RolePermissionCache_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class RolePermissionCache_Tests_on_PostgreSql(PostgresCluster cluster) : RolePermissionCache_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
