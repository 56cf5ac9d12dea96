using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 12: an enterprise's portal account belongs to the desk's unit but is not its staff. Every GET route and page the host
/// maps — read from the routing table, so a new one is walked without a new row — refuses it (401, 403 or 404), with the ids it
/// certainly knows (its own unit's) and that unit as <c>orgUnitId</c>; only the routes named in <see cref="Allowed"/> serve it.
/// </summary>
public abstract class EnterpriseReach_Tests(ITestOutputHelper output) : ProviderTests
{
    /// <summary>What an enterprise account may open, by route prefix, and why.</summary>
    private static readonly (string Route, string Reason)[] Allowed =
    [
        ("/api/service-desk/portal/", "the portal's own API: every route reads only the caller's enterprise and its requests"),
        ("/api/service-desk/checklist", "the materials each kind of request needs, shown to the enterprise before it files one; no record"),
        ("/api/auth/", "the caller's own account (/me) and its second factor"),
        ("/api/exports", "the caller's own exports only (another user's id answers 404); an enterprise account may start none"),
        ("/api/calendar/", "working days, holidays and statutory periods with their articles: published law and the State Council's " +
            "holiday notice, no record of any unit; the portal's due dates are counted on them"),
        ("/ServiceDesk/Portal", "the enterprise portal pages, which read only the caller's enterprise"),
        ("/Account/", "sign-in, sign-out and the caller's own second factor"),
        ("/Exports", "the caller's own exports (none for an enterprise account)"),
        ("/Language", "switches the page language"),
        ("/Error", "the error page: a request id, no data"),
        ("/health/", "liveness and readiness, answered to anonymous callers too, without server details"),
        ("/openapi/", "the API description: routes and shapes, no data"),
    ];

    /// <summary>Pages whose route is empty or "Index": the home page shows each user only the links his permissions open.</summary>
    private static readonly string[] HomePage = ["/", "/Index"];

    private static readonly int[] Refusals = [401, 403, 404];

    [Fact]
    public async Task An_enterprise_account_is_refused_every_staff_route_and_page()
    {
        var app = await AppAsync();
        var signedIn = await app.ClientAsAsync("demo.enterpriseuser");
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        var me = (await client.GetFromJsonAsync<Me>("/api/auth/me", HttpJson.Options))!;
        var ownUnit = me.OrgUnitId!.Value.ToString();

        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        routes.Count(r => r.StartsWith("/api/", StringComparison.Ordinal)).ShouldBeGreaterThan(60);
        routes.ShouldContain("/api/org-units/tree");
        routes.ShouldContain("/OrgUnits");

        var served = new List<string>();
        foreach (var route in routes.Where(r => !HomePage.Contains(r)))
        {
            var url = Regex.Replace(route, @"\{[^}]*:guid\??\}", ownUnit);
            url = Regex.Replace(url, @"\{[^}]*:int\??\}", "2026");
            url = Regex.Replace(url, @"\{\*?\*?[^}]+\}", "x");
            foreach (var query in new[] { "", "?orgUnitId=" + ownUnit })
            {
                var status = (int)(await client.GetAsync(url + query)).StatusCode;
                var allowed = Allowed.FirstOrDefault(a => route.StartsWith(a.Route, StringComparison.Ordinal));
                output.WriteLine($"{status} {url}{query}{(allowed.Route is null ? "" : "  (allowed: " + allowed.Reason + ")")}");
                if (allowed.Route is null && !Refusals.Contains(status))
                    served.Add($"{url}{query} → {status}");
            }
        }

        // Nothing on the way signed the account out (a 401 everywhere after it would hide what it reaches).
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        served.ShouldBeEmpty();
        var home = await client.GetStringAsync("/");
        foreach (var staffPage in new[] { "/OrgUnits", "/Deadlines", "/Notices" }) home.ShouldNotContain($"href=\"{staffPage}\"");
    }

    [Fact]
    public async Task Staff_read_the_tree_and_an_enterprise_account_neither_the_tree_nor_its_own_unit()
    {
        var staff = await ClientAsync(userName: "demo.deskofficer");
        (await staff.GetAsync("/api/org-units/tree")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync("/OrgUnits")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var enterprise = await ClientAsync(userName: "demo.enterpriseuser");
        var own = (await enterprise.GetFromJsonAsync<Me>("/api/auth/me", HttpJson.Options))!.OrgUnitId;
        foreach (var url in new[] { "/api/org-units", "/api/org-units/tree", $"/api/org-units/{own}", "/OrgUnits" })
            (await enterprise.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    private sealed record Me(Guid Id, string UserName, Guid? OrgUnitId, IReadOnlyList<string> Permissions);
}

public sealed class EnterpriseReach_Tests_on_Sqlite(SqliteApp app, ITestOutputHelper output) : EnterpriseReach_Tests(output), IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class EnterpriseReach_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : EnterpriseReach_Tests(output)
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
