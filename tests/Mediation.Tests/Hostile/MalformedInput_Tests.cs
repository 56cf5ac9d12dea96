using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R5: request bodies generated from the host's own OpenAPI document. For every operation with a JSON body, a plausible
/// body is built from its schema and one field at a time is broken (wrong type, missing, null, empty, 1 MB, NUL, RTL mark, lone
/// surrogate, emoji, blank and zero-width text, CR/LF, two enum members at once, out-of-range numbers (the largest long) and dates, invalid 身份证号 and credit codes, SQL, HTML, Scriban
/// and layout injections, path tricks), plus a cut-off body per operation. A seeded sample of <see cref="Requests"/> is sent, each
/// by a role holding the operation's permission: never a 5xx, every refusal an RFC 9457 body with a code, and a refused request
/// writes nothing (no data audit row under its correlation id). <c>etc/soak.sh</c> runs it with 10,000.
/// </summary>
public abstract class MalformedInput_Tests(ITestOutputHelper output)
{
    protected abstract Task<MediationAppFactory> AppAsync();

    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("MEDIATION_SOAK_REQUESTS"), out var n) ? n : 1000;

    private const string LoneSurrogate = "__lone_surrogate__";

    private static readonly (string Name, Func<JsonObject, JsonNode?> Value)[] Oddities =
    [
        ("empty", _ => ""),
        ("null", _ => null),
        ("1 MB", _ => new string('调', 350_000)),
        ("NUL", _ => "a\u0000b"),
        ("RTL mark", _ => "\u202E调解\u202D"),
        ("lone surrogate", _ => LoneSurrogate),
        ("emoji", _ => "👨‍👩‍👧调解😀"),
        ("SQL", _ => "'; DROP TABLE core.\"AuditEntries\"; --"),
        ("HTML", _ => "<script>alert(1)</script><img src=x onerror=alert(1)>"),
        ("Scriban", _ => "{{ 1 + 1 }}{{ for x in 1..100000000 }}{{ end }}{% raw %}"),
        ("layout markup", _ => "<w:p><w:r><w:t>伪造</w:t></w:r></w:p>\f〔2026〕"),
        ("path", _ => "../../../../etc/passwd%00.pdf"),
        ("身份证号", _ => "110105194912310021"),
        ("credit code", _ => "91370900MA3C0000XX"),
        ("negative", _ => -1),
        ("huge number", _ => 1e308),
        ("past int", _ => 2147483648L),
        ("fraction", _ => 0.5),
        ("year 1", _ => "0001-01-01T00:00:00Z"),
        ("year 9999", _ => "9999-12-31T23:59:59+14:00"),
        ("30 February", _ => "2026-02-30"),
        ("object", _ => new JsonObject { ["a"] = 1 }),
        ("array", _ => new JsonArray(1, "x")),
        ("true", _ => true),
        ("blank", _ => " \t\u3000 "),
        ("zero-width", _ => "\u200B\uFEFF\u200D"),
        ("CRLF header", _ => "a\r\nX-Injected: 1\r\n\r\n<b>"),
        ("max long", _ => long.MaxValue),
    ];

    [Fact]
    public async Task Broken_bodies_for_every_operation_get_a_problem_answer_and_write_nothing()
    {
        var app = await AppAsync();
        var catalog = app.Services.GetRequiredService<PermissionCatalog>();
        var clients = new Dictionary<string, HttpClient>();
        async Task<HttpClient> ClientAsync(string? user) =>
            user is null ? app.CreateClient() : clients.TryGetValue(user, out var c) ? c : clients[user] = await app.ClientAsAsync(user);

        var document = JsonNode.Parse(await (await ClientAsync("demo.mediator")).GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        JsonObject Resolve(JsonNode? schema) =>
            schema?["$ref"]?.GetValue<string>() is { } reference ? Resolve(schemas[reference.Split('/')[^1]]) : schema as JsonObject ?? [];

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
        var cases = new List<(string Method, string Url, string? User, string Body, string What)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var schema = Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"]);
            // Signing out would end the sample's tokens, enrolling a second factor would reset the admins' keys.
            if (schema.Count == 0 || path.StartsWith("/api/auth/sign-out", StringComparison.Ordinal) || path.StartsWith("/api/auth/two-factor", StringComparison.Ordinal))
                continue;
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
                m.Groups[1].Value is "year" ? "2026" : m.Groups[1].Value is "sequence" or "number" ? "1" : m.Groups[1].Value is "name" ? "x" : Guid.CreateVersion7().ToString());
            var user = CallerOf(endpoints.GetValueOrDefault(operation!["operationId"]?.GetValue<string>() ?? ""), catalog);
            var properties = Resolve(schema)["properties"]?.AsObject() ?? [];
            var plausible = new JsonObject();
            foreach (var (name, property) in properties) plausible[name] = Plausible(Resolve(property));
            var verb = method.ToUpperInvariant();
            cases.Add((verb, url, user, plausible.ToJsonString()[..Math.Max(1, plausible.ToJsonString().Length / 2)], "cut-off body"));
            foreach (var (name, property) in properties)
            {
                var field = Resolve(property);
                var broken = (JsonObject)plausible.DeepClone();
                broken.Remove(name);
                cases.Add((verb, url, user, broken.ToJsonString(), $"{name} missing"));
                if (field["enum"] is JsonArray { Count: >= 2 } members)
                    cases.Add((verb, url, user, With(plausible, name, $"{members[0]},{members[1]}"), $"{name} two enum members"));
                foreach (var (oddity, value) in Oddities)
                    cases.Add((verb, url, user, With(plausible, name, value(field)), $"{name} {oddity}"));
            }
        }
        cases.Count.ShouldBeGreaterThan(1000, "the document describes the bodies");

        // Seeded, so a failure found once is found again.
        var random = new Random(18);
        var sample = cases.OrderBy(_ => random.Next()).Take(Requests).ToList();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var (method, url, user, body, what) in sample)
        {
            var correlationId = "r5-" + Guid.NewGuid().ToString("N")[..12];
            var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Correlation-Id", correlationId);
            using var response = await (await ClientAsync(user)).SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var cell = $"{user ?? "anonymous"} {method} {url} ({what})";
            if (status >= 500) failures.Add($"{cell} → {status}");
            else if (status >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{cell} → {status} without a problem body");
                else if (!JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out _))
                    failures.Add($"{cell} → {status} without a code");
                else if (await DataAuditRowsAsync(app, correlationId) > 0)
                    failures.Add($"{cell} → {status} and wrote");
            }
        }
        output.WriteLine($"{sample.Count} of {cases.Count} generated requests; statuses {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}; failures {failures.Count}");
        failures.ShouldBeEmpty();

        await using var scope = app.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        while (await chain.SealAsync(CancellationToken.None) > 0) { }
        (await chain.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    private static string With(JsonObject plausible, string name, JsonNode? value)
    {
        var body = (JsonObject)plausible.DeepClone();
        body[name] = value;
        return body.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"\\ud800x\"", StringComparison.Ordinal);
    }

    private static JsonNode? Plausible(JsonObject field)
    {
        if (field["enum"] is JsonArray { Count: > 0 } members) return members[0]?.DeepClone();
        var type = field["type"] switch
        {
            JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not "null"),
            JsonValue value => value.GetValue<string>(),
            _ => null,
        };
        return (type, field["format"]?.GetValue<string>()) switch
        {
            ("string", "uuid") => Guid.CreateVersion7().ToString(),
            ("string", "date-time") => DateTimeOffset.UtcNow.ToString("O"),
            ("string", "date") => "2026-11-02",
            ("string", _) => "测试",
            ("integer", _) or ("number", _) => 1,
            ("boolean", _) => true,
            ("array", _) => new JsonArray(),
            _ => new JsonObject(),
        };
    }

    /// <summary>A demo role holding what the endpoint requires (so the body is read, not refused at the door); null for open endpoints.</summary>
    private static string? CallerOf(Microsoft.AspNetCore.Http.Endpoint? endpoint, PermissionCatalog catalog)
    {
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var required = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Select(p => (IReadOnlyList<string>)[p])
            .Concat(endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements)
                .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
                .Where(r => r.ClaimType == MediationClaimTypes.Permission).Select(r => (IReadOnlyList<string>)[.. r.AllowedValues ?? []]))
            .ToList();
        var role = RoleNames.All.FirstOrDefault(role => required.All(any => any.Any(p => catalog.Definitions.Any(d => d.Name == p && d.DefaultRoles.Contains(role)))));
        return $"demo.{(role ?? RoleNames.SystemAdmin).ToLowerInvariant()}";
    }

    private static async Task<int> DataAuditRowsAsync(MediationAppFactory app, string correlationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .CountAsync(a => a.CorrelationId == correlationId && a.Category == AuditCategory.Data);
    }
}

public sealed class MalformedInput_Tests_on_Sqlite(SqliteApp app, ITestOutputHelper output) : MalformedInput_Tests(output), IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class MalformedInput_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : MalformedInput_Tests(output)
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
