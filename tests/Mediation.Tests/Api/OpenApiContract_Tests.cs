using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// The document integrators generate clients from (/openapi/v1.json), checked operation by operation: each gap is listed by
/// its method and path, so a new endpoint without its contract fails here by name.
/// </summary>
public sealed partial class OpenApiContract_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_operation_has_a_stable_operationId_a_Chinese_summary_and_a_described_tag()
    {
        var document = await DocumentAsync();
        var tagDescriptions = document.TryGetProperty("tags", out var tags)
            ? tags.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!,
                t => t.TryGetProperty("description", out var d) ? d.GetString() : null)
            : [];

        var gaps = new List<string>();
        var ids = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            if (operation.TryGetProperty("operationId", out var id) && OperationId().IsMatch(id.GetString()!)) ids.Add(id.GetString()!);
            else gaps.Add($"{name}: operationId Module_Action");
            if (!operation.TryGetProperty("summary", out var summary) || !Chinese().IsMatch(summary.GetString()!))
                gaps.Add($"{name}: Chinese summary");
            if (!operation.TryGetProperty("tags", out var opTags) || opTags.GetArrayLength() == 0)
                gaps.Add($"{name}: tag");
            else
            {
                foreach (var tag in opTags.EnumerateArray().Select(t => t.GetString()!))
                    if (string.IsNullOrWhiteSpace(tagDescriptions.GetValueOrDefault(tag))) gaps.Add($"{name}: description of tag '{tag}'");
            }
        }

        gaps.ShouldBeEmpty();
        ids.Count.ShouldBeGreaterThan(150);
        ids.ShouldBeUnique();
    }

    /// <summary>The only operations a caller reaches without signing in (a new one must be added here on purpose).</summary>
    private static readonly string[] Anonymous = ["Auth_IssueToken", "ServiceDesk_GetChecklist", "ServiceDesk_SignUpEnterprise"];

    [Fact]
    public async Task Every_operation_documents_its_problem_responses_with_the_code()
    {
        var document = await DocumentAsync();
        var gaps = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var responses = operation.GetProperty("responses");
            var expected = new List<int> { 400 };
            if (!Anonymous.Contains(operation.GetProperty("operationId").GetString())) expected.Add(401);
            if (name.Contains('{')) expected.Add(404);
            if (!name.StartsWith("GET ", StringComparison.Ordinal)) expected.AddRange([409, 422]);
            foreach (var status in expected)
            {
                if (!responses.TryGetProperty(status.ToString(), out var response)) { gaps.Add($"{name}: {status}"); continue; }
                var schema = Resolve(document, Resolve(document, response).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema"));
                if (!schema.GetProperty("required").EnumerateArray().Any(r => r.GetString() == "code")) gaps.Add($"{name}: {status} without code");
            }
        }
        gaps.ShouldBeEmpty();
    }

    [Fact]
    public async Task Times_and_dates_are_typed_strings_and_nullable_input_is_not_required()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var untyped = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            if (!schema.Value.TryGetProperty("properties", out var properties)) continue;
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("format", out var format) && format.GetString() is "date-time" or "date"
                    && !(property.Value.TryGetProperty("type", out var type) && type.ToString().Contains("string")))
                    untyped.Add($"{schema.Name}.{property.Name}");
            }
        }
        untyped.ShouldBeEmpty();

        var registered = schemas.GetProperty("CaseDto").GetProperty("properties").GetProperty("registeredAt");
        registered.GetProperty("type").GetString().ShouldBe("string");
        registered.GetProperty("format").GetString().ShouldBe("date-time");
        var conclude = schemas.GetProperty("ConcludeCaseInput");
        Required(conclude).ShouldNotContain("reason");
        Required(conclude).ShouldNotContain("reportedToPoliceOn");
        conclude.GetProperty("properties").GetProperty("reportedToPoliceOn").GetProperty("format").GetString().ShouldBe("date");
        Required(schemas.GetProperty("CaseDto")).ShouldContain("number");
        Required(schemas.GetProperty("CaseDto")).ShouldNotContain("place");
    }

    [Fact]
    public async Task Enums_carry_their_Chinese_labels()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var grade = schemas.GetProperty("RiskGrade");
        grade.GetProperty("x-enum-descriptions").EnumerateArray().Select(l => l.GetString()).ShouldBe(["蓝色（低风险）", "黄色（一般风险）", "橙色（较高风险）", "红色（高风险）"]);
        grade.GetProperty("description").GetString()!.ShouldContain("Red：红色（高风险）");

        var unlabelled = new List<string>();
        foreach (var schema in schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)))
        {
            var members = schema.Value.GetProperty("enum").EnumerateArray().Count(m => m.ValueKind != JsonValueKind.Null);
            if (!schema.Value.TryGetProperty("x-enum-descriptions", out var labels)) { unlabelled.Add(schema.Name); continue; }
            if (labels.GetArrayLength() != members || labels.EnumerateArray().Any(l => !Chinese().IsMatch(l.GetString()!))) unlabelled.Add(schema.Name);
        }
        unlabelled.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_document_passes_Redocly_recommended_rules_with_no_error_or_warning()
    {
        var root = RepositoryRoot();
        var cli = Path.Combine(root, "etc", "openapi", "node_modules", "@redocly", "cli", "bin", "cli.js");
        File.Exists(cli).ShouldBeTrue("the linter is pinned in etc/openapi/package-lock.json: run `npm ci --prefix etc/openapi` (etc/test.sh does)");
        var file = Path.Combine(Path.GetTempPath(), $"mediation-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo("node", [cli, "lint", "--config", Path.Combine(root, "etc", "openapi", "redocly.yaml"), "--format", "json", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            using var lint = Process.Start(start)!;
            var stderr = lint.StandardError.ReadToEndAsync();
            var report = JsonDocument.Parse(await lint.StandardOutput.ReadToEndAsync()).RootElement;
            await lint.WaitForExitAsync();
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity")} {p.GetProperty("ruleId")} at {p.GetProperty("location")[0].GetProperty("pointer")}: {p.GetProperty("message")}")
                .ToList();
            problems.ShouldBeEmpty(await stderr);
            lint.ExitCode.ShouldBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mediation.sln"))) return dir.FullName;
        throw new InvalidOperationException("Mediation.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Lists still answered whole: bounded by nature (a record's clocks, the policies, one window's ≤ 62 days) or not yet paged.</summary>
    private static readonly string[] Unpaged =
    [
        "OrgUnits_List", "OrgUnits_GetTree", "Documents_ListTemplates", "Documents_ListTemplateVersions", "Identity_ListUsers", "Identity_ListRoles",
        "Identity_ListPermissions", "Calendar_ListPolicies", "Deadlines_ListClocksOfRecord", "Cases_ListCommittees", "Cases_ListDueVisits",
        "Cases_ListVisits", "Cases_ListSessionPlans", "Cases_ListPlannedSessions", "LegalWindows_ListWindows", "LegalWindows_ListShifts", "LegalWindows_ListAdvisors", "ServiceDesk_ListCommittees",
        "JointMeetings_ListGroups", "JointMeetings_ListMeetings", "JointMeetings_ListMyUnits", "Statistics_GetTrend",
        // The caller's own exports: at most 5 unfinished, files deleted after 7 days; the newest 50 are listed.
        "Exports_ListMine",
    ];

    [Fact]
    public async Task A_list_pages_with_page_and_pageSize_and_answers_the_total()
    {
        var document = await DocumentAsync();
        var whole = new List<string>();
        foreach (var (name, operation) in Operations(document).Where(o => o.Name.StartsWith("GET ", StringComparison.Ordinal)))
        {
            if (!operation.GetProperty("responses").TryGetProperty("200", out var ok) || !ok.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/json", out var json)) continue;
            var schema = Resolve(document, json.GetProperty("schema"));
            var id = operation.GetProperty("operationId").GetString()!;
            if (schema.TryGetProperty("type", out var type) && type.ToString().Contains("array") && !Unpaged.Contains(id)) whole.Add(name);
            if (!schema.TryGetProperty("properties", out var properties) || !properties.TryGetProperty("hasMore", out _)
                || !properties.TryGetProperty("items", out _)) continue;
            var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            parameters.ShouldContainKey("page", name);
            Resolve(document, parameters["pageSize"].GetProperty("schema")).GetProperty("maximum").GetRawText().Trim('"').ShouldBe("200", name);
        }
        whole.ShouldBeEmpty();

        var mediator = await app.Factory.ClientAsAsync("demo.mediator");
        var page = await (await mediator.GetAsync("/api/cases?pageSize=1")).ReadJsonAsync();
        page.GetProperty("pageSize").GetInt32().ShouldBe(1);
        page.GetProperty("items").GetArrayLength().ShouldBe(Math.Min(1, page.GetProperty("total").GetInt32()));
    }

    private static string[] Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    private static JsonElement Resolve(JsonElement document, JsonElement node)
    {
        if (!node.TryGetProperty("$ref", out var reference)) return node;
        var target = document;
        foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/')) target = target.GetProperty(segment);
        return target;
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await app.Factory.CreateClient().GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/", StringComparison.Ordinal)
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    [GeneratedRegex("^[A-Z][A-Za-z]*(_[A-Z][A-Za-z]*)+$")]
    private static partial Regex OperationId();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();
}
