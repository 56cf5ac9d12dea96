using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Tests.Deadlines;
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
/// writes nothing: the row count of every table of every module (<see cref="RowCensus"/>) is the same after it as before, and the audit
/// chain verifies at the end. <c>etc/soak.sh</c> runs it with 10,000.
/// An operation authenticated by an API key (the 12345 work-order push) is called with the key of a system registered here, from a
/// body that passes every check, so each broken field is judged alone; each 201 adds exactly one work order and one petition or desk request.
/// </summary>
public abstract class MalformedInput_Tests(ITestOutputHelper output)
{
    protected abstract Task<MediationAppFactory> AppAsync();

    private static int Requests => int.TryParse(Environment.GetEnvironmentVariable("MEDIATION_SOAK_REQUESTS"), out var n) ? n : 1000;

    private const string LoneSurrogate = "__lone_surrogate__";

    /// <summary>The caller of an operation authenticated by an integrating system's API key rather than by a user.</summary>
    internal const string ApiKeyCaller = "api-key";

    /// <summary>Replaced by a fresh work-order number per request: a number pushed before answers its first record and checks nothing.</summary>
    private const string Unique = "__unique__";

    /// <summary>Bodies that pass every check, for operations whose generic plausible body ("测试" everywhere) would be refused whatever field is broken.</summary>
    private static readonly Dictionary<string, Func<JsonObject>> ValidBodies = new(StringComparer.Ordinal)
    {
        ["Integrations_PushWorkOrder"] = () => new JsonObject
        {
            ["number"] = Unique,
            ["channel"] = "12345热线",
            ["caller"] = new JsonObject { ["name"] = "张某某", ["phone"] = "13800138000" },
            ["content"] = "小区南门外夜间施工噪音扰民，多次反映未解决。",
            ["category"] = "环境保护",
            ["orgUnitCode"] = "370902",
            ["dueAt"] = DateTimeOffset.UtcNow.AddDays(5).ToString("O"),
            ["kind"] = "Petition",
            ["enterpriseCreditCode"] = null,
            ["urgent"] = false,
        },
    };

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
        var requests = new HostileRequests(app);
        var document = JsonNode.Parse(await (await requests.ClientAsync("demo.mediator")).GetStringAsync("/openapi/v1.json"))!;
        JsonObject Resolve(JsonNode? schema) => ResolveIn(document, schema);

        var callerOf = CallersByOperation(app);
        var cases = new List<(string Method, string Url, string? User, string Body, string What)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            var schema = Resolve(operation?["requestBody"]?["content"]?["application/json"]?["schema"]);
            // Signing out would end the sample's tokens, enrolling a second factor would reset the admins' keys.
            if (schema.Count == 0 || path.StartsWith("/api/auth/sign-out", StringComparison.Ordinal) || path.StartsWith("/api/auth/two-factor", StringComparison.Ordinal))
                continue;
            var url = FillRoute(path);
            var operationId = operation!["operationId"]?.GetValue<string>() ?? "";
            var user = callerOf(operationId);
            var properties = Resolve(schema)["properties"]?.AsObject() ?? [];
            var plausible = new JsonObject();
            foreach (var (name, property) in properties) plausible[name] = Plausible(Resolve(property));
            if (ValidBodies.TryGetValue(operationId, out var valid)) plausible = valid();
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

        // Seeded, so a failure found once is found again. The API-key operation's few hundred cases would be a few dozen of a random
        // sample: at least 200 of them (all in the soak) go first.
        var random = new Random(18);
        var shuffled = cases.OrderBy(_ => random.Next()).ToList();
        var keyed = shuffled.Where(c => c.User is ApiKeyCaller).ToList();
        keyed.ShouldNotBeEmpty("the work-order push is fuzzed with an API key");
        var sample = keyed.Take(Math.Max(200, Requests / 20))
            .Concat(shuffled.Where(c => c.User is not ApiKeyCaller)).Take(Requests).ToList();
        var workOrders = RowCensus.TableOf<Mediation.Integrations.Domain.WorkOrder>(app);
        var petitions = RowCensus.TableOf<Mediation.Petitions.Domain.Petition>(app);
        var deskRequests = RowCensus.TableOf<Mediation.ServiceDesk.Domain.DeskRequest>(app);
        var keyedSent = 0;
        foreach (var (method, url, user, template, what) in sample)
        {
            var body = template.Replace(Unique, "r5-" + Guid.NewGuid().ToString("N")[..20], StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var cell = $"{user ?? "anonymous"} {method} {url} ({what})";
            var status = await requests.SendAsync(await requests.ClientAsync(user), request, cell, (response, before, after) =>
            {
                // A pushed work order (201) is one work order and the one petition or desk request it became; any other success adds none.
                var added = (before.Added(after, workOrders), before.Added(after, petitions) + before.Added(after, deskRequests));
                if (user is ApiKeyCaller && added != (response.StatusCode is System.Net.HttpStatusCode.Created ? (1, 1) : (0, 0)))
                    requests.Failures.Add($"{cell} → {(int)response.StatusCode}: work orders and their records added {added}");
                return Task.CompletedTask;
            });
            if (user is not ApiKeyCaller) continue;
            keyedSent++;
            if (status == 401) requests.Failures.Add($"{cell} → 401: the system's key was refused, so the body was never checked");
        }
        output.WriteLine($"{sample.Count} of {cases.Count} generated requests ({keyedSent} of {keyed.Count} with an API key); statuses {requests.StatusLine}; "
            + $"{requests.CheckLine}; failures {requests.Failures.Count}");
        requests.Failures.ShouldBeEmpty();
        await requests.ChainIntactAsync();
    }

    private static int QueryRequests => int.TryParse(Environment.GetEnvironmentVariable("MEDIATION_SOAK_REQUESTS"), out var n) ? n : 400;

    /// <summary>
    /// Query-string values, escaped as sent, by the kind of parameter they break. The lone surrogate is its UTF-8 bytes. The longest value is
    /// 60,000 characters, not 1 MB: System.Uri takes at most 65,519 (and Kestrel refuses a request line over 8 KB before the app sees it).
    /// </summary>
    private static readonly (string Name, string Value)[] QueryOdditiesForAll =
    [
        ("empty", ""), ("60,000 characters", new string('9', 60_000)), ("NUL", "a%00b"), ("lone surrogate", "%ED%A0%80"), ("RTL mark", Uri.EscapeDataString("\u202E调解")),
        ("SQL", Uri.EscapeDataString("' OR 1=1; --")), ("Scriban", Uri.EscapeDataString("{{ 1 + 1 }}")),
    ];

    private static readonly (string Name, string Value)[] QueryDates =
    [
        ("year 1", "0001-01-01"), ("year 9999", "9999-12-31"), ("last century", "1999-12-31"), ("year 10000", "10000-01-01"), ("30 February", "2026-02-30"),
        ("instant of year 1", Uri.EscapeDataString("0001-01-01T00:00:00+14:00")), ("instant of year 9999", Uri.EscapeDataString("9999-12-31T23:59:59-12:00")),
    ];

    private static readonly (string Name, string Value)[] QueryNumbers =
    [
        ("negative", "-1"), ("zero", "0"), ("past int", "2147483648"), ("min int", "-2147483648"), ("max int", "2147483647"), ("20 digits", "99999999999999999999"),
        ("exponent", "1e3"), ("fraction", "1.5"), ("word", "abc"),
    ];

    private static readonly (string Name, string Value)[] QueryIds =
    [
        ("malformed id", "not-a-guid"), ("braced id", "{" + Guid.Empty + "}"), ("empty id", Guid.Empty.ToString()), ("number id", "1"),
        ("id with a space", Uri.EscapeDataString(" " + Guid.NewGuid())), ("two ids", Guid.NewGuid() + "," + Guid.NewGuid()),
    ];

    [Fact]
    public async Task Broken_query_strings_for_every_GET_get_an_answer_that_is_never_a_5xx()
    {
        var app = await AppAsync();
        var requests = new HostileRequests(app);
        var document = JsonNode.Parse(await (await requests.ClientAsync("demo.mediator")).GetStringAsync("/openapi/v1.json"))!;
        JsonObject Resolve(JsonNode? schema) => ResolveIn(document, schema);
        var callerOf = CallersByOperation(app);

        var cases = new List<(string Url, string? User, string Parameter, string What)>();
        var operations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item?["get"] is not JsonObject operation) continue;
            var parameters = (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().Where(p => p["in"]?.ToString() == "query").ToList();
            if (parameters.Count == 0) continue;
            operations++;
            var user = callerOf(operation["operationId"]?.GetValue<string>());
            // A required parameter keeps a plausible value while another one is broken.
            var plausible = parameters.Where(p => p["required"]?.GetValue<bool>() == true)
                .ToDictionary(p => p["name"]!.ToString(), p => PlausibleQueryValue(Resolve(p["schema"])));
            foreach (var parameter in parameters)
            {
                var name = parameter["name"]!.ToString();
                var schema = Resolve(parameter["schema"]);
                var type = TypeOf(schema);
                var format = schema["format"]?.ToString();
                var oddities = QueryOdditiesForAll.AsEnumerable();
                if (format is "date" or "date-time" || name.Contains("date", StringComparison.OrdinalIgnoreCase) || name is "from" or "to" or "on" or "since" or "until")
                    oddities = oddities.Concat(QueryDates);
                if (type is "integer" or "number") oddities = oddities.Concat(QueryNumbers);
                if (format is "uuid") oddities = oddities.Concat(QueryIds);
                if (type is "boolean") oddities = oddities.Concat([("yes", "yes"), ("two", "2")]);
                if (schema["enum"] is JsonArray { Count: > 0 } members)
                    oddities = oddities.Concat([("two enum members", Uri.EscapeDataString($"{members[0]},{members[^1]}")), ("enum number", "1"), ("enum large number", "99"),
                        ("negative enum number", "-1"), ("unknown enum name", "NoSuchMember")]);
                foreach (var (oddity, value) in oddities)
                {
                    var query = plausible.Where(p => p.Key != name).Select(p => $"{p.Key}={p.Value}").Append($"{name}={value}");
                    cases.Add(($"{FillRoute(path)}?{string.Join('&', query)}", user, $"GET {path} {name}", $"{name} {oddity}"));
                }
                // The same parameter twice: a framework that binds one value must choose or refuse, not fail.
                cases.Add(($"{FillRoute(path)}?{name}=1&{name}=2", user, $"GET {path} {name}", $"{name} twice"));
            }
        }
        output.WriteLine($"{operations} GET operations with query parameters");
        cases.Count.ShouldBeGreaterThan(500, "the document describes the query parameters");

        // Seeded. Every parameter's dates and enums first (the kinds of value that answered 500 before), then the rest.
        var random = new Random(18);
        var shuffled = cases.OrderBy(_ => random.Next()).ToList();
        var first = shuffled.Where(c => QueryDates.Any(d => c.What.EndsWith(" " + d.Name, StringComparison.Ordinal)) || c.What.Contains(" enum", StringComparison.Ordinal)).ToList();
        var sample = first.Concat(shuffled.Except(first)).Take(Math.Max(QueryRequests, first.Count)).ToList();
        foreach (var (url, user, _, what) in sample)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            await requests.SendAsync(await requests.ClientAsync(user), request, $"{user ?? "anonymous"} GET {(url.Length > 200 ? url[..200] + "…" : url)} ({what})");
        }
        output.WriteLine($"{sample.Count} of {cases.Count} generated query strings ({first.Count} dates and enums first); statuses {requests.StatusLine}; "
            + $"{requests.CheckLine}; failures {requests.Failures.Count}");
        requests.Failures.ShouldBeEmpty();
        await requests.ChainIntactAsync();
    }

    /// <summary>
    /// A schema of the document with its reference followed. A nullable enum or id is "one of null and the type": the type is taken (a
    /// body built from the bare "one of" had {} there, and every body of an operation with an optional id or enum was refused while
    /// binding, before its broken field reached the service).
    /// </summary>
    private static JsonObject ResolveIn(JsonNode document, JsonNode? schema)
    {
        if (schema?["$ref"]?.GetValue<string>() is { } reference) return ResolveIn(document, document["components"]?["schemas"]?[reference.Split('/')[^1]]);
        if ((schema?["oneOf"] ?? schema?["anyOf"]) is JsonArray { Count: > 0 } choices)
            return ResolveIn(document, choices.FirstOrDefault(c => TypeOf(c as JsonObject ?? []) is not "null"));
        return schema as JsonObject ?? [];
    }

    private static string? TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t is not "null"),
        JsonValue value => value.GetValue<string>(),
        _ => null,
    };

    private static string PlausibleQueryValue(JsonObject schema) =>
        schema["enum"] is JsonArray { Count: > 0 } members ? Uri.EscapeDataString(members[0]!.ToString())
        : (TypeOf(schema), schema["format"]?.ToString()) switch
        {
            (_, "uuid") => Guid.CreateVersion7().ToString(),
            (_, "date") => "2026-11-02",
            (_, "date-time") => Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O")),
            ("integer" or "number", _) => "1",
            ("boolean", _) => "true",
            _ => Uri.EscapeDataString("测试"),
        };

    /// <summary>The document's path with plausible values in its route parameters.</summary>
    internal static string FillRoute(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m => PlausibleRouteValue(m.Groups[1].Value));

    internal static string PlausibleRouteValue(string parameter) => parameter switch
    {
        "year" => "2026",
        "sequence" or "number" or "version" => "1",
        "name" => "x",
        _ => Guid.CreateVersion7().ToString(),
    };

    private static string With(JsonObject plausible, string name, JsonNode? value)
    {
        var body = (JsonObject)plausible.DeepClone();
        body[name] = value;
        return body.ToJsonString().Replace($"\"{LoneSurrogate}\"", "\"\\ud800x\"", StringComparison.Ordinal);
    }

    private static JsonNode? Plausible(JsonObject field)
    {
        if (field["enum"] is JsonArray { Count: > 0 } members) return members[0]?.DeepClone();
        return (TypeOf(field), field["format"]?.GetValue<string>()) switch
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

    /// <summary>A system registered by the system administrator for 泰山区 (370902) and a client sending its API key.</summary>
    internal static async Task<HttpClient> IntegratorAsync(MediationAppFactory app)
    {
        var admin = await app.ClientAsAsync("demo.systemadmin");
        var response = await admin.PostJsonAsync("/api/integrations/systems",
            new Mediation.Integrations.RegisterSystemInput("R5 12345热线 " + Guid.NewGuid().ToString("N")[..8], "https://12345.example/callback", ["370902"], true));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var registered = await response.ReadAsync<Mediation.Integrations.RegisteredSystemDto>();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Mediation.Integrations.IntegrationsModuleInfo.ApiKeyHeader, registered.ApiKey);
        return client;
    }

    /// <summary>The caller of each operation of the document, by its operationId (<see cref="CallerOf"/>).</summary>
    internal static Func<string?, string?> CallersByOperation(MediationAppFactory app)
    {
        var catalog = app.Services.GetRequiredService<PermissionCatalog>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
        return operationId => CallerOf(endpoints.GetValueOrDefault(operationId ?? ""), catalog);
    }

    /// <summary>A demo role holding what the endpoint requires (so the body is read, not refused at the door); null for open endpoints.</summary>
    internal static string? CallerOf(Microsoft.AspNetCore.Http.Endpoint? endpoint, PermissionCatalog catalog)
    {
        if (endpoint?.Metadata.GetMetadata<Mediation.Core.Web.ApiKeyEndpointMetadata>() is not null) return ApiKeyCaller;
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return null;
        var required = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Select(p => (IReadOnlyList<string>)[p])
            .Concat(endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.Requirements)
                .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
                .Where(r => r.ClaimType == MediationClaimTypes.Permission).Select(r => (IReadOnlyList<string>)[.. r.AllowedValues ?? []]))
            .ToList();
        var role = RoleNames.All.FirstOrDefault(role => required.All(any => any.Any(p => catalog.Definitions.Any(d => d.Name == p && d.DefaultRoles.Contains(role)))));
        return $"demo.{(role ?? RoleNames.SystemAdmin).ToLowerInvariant()}";
    }
}

public sealed class MalformedInput_Tests_on_Sqlite(QuiescedSqliteApp app, ITestOutputHelper output) : MalformedInput_Tests(output), IClassFixture<QuiescedSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class MalformedInput_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : MalformedInput_Tests(output)
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: RowCensus.Quiesced);
}
