using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>Issue 12 items 13 and 14: response headers, HTTPS-only cookies, forwarded addresses, and the page cookie on the API.</summary>
public sealed partial class WebHardening_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<HttpClient> SignInWithCookieAsync(string userName, string baseAddress = "http://localhost")
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(baseAddress),
        });
        var form = await client.GetStringAsync("/Account/SignIn");
        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = MediationAppFactory.DemoPassword,
            ["totpCode"] = await app.Factory.TotpCodeAsync(userName),
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await app.Factory.CreateClient().GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
    }

    [Theory]
    [InlineData("demo.mediator", "/Cases/Register")]
    [InlineData("demo.mediator", "/Cases")]
    [InlineData("demo.petitionofficer", "/Petitions/Register")]
    [InlineData("demo.petitionofficer", "/Petitions")]
    [InlineData("demo.coordinator", "/OrgUnits")]
    [InlineData("demo.coordinator", "/Deadlines")]
    public async Task The_pages_have_no_inline_script_the_policy_would_block(string userName, string path)
    {
        var html = await (await app.Factory.ClientAsAsync(userName)).GetStringAsync(path);

        InlineScript().IsMatch(html).ShouldBeFalse(path);
        EventHandlerAttribute().IsMatch(html).ShouldBeFalse(path);
        StyleAttribute().IsMatch(html).ShouldBeFalse(path);
    }

    [Fact]
    public async Task Over_HTTPS_the_answer_demands_HTTPS_and_cookies_are_secure()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://mediation.example"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/Account/SignIn");

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=");
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var plain = await app.Factory.CreateClient().GetAsync("/Account/SignIn");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task A_forwarded_address_from_a_peer_that_is_no_configured_proxy_is_not_believed()
    {
        var correlationId = "fwd-" + Guid.NewGuid().ToString("N")[..12];
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new TokenRequest("demo.mediator", MediationAppFactory.DemoPassword, null), options: HttpJson.Options),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Correlation-Id", correlationId);
        (await app.Factory.CreateClient().SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .Where(a => a.CorrelationId == correlationId).ToListAsync();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(a => a.IpAddress != "203.0.113.7");
    }

    [Fact]
    public async Task A_cross_site_form_post_with_the_page_cookie_cannot_reveal_personal_data()
    {
        var officer = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var registered = await officer.PostAsync("/api/petitions", new StringContent(HostileProbes.PetitionRegistration().ToJsonString(), Encoding.UTF8, "application/json"));
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var id = (await registered.ReadJsonAsync()).GetProperty("id").GetGuid();
        var browser = await SignInWithCookieAsync("demo.petitionofficer");

        var forged = await browser.PostAsync($"/api/petitions/{id}/petitioners/reveal", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var body = await forged.Content.ReadAsStringAsync();
        body.ShouldNotContain("13800138000");
        (await forged.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.AntiforgeryTokenMissing);
        (await browser.PostAsync($"/api/petitions/{id}/petitioners/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // The pages' own scripts send the token of the page they were loaded with.
        var page = await browser.GetStringAsync("/Petitions/Register");
        var withToken = new HttpRequestMessage(HttpMethod.Post, $"/api/petitions/{id}/petitioners/reveal");
        withToken.Headers.Add("RequestVerificationToken", AntiforgeryToken().Match(page).Groups[1].Value);
        var revealed = await browser.SendAsync(withToken);
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK, await revealed.Content.ReadAsStringAsync());
        (await revealed.Content.ReadAsStringAsync()).ShouldContain("13800138000");

        (await browser.GetAsync($"/api/petitions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.PostAsync($"/api/petitions/{id}/petitioners/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<[^>]+\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
