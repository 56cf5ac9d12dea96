using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Api;

public abstract class Host_Tests : ProviderTests
{
    [Theory]
    [InlineData("/Cases/Register", "demo.mediator", "/_content/Mediation.Cases/cases.js")]
    [InlineData("/Petitions/Register", "demo.petitionofficer", "/_content/Mediation.Petitions/petitions.js")]
    public async Task A_module_page_loads_its_script_from_the_module_library(string page, string userName, string script)
    {
        var client = await ClientAsync(userName: userName);
        var html = await client.GetStringAsync(page);
        var src = Regex.Match(html, "<script src=\"(" + Regex.Escape(script) + "\\?v=[^\"]+)\"").Groups[1].Value;
        src.ShouldNotBeEmpty(html);

        var response = await client.GetAsync(WebUtility.HtmlDecode(src));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await client.GetAsync("/js/" + script.Split('/')[^1])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_200_with_the_database_check()
    {
        var client = await ClientAsync();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await ready.ReadJsonAsync();
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_org_unit_endpoints()
    {
        var client = await ClientAsync();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/org-units");
        paths.ShouldContain("/api/org-units/tree");
        paths.ShouldContain("/api/org-units/{id}");
        paths.ShouldContain("/api/org-units/{id}/move");
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_enums_as_their_member_names()
    {
        var client = await ClientAsync();
        var document = await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var grade = schemas.GetProperty("RiskGrade");
        grade.GetProperty("type").GetString().ShouldBe("string");
        grade.GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ShouldBe(["Blue", "Yellow", "Orange", "Red"]);
    }

    [Fact]
    public async Task The_home_page_speaks_Chinese_by_default_even_to_an_English_browser()
    {
        var anonymous = await AnonymousClientAsync("en-US");
        var chinese = await anonymous.GetStringAsync("/");
        chinese.ShouldContain("lang=\"zh-Hans\"");
        WebUtility.HtmlDecode(chinese).ShouldContain("欢迎使用访调对接平台");
        (await anonymous.GetStringAsync("/?culture=en")).ShouldContain("Welcome to the petitions and mediation platform");

        // Signed in, the home page is the user's workbench, in Chinese too unless English is chosen.
        var client = await ClientAsync("en-US");
        WebUtility.HtmlDecode(await client.GetStringAsync("/")).ShouldContain("<h1>工作台</h1>");
        (await client.GetStringAsync("/?culture=en")).ShouldContain("<h1>Workbench</h1>");
    }

    [Fact]
    public async Task The_home_page_cards_state_what_each_module_offers_to_the_reader()
    {
        static string Card(string html, string module)
        {
            var start = html.IndexOf($"data-module=\"{module}\"", StringComparison.Ordinal);
            start.ShouldBeGreaterThan(0, $"no card for {module}");
            var end = html.IndexOf("class=\"card\"", start, StringComparison.Ordinal);
            return html[start..(end < 0 ? html.Length : end)];
        }

        var anonymous = WebUtility.HtmlDecode(await (await AnonymousClientAsync()).GetStringAsync("/"));
        foreach (var module in new[] { "cases", "petitions", "legal-windows", "service-desk" })
        {
            Card(anonymous, module).ShouldContain("登录后即可使用本模块。");
            Card(anonymous, module).ShouldNotContain("后续版本");
        }
        anonymous.ShouldNotContain(":ModuleName");
        anonymous.ShouldNotContain(":ModuleDescription");
        anonymous.ShouldNotContain("data-module=\"audit\"");

        var mediator = WebUtility.HtmlDecode(await (await ClientAsync(userName: "demo.mediator")).GetStringAsync("/"));
        Card(mediator, "cases").ShouldContain("<a href=\"/Cases\">人民调解</a>");
        Card(mediator, "cases").ShouldContain("<a href=\"/Cases/Visits\">");
        var officer = WebUtility.HtmlDecode(await (await ClientAsync(userName: "demo.petitionofficer")).GetStringAsync("/"));
        Card(officer, "petitions").ShouldContain("<a href=\"/Petitions\">");
        Card(officer, "cases").ShouldNotContain("后续版本");
    }

    [Fact]
    public async Task The_org_unit_page_shows_the_callers_part_of_the_tree()
    {
        var html = WebUtility.HtmlDecode(await (await ClientAsync()).GetStringAsync("/OrgUnits"));
        html.ShouldContain("泰安市");
        html.ShouldContain("东七里社区");
        html.ShouldContain("网格");
        html.ShouldNotContain("保安村", Case.Sensitive, "宁阳县 is another county than the 泰山区 admin's");
        html.ShouldNotContain("岱岳区");

        var city = WebUtility.HtmlDecode(await (await ClientAsync(userName: "demo.petitionofficer.taian")).GetStringAsync("/OrgUnits"));
        city.ShouldContain("保安村");
    }

    [Fact]
    public async Task The_database_has_no_pending_migrations_after_start_up()
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Recurring_jobs_of_the_kernel_are_registered_with_Hangfire()
    {
        var app = await AppAsync();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        connection.GetRecurringJobs().Select(j => j.Id).ShouldContain("core:outbox-cleanup");
    }
}

public sealed class Host_Tests_on_Sqlite(SqliteApp app) : Host_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);

    [Fact]
    public async Task SQLite_runs_in_WAL_mode()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        mode.Single().ShouldBe("wal");
    }

    [Fact]
    public async Task SQLite_keeps_module_tables_apart_by_prefix()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
        tables.ShouldContain("core_OrgUnits");
        tables.ShouldContain("core_OutboxMessages");
    }
}

[Collection(PostgresCollection.Name)]
public sealed class Host_Tests_on_PostgreSql(PostgresCluster cluster) : Host_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());

    [Fact]
    public async Task PostgreSQL_keeps_module_tables_in_their_schema()
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var tables = await db.Database
            .SqlQueryRaw<string>("SELECT table_schema || '.' || table_name AS \"Value\" FROM information_schema.tables WHERE table_schema IN ('core', 'hangfire')")
            .ToListAsync();
        tables.ShouldContain("core.OrgUnits");
        tables.ShouldContain("core.OutboxMessages");
        tables.ShouldContain(t => t.StartsWith("hangfire.", StringComparison.Ordinal));
    }
}
