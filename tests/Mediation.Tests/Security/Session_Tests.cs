using System.Net;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>The host on a clock the test moves: sessions end after 15 idle minutes and 30 minutes in all (configured).</summary>
public sealed class SessionApp : SqliteApp
{
    public static readonly FakeTimeProvider Clock = new(DateTimeOffset.UtcNow);

    public SessionApp() : base(new MediationAppFactory(DatabaseProvider.Sqlite,
        settings: new Dictionary<string, string?> { ["Identity:AbsoluteLifetime"] = "00:30:00" },
        services: s => s.AddSingleton<TimeProvider>(Clock)))
    {
    }
}

public sealed partial class Session_Tests(SessionApp app) : IClassFixture<SessionApp>
{
    private async Task<HttpClient> SignInWithCookieAsync(string userName)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Account/SignIn");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = MediationAppFactory.DemoPassword,
            ["totpCode"] = await app.Factory.TotpCodeAsync(userName),
            ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        var response = await client.GetAsync("/OrgUnits");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task A_session_ends_after_fifteen_idle_minutes()
    {
        var client = await SignInWithCookieAsync("demo.mediator");
        (await SignedInAsync(client)).ShouldBeTrue();

        SessionApp.Clock.Advance(TimeSpan.FromMinutes(10));
        (await SignedInAsync(client)).ShouldBeTrue();
        SessionApp.Clock.Advance(TimeSpan.FromMinutes(16));

        var expired = await client.GetAsync("/OrgUnits");
        expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        expired.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_its_absolute_lifetime()
    {
        var client = await SignInWithCookieAsync("demo.statistician");
        for (var minutes = 0; minutes < 28; minutes += 7)
        {
            SessionApp.Clock.Advance(TimeSpan.FromMinutes(7));
            (await SignedInAsync(client)).ShouldBeTrue($"after {minutes + 7} active minutes");
        }
        SessionApp.Clock.Advance(TimeSpan.FromMinutes(7));
        (await SignedInAsync(client)).ShouldBeFalse();
    }

    [Fact]
    public async Task Operator_surfaces_need_sign_in_and_the_jobs_dashboard_a_system_admin()
    {
        var anonymous = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await anonymous.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await anonymous.GetAsync("/hangfire")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        var mediator = await SignInWithCookieAsync("demo.mediator");
        (await mediator.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await mediator.GetAsync("/hangfire")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);

        var systemAdmin = await SignInWithCookieAsync("demo.systemadmin");
        (await systemAdmin.GetAsync("/hangfire")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var document = await (await mediator.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        document.ShouldContain("\"bearer\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
