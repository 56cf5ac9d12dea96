using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// The host with small sign-in limits (5 per address, 3 per user name, per minute).
/// </summary>
public sealed class ThrottledApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite,
    settings: new Dictionary<string, string?>
    {
        ["Identity:SignInRateLimit:PerAddress"] = "5",
        ["Identity:SignInRateLimit:PerUserName"] = "3",
        ["Identity:SignInRateLimit:Window"] = "00:01:00",
    },
    services: s => s.AddTransient<IStartupFilter, ClientAddressFromTestHeader>()))
{
    public const string AddressHeader = ClientAddressFromTestHeader.Header;
}

/// <summary>The in-memory test server has no client address: this header stands in for the connection's address.</summary>
public sealed class ClientAddressFromTestHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed partial class SignInThrottle_Tests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    private HttpClient ClientFrom(string address, bool cookies = false)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.Add(ThrottledApp.AddressHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string userName) =>
        client.PostJsonAsync("/api/auth/token", new TokenRequest(userName, "Wrong-Pass-2026", null));

    private static async Task ShouldBeThrottledAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(IdentityErrorCodes.TooManySignInAttempts);
        int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_sixth_attempt_from_one_address_within_a_minute()
    {
        var client = ClientFrom("10.0.0.1");
        for (var i = 0; i < 5; i++)
            (await TokenAsync(client, "name" + i)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(client, "name-other"));
        (await TokenAsync(ClientFrom("10.0.0.9"), "name-other")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_user_name_gets_three_attempts_a_minute_whatever_the_address()
    {
        var name = "target" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
            (await TokenAsync(ClientFrom("10.0.1." + i), name)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await ShouldBeThrottledAsync(await TokenAsync(ClientFrom("10.0.1.200"), name));
        (await TokenAsync(ClientFrom("10.0.1.201"), "someone-else")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_page_is_limited_per_address_too()
    {
        var client = ClientFrom("10.0.2.1", cookies: true);
        var form = await client.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        Task<HttpResponseMessage> PostAsync(int i) => client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "page" + i, ["password"] = "Wrong-Pass-2026", ["__RequestVerificationToken"] = token,
        }));

        for (var i = 0; i < 5; i++) (await PostAsync(i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await PostAsync(5);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        (await client.GetAsync("/Account/SignIn")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
