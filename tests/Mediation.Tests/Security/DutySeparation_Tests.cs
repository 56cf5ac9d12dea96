using System.Net;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Separation of duties by permission (issue 12, item 12): the grant itself is checked, so the
/// security administrator cannot hand user management, audit reading or the job dashboard to any
/// role, and no role or user ends up with two duties whatever the roles are called.
/// </summary>
public abstract class DutySeparation_Tests : ProviderTests
{
    private async Task<HttpClient> SecurityAdminAsync() => await ClientAsync(userName: "demo.securityadmin");

    private async Task<IReadOnlyList<string>> PermissionsOfAsync(string role) =>
        (await (await (await SecurityAdminAsync()).GetAsync("/api/identity/roles")).ReadAsync<List<RoleDto>>()).Single(r => r.Name == role).Permissions;

    private async Task<HttpResponseMessage> GrantAsync(string role, IEnumerable<string> permissions) =>
        await (await SecurityAdminAsync()).PutJsonAsync($"/api/identity/roles/{role}/permissions", new SetRolePermissionsInput([.. permissions]));

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    [Theory]
    [InlineData(RoleNames.SecurityAdmin, CorePermissions.Users.Manage)]
    [InlineData(RoleNames.SecurityAdmin, CorePermissions.Audit.Read)]
    [InlineData(RoleNames.SecurityAdmin, CorePermissions.Jobs.Dashboard)]
    [InlineData(RoleNames.Statistician, CorePermissions.Audit.Read)]
    [InlineData(RoleNames.Mediator, CorePermissions.Users.Manage)]
    [InlineData(RoleNames.Coordinator, CorePermissions.Jobs.Dashboard)]
    public async Task The_security_admin_cannot_grant_another_duty_s_permission_to_any_role(string role, string permission)
    {
        var before = await PermissionsOfAsync(role);

        await ShouldBeRefusedAsync(await GrantAsync(role, before.Append(permission)), IdentityErrorCodes.DutyPermissionNotGrantable);
        (await PermissionsOfAsync(role)).ShouldBe(before, ignoreOrder: true);
    }

    [Fact]
    public async Task Nor_take_another_duty_s_permission_away()
    {
        var auditors = await PermissionsOfAsync(RoleNames.AuditAdmin);

        await ShouldBeRefusedAsync(await GrantAsync(RoleNames.AuditAdmin, auditors.Where(p => p != CorePermissions.Audit.Read)),
            IdentityErrorCodes.DutyPermissionNotGrantable);
        (await PermissionsOfAsync(RoleNames.AuditAdmin)).ShouldContain(CorePermissions.Audit.Read);
    }

    [Fact]
    public async Task A_role_never_holds_two_duties_even_with_the_grantors_own_permission()
    {
        var auditors = await PermissionsOfAsync(RoleNames.AuditAdmin);

        await ShouldBeRefusedAsync(await GrantAsync(RoleNames.AuditAdmin, auditors.Append(CorePermissions.Roles.Manage)), IdentityErrorCodes.AdminDutiesSeparated);
    }

    [Fact]
    public async Task Duties_are_separated_per_user_by_what_the_roles_grant_not_by_their_names()
    {
        var statisticians = await PermissionsOfAsync(RoleNames.Statistician);
        var admin = await ClientAsync();
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var created = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(
            "d" + Guid.NewGuid().ToString("N")[..10], "职责测试", "Strong-Pass-2026", unit.Id, [RoleNames.Statistician, RoleNames.SystemAdmin], null, null));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var user = await created.ReadAsync<UserDto>();
        try
        {
            // Statistician + SystemAdmin is fine by name; Roles.Manage on Statistician would give this user two duties.
            await ShouldBeRefusedAsync(await GrantAsync(RoleNames.Statistician, statisticians.Append(CorePermissions.Roles.Manage)),
                IdentityErrorCodes.AdminDutiesSeparated);

            (await admin.PutJsonAsync($"/api/identity/users/{user.Id}/roles", new SetUserRolesInput([RoleNames.Statistician])))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            (await GrantAsync(RoleNames.Statistician, statisticians.Append(CorePermissions.Roles.Manage))).StatusCode.ShouldBe(HttpStatusCode.OK);
            var combined = await admin.PutJsonAsync($"/api/identity/users/{user.Id}/roles", new SetUserRolesInput([RoleNames.Statistician, RoleNames.SystemAdmin]));
            await ShouldBeRefusedAsync(combined, IdentityErrorCodes.AdminDutiesSeparated);
        }
        finally
        {
            (await GrantAsync(RoleNames.Statistician, statisticians)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Ordinary_permissions_are_still_granted_and_revoked()
    {
        var statisticians = await PermissionsOfAsync(RoleNames.Statistician);
        var granted = await GrantAsync(RoleNames.Statistician, statisticians.Append(CorePermissions.Pii.Reveal));
        granted.StatusCode.ShouldBe(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        (await GrantAsync(RoleNames.Statistician, statisticians)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PermissionsOfAsync(RoleNames.Statistician)).ShouldBe(statisticians, ignoreOrder: true);
    }
}

public sealed class DutySeparation_Tests_on_Sqlite(SqliteApp app) : DutySeparation_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class DutySeparation_Tests_on_PostgreSql(PostgresCluster cluster) : DutySeparation_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
