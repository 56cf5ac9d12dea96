using System.Net;
using System.Text;
using Mediation.Core.Domain;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Api;

public abstract class ErrorResponse_Tests : ProviderTests
{
    [Fact]
    public async Task A_malformed_JSON_body_is_a_400_problem_naming_the_position()
    {
        var client = await ClientAsync();
        var response = await client.PostAsync("/api/org-units", new StringContent("{\"name\": }", Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.MalformedRequest);
        problem.GetProperty("title").GetString().ShouldBe("请求格式不正确：正文不是有效的 JSON（第 1 行第 10 个字节附近）。");
        problem.GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Theory]
    [InlineData("""{"on":"not a date","note":"立案"}""", "the value of the field \"on\" has the wrong type or format.", "on")]
    [InlineData("""{"on":{"year":2026},"note":"立案"}""", "the value of the field \"on\" has the wrong type or format.", "on")]
    [InlineData("""{"on":"2026-03-01","note":["立案"]}""", "the value of the field \"note\" has the wrong type or format.", "note")]
    [InlineData("""["2026-03-01"]""", "the body must be one JSON object whose fields have the right types.", null)]
    [InlineData("""{"on":"2026-03-01",""", "the body is not valid JSON (near line 1, byte 19).", null)]
    [InlineData("", "the JSON body is missing.", null)]
    public async Task A_body_of_the_wrong_shape_names_the_field_in_plain_words_and_never_a_dotnet_type(string body, string reason, string? field)
    {
        var client = await ClientAsync("en", "demo.mediator");
        var response = await client.PostAsync($"/api/cases/{Guid.NewGuid()}/became-criminal", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Mediation.", Case.Sensitive, "no .NET type name leaves the server");
        text.ShouldNotContain("System.", Case.Sensitive);
        text.ShouldNotContain("Input", Case.Sensitive);
        text.ShouldNotContain("BytePositionInLine", Case.Sensitive);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.MalformedRequest);
        problem.GetProperty("title").GetString().ShouldBe("The request is malformed: " + reason);
        if (field is null) problem.TryGetProperty("errors", out _).ShouldBeFalse();
        else problem.GetProperty("errors").GetProperty(field)[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.WrongFormat);
    }

    [Fact]
    public async Task A_query_parameter_of_the_wrong_format_is_named_without_its_dotnet_type()
    {
        var client = await ClientAsync("en", "demo.mediator");
        var response = await client.GetAsync("/api/cases/visits/due?withinDays=soon");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("int?", Case.Sensitive);
        text.ShouldNotContain("Int32", Case.Sensitive);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.MalformedRequest);
        problem.GetProperty("title").GetString().ShouldBe("The request is malformed: the parameter \"withinDays\" is missing or has the wrong format.");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var client = await ClientAsync();
        var response = await client.GetAsync("/api/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.RouteNotFound);
        problem.GetProperty("instance").GetString().ShouldBe("/api/no-such-thing");
    }

    [Fact]
    public async Task A_missing_entity_is_a_404_problem_in_the_requested_language()
    {
        var client = await ClientAsync("en");
        var response = await client.GetAsync($"/api/org-units/{Guid.NewGuid()}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.EntityNotFound);
        problem.GetProperty("title").GetString().ShouldBe("The record was not found (organisation unit).");
    }

    [Fact]
    public async Task Invalid_fields_are_a_400_problem_listing_each_field()
    {
        var client = await ClientAsync();
        var response = await client.PostJsonAsync("/api/org-units", new { code = "bad code!", name = "", kind = "Township" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.ValidationFailed);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("name")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.Required);
        errors.GetProperty("name")[0].GetProperty("message").GetString().ShouldBe("此项为必填项。");
        errors.GetProperty("code")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.Pattern);
    }

    [Fact]
    public async Task An_unknown_enum_value_is_a_field_error_not_a_server_error()
    {
        var client = await ClientAsync("en");
        var response = await client.PostJsonAsync("/api/org-units", new { code = "x1", name = "x", kind = "Planet" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.ValidationFailed);
        var kind = problem.GetProperty("errors").GetProperty("kind")[0];
        kind.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.NotAMember);
        kind.GetProperty("message").GetString().ShouldBe("Not one of the allowed values.");
    }

    [Fact]
    public async Task A_wrong_method_and_a_wrong_content_type_are_problems_too()
    {
        var client = await ClientAsync();
        var wrongMethod = await client.DeleteAsync("/api/org-units/tree");
        wrongMethod.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await wrongMethod.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.MethodNotAllowed);

        var wrongType = await client.PostAsync("/api/org-units", new StringContent("code=1", Encoding.UTF8, "text/plain"));
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await wrongType.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CoreErrorCodes.UnsupportedMediaType);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_supplied_one_is_kept()
    {
        var client = await ClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing");
        request.Headers.Add("X-Correlation-Id", "case-4711");
        var response = await client.SendAsync(request);

        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("case-4711");
        (await response.ReadJsonAsync()).GetProperty("correlationId").GetString().ShouldBe("case-4711");
    }
}

public sealed class ErrorResponse_Tests_on_Sqlite(SqliteApp app) : ErrorResponse_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class ErrorResponse_Tests_on_PostgreSql(PostgresCluster cluster) : ErrorResponse_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
