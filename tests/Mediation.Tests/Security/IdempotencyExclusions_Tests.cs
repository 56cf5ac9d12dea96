using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Web;
using Mediation.Identity;
using Mediation.Tests.Api;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 12 item 7: the idempotency store kept issued tokens and revealed numbers. Only creates whose repeat would make a second record
/// are answered from the store; whatever returns a secret or a one-off result — tokens, the authenticator's key and QR code, previews,
/// reveals, office copies — runs every time and leaves no stored row, whatever key the caller sends.
/// </summary>
public abstract class IdempotencyExclusions_Tests : ProviderTests
{
    /// <summary>The creates that opt in; a new one is added here on purpose, never by accident on a secret-bearing endpoint.</summary>
    private static readonly string[] IdempotentCreates =
    [
        "POST /api/org-units/", "POST /api/cases/", "POST /api/petitions/", "POST /api/service-desk/portal/requests",
        "POST /api/legal-windows/windows", "POST /api/legal-windows/advisors", "POST /api/legal-windows/records",
        "POST /api/legal-windows/records/mediation-participation", "POST /api/service-desk/visits",
    ];

    private static readonly string[] SecretOrOneOff = ["token", "two-factor", "preview", "reveal", "office-copy", "sign-in", "sign-up", "qr", "verify", "export"];

    [Fact]
    public async Task Only_the_listed_creates_are_idempotent_and_no_token_secret_preview_or_reveal_endpoint_is()
    {
        var app = await AppAsync();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [],
                Idempotent: e.Metadata.GetMetadata<IdempotentEndpointMetadata>() is not null))
            .ToList();
        var idempotent = endpoints.Where(e => e.Idempotent).SelectMany(e => e.Methods.Select(m => $"{m} {e.Route.TrimEnd('/')}")).ToList();
        idempotent.ShouldBe(IdempotentCreates.Select(c => c.TrimEnd('/')), ignoreOrder: true);
        endpoints.Where(e => e.Idempotent && SecretOrOneOff.Any(word => e.Route.Contains(word, StringComparison.OrdinalIgnoreCase)))
            .Select(e => e.Route).ShouldBeEmpty();
        endpoints.ShouldContain(e => e.Route == "/api/auth/token", "the token endpoint is in the table this test reads");
    }

    [Fact]
    public async Task Tokens_the_authenticator_key_its_qr_code_and_a_preview_are_made_afresh_each_time_and_never_stored()
    {
        var app = await AppAsync();
        var key = "exclusion-" + Guid.NewGuid().ToString("N");
        var anonymous = app.CreateClient();
        var tokens = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var token = await anonymous.SendAsync(WithKey(HttpMethod.Post, "/api/auth/token", new TokenRequest("demo.mediator", MediationAppFactory.DemoPassword, null), key + "-token"));
            token.StatusCode.ShouldBe(HttpStatusCode.OK);
            token.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
            tokens.Add((await token.ReadAsync<TokenResponse>()).AccessToken);
        }
        tokens.Distinct().Count().ShouldBe(2, "a second sign-in issues its own token, not the stored first one");

        var advisor = await app.ClientAsAsync("demo.legaladvisor");
        var keys = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var setup = await advisor.SendAsync(WithKey(HttpMethod.Post, "/api/auth/two-factor/setup", null, key + "-2fa"));
            setup.StatusCode.ShouldBe(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync());
            setup.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
            keys.Add((await setup.ReadAsync<TwoFactorSetupDto>()).SharedKey);
        }
        keys.Distinct().Count().ShouldBe(2, "each setup makes a new shared key");
        var qr = await advisor.SendAsync(WithKey(HttpMethod.Get, "/api/auth/two-factor/setup/qr", null, key + "-qr"));
        qr.StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await app.ClientAsAsync("demo.systemadmin");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var preview = await admin.SendAsync(WithKey(HttpMethod.Post, "/api/documents/templates/acceptance-notice/preview",
                new { model = SampleDocuments.NoticeModel() }, key + "-preview"));
            preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
            preview.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Set<Mediation.Web.Http.IdempotencyRecord>().Where(r => r.Key.StartsWith(key)).Select(r => r.Key).ToListAsync()).ShouldBeEmpty();
    }

    private static HttpRequestMessage WithKey(HttpMethod method, string url, object? body, string key)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: HttpJson.Options);
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

public sealed class IdempotencyExclusions_Tests_on_Sqlite(SqliteApp app) : IdempotencyExclusions_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class IdempotencyExclusions_Tests_on_PostgreSql(PostgresCluster cluster) : IdempotencyExclusions_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
