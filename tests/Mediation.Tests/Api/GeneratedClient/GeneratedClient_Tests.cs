using Mediation.Core.Messaging;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Api.GeneratedClient;

/// <summary>
/// Issue 19 item 3: the petition → mediation → outcome round trip through a client generated from the live document, so the
/// document cannot drift from what the API does (see <see cref="GeneratedClient"/> and RoundTrip.cs).
/// </summary>
public abstract class GeneratedClient_Tests : ProviderTests
{
    [Fact]
    public async Task A_petition_goes_to_mediation_and_its_outcome_comes_back_through_the_generated_client()
    {
        var app = await AppAsync();
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var client = await GeneratedClient.CompileAsync(document);
        var roundTrip = client.GetType(GeneratedClient.Namespace + ".RoundTrip").ShouldNotBeNull().GetMethod("RunAsync").ShouldNotBeNull();

        Func<string, Task<HttpClient>> signedIn = userName => app.ClientAsAsync(userName);
        Func<Task> deliverOutbox = () => app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        await (Task)roundTrip.Invoke(null, [app.CreateClient(), MediationAppFactory.DemoPassword, signedIn, deliverOutbox])!;
    }

    [Fact]
    public async Task Every_operation_has_its_typed_method_named_by_its_operationId()
    {
        var code = await GeneratedClient.GenerateAsync(await (await AppAsync()).CreateClient().GetStringAsync("/openapi/v1.json"));
        foreach (var method in new[] { "Petitions_RegisterAsync(", "Petitions_HandOverAsync(", "Cases_ConcludeAsync(", "Petitions_GetAsync(" })
            code.ShouldContain(method);
        // Nothing the generator could not type: untyped schemas became "object" properties before the contract named them.
        code.ShouldNotContain("public object ", Case.Sensitive);
        code.ShouldNotContain("public partial class Result\n", Case.Sensitive);
    }
}

public sealed class GeneratedClient_Tests_on_Sqlite(SqliteApp app) : GeneratedClient_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class GeneratedClient_Tests_on_PostgreSql(PostgresCluster cluster) : GeneratedClient_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
