using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Host;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class ApiErrorMiddleware_Tests
{
    private static readonly ProblemWriter Writer = BuildWriter();

    private static ProblemWriter BuildWriter()
    {
        var services = new ServiceCollection();
        Mediation.Core.CoreServiceCollectionExtensions.AddMediationCore(services, new ConfigurationBuilder().Build(), HostModules.Create());
        return services.BuildServiceProvider().GetRequiredService<ProblemWriter>();
    }

    private static async Task<(int Status, JsonElement Body, string ContentType)> Run(Exception thrown, string path = "/api/org-units")
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        var middleware = new ApiErrorMiddleware(_ => throw thrown, Writer, NullLogger<ApiErrorMiddleware>.Instance);
        await middleware.InvokeAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body), context.Response.ContentType ?? "");
    }

    [Fact]
    public async Task Forbidden_becomes_403_problem_details()
    {
        var (status, body, contentType) = await Run(new ForbiddenException());
        status.ShouldBe(403);
        contentType.ShouldStartWith("application/problem+json");
        body.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Forbidden);
        body.GetProperty("title").GetString().ShouldBe("您没有执行此操作的权限。");
    }

    [Fact]
    public async Task A_lost_update_becomes_409()
    {
        var (status, body, _) = await Run(new DbUpdateConcurrencyException("stale"));
        status.ShouldBe(409);
        body.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.ConcurrencyConflict);
    }

    [Fact]
    public async Task An_unexpected_failure_leaks_nothing_but_a_code_and_correlation_id()
    {
        var (status, body, _) = await Run(new InvalidOperationException("connection string Password=secret at Foo.Bar()"));
        status.ShouldBe(500);
        body.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.InternalError);
        body.GetRawText().ShouldNotContain("secret");
        body.GetRawText().ShouldNotContain("InvalidOperationException");
        body.TryGetProperty("correlationId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_state_clash_from_the_domain_becomes_409_and_a_rule_violation_422()
    {
        (await Run(new ConflictException("OrgUnits:CodeTaken"))).Status.ShouldBe(409);
        (await Run(new BusinessException("OrgUnits:RootMustBeCity"))).Status.ShouldBe(422);
    }
}
