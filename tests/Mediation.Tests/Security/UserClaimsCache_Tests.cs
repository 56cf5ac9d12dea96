using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Identity;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 17: the claims loader keeps what it read for an account (state, unit, permissions) for
/// <see cref="IdentitySettings.ClaimsCacheDuration"/>. Every change saved in the process drops the copies, so a revoked permission, a
/// removed role, a deactivated account or a sign-out is refused on the next request; a change made past the process (another host,
/// by hand) is seen once the copy is older than the duration. The clock is the test's: no test here waits.
/// </summary>
public abstract class UserClaimsCache_Tests : ProviderTests
{
    private const string Role = RoleNames.PetitionOfficer;
    private const string Officer = "demo.petitionofficer";

    protected abstract FakeTimeProvider Clock { get; }

    [Fact]
    public async Task Requests_within_the_duration_read_the_account_once()
    {
        var app = await AppAsync();
        var cache = app.Services.GetRequiredService<UserClaimsCache>();
        var officer = await ClientAsync(userName: Officer);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var loads = cache.Loads;

        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        cache.Loads.ShouldBe(loads);
        Clock.Advance(TimeSpan.FromSeconds(3));
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        cache.Loads.ShouldBe(loads + 1, "older than the duration: read again");
    }

    [Fact]
    public async Task A_permission_removed_from_the_role_is_refused_on_the_next_request()
    {
        var security = await ClientAsync(userName: "demo.securityadmin");
        var granted = (await (await security.GetAsync("/api/identity/roles")).ReadAsync<List<RoleDto>>()).Single(r => r.Name == Role).Permissions;
        var officer = await ClientAsync(userName: Officer);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            (await security.PutJsonAsync($"/api/identity/roles/{Role}/permissions",
                new SetRolePermissionsInput([.. granted.Where(p => p != PetitionsPermissions.Petitions.Read)]))).StatusCode.ShouldBe(HttpStatusCode.OK);

            (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the clock has not moved: the copy was dropped");
        }
        finally
        {
            (await security.PutJsonAsync($"/api/identity/roles/{Role}/permissions", new SetRolePermissionsInput(granted))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK, "granted again");
    }

    [Fact]
    public async Task A_removed_role_a_deactivated_account_and_a_sign_out_are_refused_on_the_next_request()
    {
        var app = await AppAsync();
        var admin = await ClientAsync();
        var users = await (await admin.GetAsync("/api/identity/users")).ReadAsync<List<UserDto>>();
        var mediator = users.Single(u => u.UserName == "demo.mediator");
        var roles = mediator.Roles;
        var client = await SignedInAsync(app, "demo.mediator");
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            // The role change rotates the stamp: the token ends (401), whatever the copy held.
            (await admin.PutJsonAsync($"/api/identity/users/{mediator.Id}/roles", new SetUserRolesInput([RoleNames.Statistician]))).StatusCode
                .ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            (await admin.PutJsonAsync($"/api/identity/users/{mediator.Id}/roles", new SetUserRolesInput(roles))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        client = await SignedInAsync(app, "demo.mediator");
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/identity/users/{mediator.Id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        finally
        {
            (await admin.PostAsync($"/api/identity/users/{mediator.Id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Sign-out rotates the stamp by a direct UPDATE, past SaveChanges.
        client = await SignedInAsync(app, "demo.mediator");
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var other = await SignedInAsync(app, "demo.mediator");
        (await other.PostAsync("/api/auth/sign-out", null)).IsSuccessStatusCode.ShouldBeTrue();
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        app.Services.GetRequiredService<UserClaimsCache>().Loads.ShouldBeGreaterThan(0);
    }

    /// <summary>What another host, or an operator, does: the grants and the role's stamp change in one transaction; this process is not told.</summary>
    [Fact]
    public async Task A_grant_changed_past_this_process_is_refused_once_the_copy_is_older_than_the_duration()
    {
        var app = await AppAsync();
        var officer = await ClientAsync(userName: Officer);
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            await EditAsync(app, (db, roleId) => db.Set<RolePermission>()
                .Where(g => g.RoleId == roleId && g.Permission == PetitionsPermissions.Petitions.Read).ExecuteDeleteAsync());

            (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK, "within the duration the copy stands");
            Clock.Advance(TimeSpan.FromSeconds(2));
            (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        finally
        {
            await EditAsync(app, async (db, roleId) =>
            {
                db.Add(new RolePermission { RoleId = roleId, Permission = PetitionsPermissions.Petitions.Read });
                return await db.SaveChangesAsync();
            });
        }
        (await officer.GetAsync("/api/petitions")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A new token each time (the shared helper keeps one per user, and these tests end them).</summary>
    private static async Task<HttpClient> SignedInAsync(MediationAppFactory app, string userName)
    {
        var response = await app.CreateClient().PostJsonAsync("/api/auth/token", new TokenRequest(userName, MediationAppFactory.DemoPassword, null));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await response.ReadAsync<TokenResponse>()).AccessToken);
        return client;
    }

    private static Task<int> EditAsync(MediationAppFactory app, Func<MediationDbContext, Guid, Task<int>> change) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var roleId = await db.Set<AppRole>().Where(r => r.Name == Role).Select(r => r.Id).SingleAsync();
        var changed = await change(db, roleId);
        await db.Set<AppRole>().Where(r => r.Id == roleId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()));
        await transaction.CommitAsync();
        return changed;
    });
}

/// <summary>A host on a clock the test moves, keeping each account's copy for 2 s (the default, stated).</summary>
public sealed class ClaimsCacheApp : SqliteApp
{
    public static readonly FakeTimeProvider Clock = new(DateTimeOffset.UtcNow);

    public ClaimsCacheApp() : base(new MediationAppFactory(DatabaseProvider.Sqlite,
        settings: new Dictionary<string, string?> { ["Identity:ClaimsCacheDuration"] = "00:00:02" },
        services: s => s.AddSingleton<TimeProvider>(Clock)))
    {
    }
}

public sealed class UserClaimsCache_Tests_on_Sqlite(ClaimsCacheApp app) : UserClaimsCache_Tests, IClassFixture<ClaimsCacheApp>
{
    protected override FakeTimeProvider Clock => ClaimsCacheApp.Clock;

    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class UserClaimsCache_Tests_on_PostgreSql(PostgresCluster cluster) : UserClaimsCache_Tests
{
    private static readonly FakeTimeProvider PostgresClock = new(DateTimeOffset.UtcNow);

    protected override FakeTimeProvider Clock => PostgresClock;

    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), s => s.AddSingleton<TimeProvider>(PostgresClock),
        new Dictionary<string, string?> { ["Identity:ClaimsCacheDuration"] = "00:00:02" });
}
