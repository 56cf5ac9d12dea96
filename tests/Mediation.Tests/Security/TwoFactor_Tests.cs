using System.Net;
using System.Net.Http.Headers;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Second factor for real accounts (issue 12, item 11): enrolment for any user, single-use codes,
/// an audit row for a right password without its code, and admin-duty permissions that need the
/// factor whichever role grants them.
/// </summary>
public abstract class TwoFactor_Tests : ProviderTests
{
    private const string Password = "Strong-Pass-2026";

    private async Task<UserDto> CreateUserAsync(string role)
    {
        var admin = await ClientAsync();
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var response = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(
            "t" + Guid.NewGuid().ToString("N")[..10], "双因素测试", Password, unit.Id, [role], null, null));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserDto>();
    }

    private async Task<HttpResponseMessage> SignInAsync(string userName, string? code) =>
        await (await AnonymousClientAsync()).PostJsonAsync("/api/auth/token", new TokenRequest(userName, Password, code));

    private async Task<HttpClient> BearerAsync(HttpResponseMessage signedIn)
    {
        signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        var client = await AnonymousClientAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signedIn.ReadAsync<TokenResponse>()).AccessToken);
        return client;
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await response.ReadJsonAsync()).GetProperty("code").GetString();

    /// <summary>Enrols through the API and returns the shared key.</summary>
    private async Task<string> EnrolAsync(HttpClient client, string userName)
    {
        var setup = await client.PostAsync("/api/auth/two-factor/setup", null);
        setup.StatusCode.ShouldBe(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync());
        var dto = await setup.ReadAsync<TwoFactorSetupDto>();
        var confirmed = await client.PostJsonAsync("/api/auth/two-factor/confirm",
            new ConfirmTwoFactorInput(await SignIn.FreshCodeAsync(await AppAsync(), userName, dto.SharedKey)));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await confirmed.Content.ReadAsStringAsync());
        return dto.SharedKey;
    }

    [Fact]
    public async Task Any_user_enrols_an_authenticator_by_QR_code_and_from_then_on_signs_in_with_its_code()
    {
        var user = await CreateUserAsync(RoleNames.Mediator);
        var client = await BearerAsync(await SignInAsync(user.UserName, null));

        var setup = await (await client.PostAsync("/api/auth/two-factor/setup", null)).ReadAsync<TwoFactorSetupDto>();
        setup.OtpauthUri.ShouldBe($"otpauth://totp/Mediation%3A{user.UserName}?secret={setup.SharedKey}&issuer=Mediation&digits=6&period=30");
        var qr = await client.GetAsync("/api/auth/two-factor/setup/qr");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });

        var wrong = await client.PostJsonAsync("/api/auth/two-factor/confirm", new ConfirmTwoFactorInput("000000"));
        (await CodeAsync(wrong)).ShouldBe(IdentityErrorCodes.InvalidTwoFactorCode);
        (await SignInAsync(user.UserName, null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var confirmed = await client.PostJsonAsync("/api/auth/two-factor/confirm",
            new ConfirmTwoFactorInput(await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, setup.SharedKey)));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        (await CodeAsync(await SignInAsync(user.UserName, null))).ShouldBe(IdentityErrorCodes.TwoFactorRequired);
        var withCode = await SignInAsync(user.UserName, await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, setup.SharedKey));
        withCode.StatusCode.ShouldBe(HttpStatusCode.OK, await withCode.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_a_right_password_without_its_code_is_audited()
    {
        var user = await CreateUserAsync(RoleNames.Mediator);
        var key = await EnrolAsync(await BearerAsync(await SignInAsync(user.UserName, null)), user.UserName);
        var code = await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, key);

        (await SignInAsync(user.UserName, code)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replayed = await SignInAsync(user.UserName, code);
        replayed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await CodeAsync(replayed)).ShouldBe(IdentityErrorCodes.InvalidTwoFactorCode);
        (await SignInAsync(user.UserName, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.PasswordWithoutSecondFactor && a.UserName == user.UserName)).ShouldBe(2);
    }

    [Fact]
    public async Task Admin_duty_permissions_need_the_second_factor_whichever_role_grants_them()
    {
        var security = await ClientAsync(userName: "demo.securityadmin");
        var statisticians = (await (await security.GetAsync("/api/identity/roles")).ReadAsync<List<RoleDto>>())
            .Single(r => r.Name == RoleNames.Statistician).Permissions;
        (await security.PutJsonAsync($"/api/identity/roles/{RoleNames.Statistician}/permissions",
            new SetRolePermissionsInput([.. statisticians, CorePermissions.Roles.Manage]))).StatusCode.ShouldBe(HttpStatusCode.OK);
        try
        {
            var user = await CreateUserAsync(RoleNames.Statistician);
            var token = await (await SignInAsync(user.UserName, null)).ReadAsync<TokenResponse>();
            token.SecondFactorEnrolmentRequired.ShouldBeTrue();
            var withoutFactor = await AnonymousClientAsync();
            withoutFactor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            (await withoutFactor.GetAsync("/api/identity/roles")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await (await withoutFactor.GetAsync("/api/auth/me")).ReadAsync<MeDto>()).Permissions.ShouldNotContain(CorePermissions.Roles.Manage);

            var key = await EnrolAsync(withoutFactor, user.UserName);
            var withFactor = await BearerAsync(await SignInAsync(user.UserName, await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, key)));
            (await withFactor.GetAsync("/api/identity/roles")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            (await security.PutJsonAsync($"/api/identity/roles/{RoleNames.Statistician}/permissions", new SetRolePermissionsInput(statisticians)))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

public sealed class TwoFactor_Tests_on_Sqlite(UnthrottledSqliteApp app) : TwoFactor_Tests, IClassFixture<UnthrottledSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class TwoFactor_Tests_on_PostgreSql(PostgresCluster cluster) : TwoFactor_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: SignIn_Tests.UnthrottledSettings);
}
