using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// The enrolment page (issue 12, item 11) through the real pipeline: key and QR code of one pending
/// set-up, antiforgery, a wrong code that keeps the key, and the sign-in page sending an un-enrolled
/// holder of admin duties to it instead of silently signing him in without them.
/// </summary>
public abstract partial class TwoFactorPage_Tests : ProviderTests
{
    private const string Password = "Strong-Pass-2026";

    private async Task<UserDto> CreateUserAsync(string role)
    {
        var admin = await ClientAsync();
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var response = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(
            "p" + Guid.NewGuid().ToString("N")[..10], "页面双因素", Password, unit.Id, [role], null, null));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserDto>();
    }

    private async Task<(HttpClient Client, HttpResponseMessage Response)> SignInOnPageAsync(string userName, string? code)
    {
        var client = (await AppAsync()).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var fields = new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = Password,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        };
        if (code is not null) fields["totpCode"] = code;
        return (client, await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(fields)));
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string page, string code) =>
        await client.PostAsync("/Account/TwoFactor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));

    [Fact]
    public async Task A_user_enrols_on_the_page_with_the_key_it_shows_and_then_signs_in_only_with_a_code()
    {
        var user = await CreateUserAsync(RoleNames.Mediator);
        var (client, signedIn) = await SignInOnPageAsync(user.UserName, null);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetStringAsync("/Account/TwoFactor");
        var key = SharedKey().Match(page).Groups[1].Value;
        key.ShouldNotBeEmpty();
        var qr = await client.GetAsync("/Account/TwoFactor?handler=Qr");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });

        var forged = await client.PostAsync("/Account/TwoFactor", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "123456" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var wrong = await ConfirmAsync(client, page, "000000");
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        wrongPage.ShouldContain("role=\"alert\"");
        SharedKey().Match(wrongPage).Groups[1].Value.ShouldBe(key);
        SharedKey().Match(await client.GetStringAsync("/Account/TwoFactor")).Groups[1].Value.ShouldBe(key);

        var confirmed = await ConfirmAsync(client, wrongPage, await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, key));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await confirmed.Content.ReadAsStringAsync()).ShouldContain("身份验证器已设置");

        (await SignInOnPageAsync(user.UserName, null)).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var withCode = await SignInOnPageAsync(user.UserName, await SignIn.FreshCodeAsync(await AppAsync(), user.UserName, key));
        withCode.Response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        withCode.Response.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [Fact]
    public async Task An_admin_duty_holder_without_an_authenticator_is_sent_from_sign_in_to_enrolment_with_the_reason()
    {
        var user = await CreateUserAsync(RoleNames.AuditAdmin);
        var (client, signedIn) = await SignInOnPageAsync(user.UserName, null);

        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/Account/TwoFactor?required=True");
        var page = await client.GetStringAsync(signedIn.Headers.Location.OriginalString);
        page.ShouldContain("须使用双因素认证");
        SharedKey().IsMatch(page).ShouldBeTrue();
    }

    [Fact]
    public async Task A_user_without_admin_duties_is_signed_in_to_where_he_was_going()
    {
        var user = await CreateUserAsync(RoleNames.Mediator);
        var (_, signedIn) = await SignInOnPageAsync(user.UserName, null);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.OriginalString.ShouldBe("/");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("id=\"shared-key\">([A-Z2-7]+)<")]
    private static partial Regex SharedKey();
}

public sealed class TwoFactorPage_Tests_on_Sqlite(UnthrottledSqliteApp app) : TwoFactorPage_Tests, IClassFixture<UnthrottledSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class TwoFactorPage_Tests_on_PostgreSql(PostgresCluster cluster) : TwoFactorPage_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: SignIn_Tests.UnthrottledSettings);
}
