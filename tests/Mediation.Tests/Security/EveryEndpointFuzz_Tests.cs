using System.Text;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 12's probes for every endpoint the host maps, found from the routing table so a new endpoint is fuzzed without a new row:
/// a body of the wrong shape, a cut-off body, a lone surrogate and a number where a value is expected each get a problem body,
/// never a 500, and write nothing (no data audit row under the request's correlation id). <see cref="HostileProbes"/> keeps the
/// field-level rows.
/// </summary>
public abstract class EveryEndpointFuzz_Tests : ProviderTests
{
    private static readonly string[] Bodies = ["[1,2]", "{\"a\":", "{\"name\":\"\\ud800x\",\"id\":\"\\udc00\"}", "7"];

    [Fact]
    public async Task Every_api_endpoint_answers_malformed_input_with_a_problem_and_writes_nothing()
    {
        var app = await AppAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            // Signing out would end the callers' cached tokens.
            .Where(e => e.RoutePattern.RawText is not "/api/auth/sign-out")
            // A write without a body (start an export, enrol an authenticator) has nothing malformed to refuse; the scope test covers it.
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is "GET" || e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { } accepts
                    && accepts.ContentTypes.Contains("application/json"))
                .Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(80);

        var failures = new List<string>();
        foreach (var caller in new[] { "demo.systemadmin", "demo.mediator", "demo.petitionofficer", "demo.deskofficer" })
        {
            var client = await app.ClientAsAsync(caller);
            foreach (var (method, route) in endpoints)
            {
                var url = System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]*id[^}]*\}", Guid.CreateVersion7().ToString(), System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+\}", "x");
                foreach (var body in method is "GET" ? ["?orgUnitId=7&from=0001-01-01&to=x&withinDays=-1&month=13&status=Blue,Red"] : Bodies)
                {
                    var correlationId = "fuzz-" + Guid.NewGuid().ToString("N")[..12];
                    var request = method is "GET"
                        ? new HttpRequestMessage(new HttpMethod(method), url + body)
                        : new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("X-Correlation-Id", correlationId);
                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                        failures.Add($"{caller} {method} {url} {body} → {status}");
                    else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{caller} {method} {url} {body} → {status} without a problem body");
                    else if (method is not "GET" && await DataAuditRowsAsync(app, correlationId) > 0)
                        failures.Add($"{caller} {method} {url} {body} → {status} and wrote");
                }
            }
        }
        failures.ShouldBeEmpty();
    }

    private static async Task<int> DataAuditRowsAsync(MediationAppFactory app, string correlationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.CorrelationId == correlationId && a.Category == AuditCategory.Data);
    }
}

public sealed class EveryEndpointFuzz_Tests_on_Sqlite(SqliteApp app) : EveryEndpointFuzz_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class EveryEndpointFuzz_Tests_on_PostgreSql(PostgresCluster cluster) : EveryEndpointFuzz_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
