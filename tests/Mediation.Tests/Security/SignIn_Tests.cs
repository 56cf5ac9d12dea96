using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.Security;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Sign-in under attack (issue 12, item 10): lockout that holds under parallel attempts, unknown
/// names indistinguishable from real ones, and sessions that end with lockout, deactivation and sign-out.
/// The rate limits are raised here so they do not interfere; <see cref="SignInThrottle_Tests"/> tests them.
/// </summary>
public abstract partial class SignIn_Tests : ProviderTests
{
    public static readonly IReadOnlyDictionary<string, string?> UnthrottledSettings = new Dictionary<string, string?>
    {
        ["Identity:SignInRateLimit:PerAddress"] = "100000",
        ["Identity:SignInRateLimit:PerUserName"] = "100000",
        ["Identity:SignInRateLimit:Queued"] = "1000",
    };

    private const string Password = "Strong-Pass-2026";

    private async Task<UserDto> CreateUserAsync()
    {
        var admin = await ClientAsync();
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var response = await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(
            "s" + Guid.NewGuid().ToString("N")[..10], "登录测试", Password, unit.Id, [RoleNames.Mediator], null, null));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<UserDto>();
    }

    private async Task<HttpResponseMessage> RequestTokenAsync(string userName, string password) =>
        await (await AnonymousClientAsync()).PostJsonAsync("/api/auth/token", new TokenRequest(userName, password, null));

    private async Task<HttpClient> BearerClientAsync(string userName)
    {
        var response = await RequestTokenAsync(userName, Password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var client = await AnonymousClientAsync();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await response.ReadAsync<TokenResponse>()).AccessToken);
        return client;
    }

    private async Task<HttpClient> CookieClientAsync(string userName)
    {
        var client = (await AppAsync()).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = Password,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<bool> TokenWorksAsync(HttpClient client) => (await client.GetAsync("/api/auth/me")).StatusCode == HttpStatusCode.OK;

    private static async Task<bool> CookieWorksAsync(HttpClient client) => (await client.GetAsync("/OrgUnits")).StatusCode == HttpStatusCode.OK;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task Two_hundred_parallel_wrong_passwords_are_checked_only_up_to_the_lockout_threshold()
    {
        var user = await CreateUserAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            var response = await RequestTokenAsync(user.UserName, "Wrong-Pass-" + i);
            return (response.StatusCode, Code: await CodeAsync(response));
        }));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized);
        // The fifth wrong password locks (and says so); nothing beyond the threshold was ever checked.
        responses.Count(r => r.Code == IdentityErrorCodes.InvalidCredentials).ShouldBe(4);
        responses.Count(r => r.Code == IdentityErrorCodes.LockedOut).ShouldBe(196);
        (await CodeAsync(await RequestTokenAsync(user.UserName, Password))).ShouldBe(IdentityErrorCodes.LockedOut);
    }

    [Fact]
    public async Task An_unknown_or_inactive_name_answers_like_a_real_account_and_costs_the_same_hash()
    {
        var known = await CreateUserAsync();
        var inactive = await CreateUserAsync();
        (await (await ClientAsync()).PostAsync($"/api/identity/users/{inactive.Id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unknownName = "nobody" + Guid.NewGuid().ToString("N")[..8];
        var hashes = (await AppAsync()).Services.GetRequiredService<PasswordHashCounter>();

        async Task<(List<string?> Codes, List<int> Hashes)> AttemptsAsync(string userName)
        {
            var codes = new List<string?>();
            var verified = new List<int>();
            for (var i = 0; i < 7; i++)
            {
                var response = await RequestTokenAsync(userName, "Wrong-Pass-" + i);
                codes.Add(await CodeAsync(response));
                verified.Add(hashes.TakeVerifications());
            }
            return (codes, verified);
        }

        hashes.TakeVerifications(); // the admin's own sign-in above
        var real = await AttemptsAsync(known.UserName);
        var unknown = await AttemptsAsync(unknownName);
        var deactivated = await AttemptsAsync(inactive.UserName);

        string?[] expected = [.. Enumerable.Repeat(IdentityErrorCodes.InvalidCredentials, 4), .. Enumerable.Repeat(IdentityErrorCodes.LockedOut, 3)];
        real.Codes.ShouldBe(expected);
        unknown.Codes.ShouldBe(expected);
        deactivated.Codes.ShouldBe(expected);
        // Timing parity is the point, but a stopwatch on a shared two-core CI box measures the neighbours:
        // the cost that makes an answer slow is the PBKDF2 verification, so every attempt must run exactly one,
        // whether the name is real, unknown, deactivated or locked out (before, unknown names ran none).
        real.Hashes.ShouldAllBe(n => n == 1, string.Join(", ", real.Hashes));
        unknown.Hashes.ShouldAllBe(n => n == 1, string.Join(", ", unknown.Hashes));
        deactivated.Hashes.ShouldAllBe(n => n == 1, string.Join(", ", deactivated.Hashes));
    }

    [Fact]
    public async Task Lockout_ends_the_accounts_existing_tokens_and_cookies()
    {
        var user = await CreateUserAsync();
        var bearer = await BearerClientAsync(user.UserName);
        var cookie = await CookieClientAsync(user.UserName);
        (await TokenWorksAsync(bearer)).ShouldBeTrue();
        (await CookieWorksAsync(cookie)).ShouldBeTrue();

        for (var i = 0; i < 5; i++) await RequestTokenAsync(user.UserName, "Wrong-Pass-" + i);

        (await TokenWorksAsync(bearer)).ShouldBeFalse();
        (await CookieWorksAsync(cookie)).ShouldBeFalse();
    }

    [Fact]
    public async Task Deactivation_ends_the_users_tokens_and_cookies_and_reactivation_lets_him_sign_in_again()
    {
        var user = await CreateUserAsync();
        var bearer = await BearerClientAsync(user.UserName);
        var cookie = await CookieClientAsync(user.UserName);
        var admin = await ClientAsync();

        var deactivated = await admin.PostAsync($"/api/identity/users/{user.Id}/deactivate", null);
        deactivated.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivated.Content.ReadAsStringAsync());
        (await deactivated.ReadAsync<UserDto>()).IsActive.ShouldBeFalse();

        (await TokenWorksAsync(bearer)).ShouldBeFalse();
        (await CookieWorksAsync(cookie)).ShouldBeFalse();
        (await CodeAsync(await RequestTokenAsync(user.UserName, Password))).ShouldBe(IdentityErrorCodes.InvalidCredentials);

        (await admin.PostAsync($"/api/identity/users/{user.Id}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenWorksAsync(await BearerClientAsync(user.UserName))).ShouldBeTrue();
        (await TokenWorksAsync(bearer)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_or_cookie_with_a_stale_security_stamp_is_not_signed_in_401_and_never_a_403()
    {
        var deactivatedUser = await CreateUserAsync();
        var reassignedUser = await CreateUserAsync();
        var stale = new List<HttpClient>();
        foreach (var user in new[] { deactivatedUser, reassignedUser })
        {
            stale.Add(await BearerClientAsync(user.UserName));
            stale.Add(await CookieClientAsync(user.UserName));
        }
        foreach (var client in stale) (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await ClientAsync();
        (await admin.PostAsync($"/api/identity/users/{deactivatedUser.Id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reassigned = await admin.PutJsonAsync($"/api/identity/users/{reassignedUser.Id}/roles", new SetUserRolesInput([RoleNames.PetitionOfficer]));
        reassigned.StatusCode.ShouldBe(HttpStatusCode.OK, await reassigned.Content.ReadAsStringAsync());

        foreach (var client in stale)
        {
            foreach (var url in new[] { "/api/auth/me", "/api/cases" })
            {
                var response = await client.GetAsync(url);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, url + " " + await response.Content.ReadAsStringAsync());
                (await CodeAsync(response)).ShouldBe(Mediation.Core.Domain.CoreErrorCodes.Unauthorized);
            }
        }
        var page = await stale[1].GetAsync("/OrgUnits");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/SignIn", Case.Sensitive, "a stale cookie is sent to sign in, not to the access-denied page");
    }

    [Fact]
    public async Task Signing_out_through_the_API_ends_every_token_and_cookie_of_the_user()
    {
        var user = await CreateUserAsync();
        var first = await BearerClientAsync(user.UserName);
        var second = await BearerClientAsync(user.UserName);
        var cookie = await CookieClientAsync(user.UserName);

        (await first.PostAsync("/api/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await TokenWorksAsync(first)).ShouldBeFalse();
        (await TokenWorksAsync(second)).ShouldBeFalse();
        (await CookieWorksAsync(cookie)).ShouldBeFalse();
    }

    [Fact]
    public async Task Signing_out_on_the_page_ends_the_users_sessions_elsewhere()
    {
        var user = await CreateUserAsync();
        var bearer = await BearerClientAsync(user.UserName);
        var elsewhere = await CookieClientAsync(user.UserName);
        var here = await CookieClientAsync(user.UserName);

        var page = await here.GetStringAsync("/");
        var signOut = await here.PostAsync("/Account/SignOut", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value,
        }));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await CookieWorksAsync(elsewhere)).ShouldBeFalse();
        (await TokenWorksAsync(bearer)).ShouldBeFalse();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class UnthrottledSqliteApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: SignIn_Tests.UnthrottledSettings, services: PasswordHashCounter.Register));

public sealed class SignIn_Tests_on_Sqlite(UnthrottledSqliteApp app) : SignIn_Tests, IClassFixture<UnthrottledSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class SignIn_Tests_on_PostgreSql(PostgresCluster cluster) : SignIn_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), PasswordHashCounter.Register, UnthrottledSettings);
}

/// <summary>
/// Counts password-hash verifications. The tests of one class run one at a time, so the count between
/// two calls belongs to the sign-in attempt made in between.
/// </summary>
internal sealed class PasswordHashCounter
{
    private int _verifications;

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<PasswordHashCounter>();
        services.AddScoped<IPasswordHasher<AppUser>>(sp => new Counting(
            ActivatorUtilities.CreateInstance<PasswordHasher<AppUser>>(sp), sp.GetRequiredService<PasswordHashCounter>()));
    }

    /// <summary>How many verifications ran since the last call.</summary>
    public int TakeVerifications() => Interlocked.Exchange(ref _verifications, 0);

    private sealed class Counting(PasswordHasher<AppUser> inner, PasswordHashCounter counter) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter._verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
