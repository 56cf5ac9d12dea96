using System.Net;
using System.Net.Http.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Web;
using Mediation.Integrations;
using Mediation.Integrations.Application;
using Mediation.Integrations.Domain;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.Integrations;

/// <summary>
/// 12345 work orders end to end, as an integrating system meets them: registered by the administrator, pushed with the API key, landing
/// as a petition or a desk request, and their status changes called back — signed — to a real HTTP receiver that checks the signature.
/// </summary>
public abstract class WorkOrders_Tests : ProviderTests
{
    /// <summary>Retries are due at once (the backoff doubles from zero), so the dispatcher's rounds are the test's to drive.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Integrations:Callbacks:FirstRetryAfter"] = "00:00:00",
    };

    private const string PetitionOfficer = "demo.petitionofficer";

    private static async Task<(RegisteredSystemDto System, HttpClient Client)> RegisterAsync(MediationAppFactory app, FakeIntegrator integrator,
        params string[] unitCodes)
    {
        var admin = await app.ClientAsAsync("demo.systemadmin");
        var registered = await OkAsync<RegisteredSystemDto>(await admin.PostJsonAsync("/api/integrations/systems",
            new RegisterSystemInput("泰安市12345政务服务便民热线" + Suffix(), integrator.CallbackUrl.AbsoluteUri, unitCodes, true)), HttpStatusCode.Created);
        integrator.Secret = registered.CallbackSecret;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(IntegrationsModuleInfo.ApiKeyHeader, registered.ApiKey);
        return (registered, client);
    }

    private static WorkOrderInput Order(string number, WorkOrderKind kind = WorkOrderKind.Petition, string unitCode = "370902", string? creditCode = null) =>
        new(number, "12345热线", new WorkOrderCallerInput("张某某", "13800138000"), "小区南门外夜间施工噪音扰民，多次反映未解决。", "环境保护",
            unitCode, DateTimeOffset.UtcNow.AddDays(5), kind, creditCode);

    private static async Task RunCallbacksAsync(MediationAppFactory app) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<CallbackDispatcher>().RunAsync(CancellationToken.None));

    /// <summary>Waits for the outbox to bring the record's change to the work order's callback queue, then sends what is due.</summary>
    private static async Task<CallbackDeliveryDto> CallbackQueuedAsync(MediationAppFactory app, HttpClient admin, Guid systemId, WorkOrderStage stage) =>
        await Eventually.Async(async () => (await OkAsync<PagedList<CallbackDeliveryDto>>(await admin.GetAsync($"/api/integrations/deliveries?systemId={systemId}")))
            .Items.FirstOrDefault(d => d.Stage == stage), $"the {stage} callback queued");

    [Fact]
    public async Task A_pushed_work_order_becomes_a_petition_once_and_its_acceptance_and_closing_are_called_back_signed()
    {
        var app = await AppAsync();
        await using var integrator = await FakeIntegrator.StartAsync();
        var (system, client) = await RegisterAsync(app, integrator, "370902");
        system.System.Scope.ShouldHaveSingleItem().Code.ShouldBe("370902");
        system.ApiKey.ShouldStartWith(system.System.ApiKeyPrefix);
        var number = "GD" + Suffix();

        var pushed = await client.PostJsonAsync("/api/integrations/work-orders", Order(number));
        var order = await OkAsync<WorkOrderDto>(pushed, HttpStatusCode.Created);
        order.RecordNumber.ShouldMatch(@"^泰山信〔\d{4}〕\d+号$");
        (order.Stage, order.CallerPhone, order.Kind).ShouldBe((WorkOrderStage.Received, "138****8000", WorkOrderKind.Petition));

        // The same number again — a retry after a lost answer — answers the same record and writes nothing.
        var petitionsBefore = await CountAsync<Mediation.Petitions.Domain.Petition>(app);
        var auditBefore = await AuditedAsync(app, system.System.Name);
        var again = await OkAsync<WorkOrderDto>(await client.PostJsonAsync("/api/integrations/work-orders", Order(number) with { Content = "重复推送" }));
        (again.Id, again.RecordId, again.RecordNumber).ShouldBe((order.Id, order.RecordId, order.RecordNumber));
        (await CountAsync<Mediation.Petitions.Domain.Petition>(app)).ShouldBe(petitionsBefore);
        (await AuditedAsync(app, system.System.Name)).ShouldBe(auditBefore);

        // The petition office sees a transferred item (转送) from the platform under the work order's number, the caller as petitioner.
        var officer = await app.ClientAsAsync(PetitionOfficer);
        var petition = await OkAsync<PetitionDto>(await officer.GetAsync($"/api/petitions/{order.RecordId}"));
        (petition.Number, petition.Channel, petition.TransferReference, petition.TransferringBody)
            .ShouldBe((order.RecordNumber, PetitionChannel.Transferred, number, system.System.Name));
        petition.Petitioners.ShouldHaveSingleItem().Name.ShouldBe("张某某");

        // Audited under the system's name: the work order and the petition it became.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .Where(a => a.UserName == system.System.Name && a.Action == AuditActions.Created).Select(a => a.EntityType).ToListAsync());
        audited.ShouldContain("WorkOrder");
        audited.ShouldContain("Petition");

        // Accepted → the receiver fails twice, then takes it: three attempts logged, one success, the message accepted exactly once.
        integrator.FailNext = 2;
        await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{petition.Id}/accept",
            new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling)));
        var admin = await app.ClientAsAsync("demo.systemadmin");
        await CallbackQueuedAsync(app, admin, system.System.Id, WorkOrderStage.Acknowledged);
        for (var round = 0; round < 5; round++) await RunCallbacksAsync(app);
        var log = await CallbackQueuedAsync(app, admin, system.System.Id, WorkOrderStage.Acknowledged);
        log.Attempts.Select(a => a.StatusCode).ShouldBe([500, 500, 204]);
        log.Attempts.Count(a => a.Error is null).ShouldBe(1);
        log.Attempts[0].NextRetryAt.ShouldNotBeNull();
        log.DeliveredAt.ShouldNotBeNull();
        integrator.Calls.Select(c => c.DeliveryId).Distinct().ShouldBe([log.Id.ToString()]);
        var acknowledged = integrator.Accepted.ShouldHaveSingleItem();
        (acknowledged.DeliveryId, acknowledged.WorkOrderNumber, acknowledged.Stage, acknowledged.RecordNumber, acknowledged.StatusText)
            .ShouldBe((log.Id, number, WorkOrderStage.Acknowledged, order.RecordNumber, "办理中"));

        // Then led into another procedure (Art. 31 (一)–(五) would; here not accepted as already arbitrated, Art. 31 (二)) → closed, with the reason.
        var second = await OkAsync<WorkOrderDto>(await client.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix())), HttpStatusCode.Created);
        var registered = await OkAsync<PetitionDto>(await officer.GetAsync($"/api/petitions/{second.RecordId}"));
        await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{registered.Id}/not-accept",
            new NotAcceptPetitionInput("该争议已申请劳动仲裁", "《中华人民共和国劳动争议调解仲裁法》第五条", registered.ConcurrencyStamp, NonAcceptanceGround.Arbitration)));
        await Eventually.Async(async () =>
        {
            await RunCallbacksAsync(app);
            return integrator.Accepted.FirstOrDefault(c => c.WorkOrderNumber == second.Number);
        }, "the closing callback");
        var closed = integrator.Accepted.Single(c => c.WorkOrderNumber == second.Number);
        (closed.Stage, closed.Reply).ShouldBe((WorkOrderStage.Closed, "该争议已申请劳动仲裁"));
        // Nothing is told twice however often the dispatcher and the outbox run.
        await RunCallbacksAsync(app);
        integrator.Accepted.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_work_order_for_the_desk_is_filed_for_the_enterprise_and_its_reply_text_is_called_back()
    {
        var app = await AppAsync();
        await using var integrator = await FakeIntegrator.StartAsync();
        var (system, client) = await RegisterAsync(app, integrator, "370983");
        var (enterprise, enterpriseClient, _) = await EnterpriseAsync(app);
        var number = "GD" + Suffix();

        var order = await OkAsync<WorkOrderDto>(await client.PostJsonAsync("/api/integrations/work-orders",
            Order(number, WorkOrderKind.DeskRequest, "370983", enterprise.CreditCode)), HttpStatusCode.Created);
        var officer = await app.ClientAsAsync(Officer);
        var request = await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{order.RecordId}"));
        (request.Number, request.EnterpriseId, request.Kind, request.Status).ShouldBe((order.RecordNumber, enterprise.Id, RequestKind.ServiceRequest, RequestStatus.Submitted));
        request.Title.ShouldContain(number);

        var taken = await TakeAsync(officer, request);
        var concluded = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("已协调施工单位调整作业时间，夜间22时后停止施工。", taken.ConcurrencyStamp)));
        concluded.Status.ShouldBe(RequestStatus.Concluded);
        await OkAsync<DeskRequestDto>(await enterpriseClient.PostJsonAsync($"/api/service-desk/portal/requests/{taken.Id}/rating",
            new RateInput(ServiceRating.Satisfied, null)));

        await Eventually.Async(async () =>
        {
            await RunCallbacksAsync(app);
            return integrator.Accepted.Any(c => c.Stage == WorkOrderStage.Closed) ? integrator : null;
        }, "the desk request's callbacks");
        integrator.Accepted.Select(c => c.Stage).ShouldBe([WorkOrderStage.Acknowledged, WorkOrderStage.Replied, WorkOrderStage.Closed]);
        integrator.Accepted.Single(c => c.Stage == WorkOrderStage.Replied).Reply.ShouldBe("已协调施工单位调整作业时间，夜间22时后停止施工。");
    }

    [Fact]
    public async Task A_push_without_a_valid_key_outside_the_scope_or_with_bad_fields_is_a_problem_and_writes_nothing()
    {
        var app = await AppAsync();
        await using var integrator = await FakeIntegrator.StartAsync();
        var (system, client) = await RegisterAsync(app, integrator, "370902001");
        var before = await CountAsync<WorkOrder>(app);

        var anonymous = app.CreateClient();
        await ShouldBeRefusedAsync(await anonymous.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix())),
            IntegrationsErrorCodes.ApiKeyInvalid, HttpStatusCode.Unauthorized);
        var wrongKey = app.CreateClient();
        wrongKey.DefaultRequestHeaders.Add(IntegrationsModuleInfo.ApiKeyHeader, "mdk_not-a-key");
        await ShouldBeRefusedAsync(await wrongKey.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix())),
            IntegrationsErrorCodes.ApiKeyInvalid, HttpStatusCode.Unauthorized);
        // A user's session is not a key.
        await ShouldBeRefusedAsync(await (await app.ClientAsAsync("demo.systemadmin")).PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix())),
            IntegrationsErrorCodes.ApiKeyInvalid, HttpStatusCode.Unauthorized);

        // The scope is 岱庙街道 and below: 泰山区 above it is refused, as is a unit of another county.
        await ShouldBeRefusedAsync(await client.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix(), unitCode: "370902")),
            IntegrationsErrorCodes.UnitOutsideScope, HttpStatusCode.Forbidden);
        await ShouldBeRefusedAsync(await client.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix(), unitCode: "370983")),
            IntegrationsErrorCodes.UnitOutsideScope, HttpStatusCode.Forbidden);

        var bad = await client.PostJsonAsync("/api/integrations/work-orders", Order("GD 1/2") with
        {
            Caller = new WorkOrderCallerInput("张某某", "1380013800"), DueAt = DateTimeOffset.UtcNow.AddDays(-1), OrgUnitCode = "999999", Content = " ",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(Mediation.Core.Domain.CoreErrorCodes.ValidationFailed);
        var fields = FieldErrors(problem);
        fields.ShouldContain(("number", (string?)IntegrationsErrorCodes.NumberInvalid));
        fields.ShouldContain(("caller.phone", (string?)"Identity:InvalidMobile"));
        fields.ShouldContain(("dueAt", (string?)IntegrationsErrorCodes.DueInPast));
        fields.ShouldContain(("orgUnitCode", (string?)IntegrationsErrorCodes.UnitUnknown));
        fields.ShouldContain(("content", (string?)"Core:Validation:Required"));

        // A desk work order for an enterprise the desk does not know.
        var deskSystem = await RegisterAsync(app, integrator, "370983");
        await ShouldBeRefusedAsync(await deskSystem.Client.PostJsonAsync("/api/integrations/work-orders",
            Order("GD" + Suffix(), WorkOrderKind.DeskRequest, "370983", Mediation.Tests.ServiceDesk.CreditCodes.New())),
            Mediation.Core.Domain.CoreErrorCodes.ValidationFailed, HttpStatusCode.BadRequest);

        // A disabled system is refused with its own code.
        var admin = await app.ClientAsAsync("demo.systemadmin");
        await OkAsync<IntegratingSystemDto>(await admin.PutJsonAsync($"/api/integrations/systems/{system.System.Id}",
            new UpdateSystemInput(system.System.Name, system.System.CallbackUrl, ["370902001"], false, system.System.ConcurrencyStamp)));
        await ShouldBeRefusedAsync(await client.PostJsonAsync("/api/integrations/work-orders", Order("GD" + Suffix(), unitCode: "370902001")),
            IntegrationsErrorCodes.SystemDisabled, HttpStatusCode.Forbidden);

        (await CountAsync<WorkOrder>(app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_registry_validates_the_callback_url_and_scope_and_never_shows_the_key_again()
    {
        var app = await AppAsync();
        var admin = await app.ClientAsAsync("demo.systemadmin");
        var refused = await admin.PostJsonAsync("/api/integrations/systems", new RegisterSystemInput("12345" + Suffix(), "ftp://12345.example/cb", ["nope"], null));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = FieldErrors(await refused.ReadJsonAsync());
        fields.ShouldBe([("callbackUrl", (string?)IntegrationsErrorCodes.CallbackUrlInvalid), ("orgUnitCodes[0]", (string?)IntegrationsErrorCodes.UnitUnknown)], ignoreOrder: true);

        var registered = await OkAsync<RegisteredSystemDto>(await admin.PostJsonAsync("/api/integrations/systems",
            new RegisterSystemInput("12345" + Suffix(), "https://12345.example/cb", ["370902"], null)), HttpStatusCode.Created);
        (registered.System.CreatedBy, registered.System.CreatedByName, registered.System.CreatedByUnit)
            .ShouldBe(("demo.systemadmin", "演示系统管理员", "泰山区"), "by name and unit (issue 20)");
        var listed = (await OkAsync<PagedList<IntegratingSystemDto>>(await admin.GetAsync("/api/integrations/systems?pageSize=200"))).Items
            .Single(s => s.Id == registered.System.Id);
        (listed.CreatedByName, listed.CreatedByUnit).ShouldBe(("演示系统管理员", "泰山区"));
        var read = await admin.GetStringAsync($"/api/integrations/systems/{registered.System.Id}");
        read.ShouldNotContain(registered.ApiKey);
        read.ShouldNotContain(registered.CallbackSecret);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<IntegratingSystem>().AsNoTracking()
            .SingleAsync(s => s.Id == registered.System.Id));
        stored.ApiKeyHash.ShouldBe(ApiKeys.Hash(registered.ApiKey));
        stored.CallbackSecretCipher.ShouldNotContain(registered.CallbackSecret);
        await ShouldBeRefusedAsync(await admin.PostJsonAsync("/api/integrations/systems",
            new RegisterSystemInput(registered.System.Name, "https://12345.example/cb", ["370902"], null)), IntegrationsErrorCodes.NameTaken, HttpStatusCode.Conflict);

        // Without the permission, a 403.
        var officer = await app.ClientAsAsync(PetitionOfficer);
        (await officer.GetAsync("/api/integrations/systems")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static List<(string, string?)> FieldErrors(System.Text.Json.JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(e => (f.Name, e.GetProperty("code").GetString()))).ToList();

    private static Task<int> AuditedAsync(MediationAppFactory app, string actor) =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AuditEntry>().CountAsync(a => a.UserName == actor));

    private static Task<int> CountAsync<T>(MediationAppFactory app) where T : class =>
        app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<T>().IgnoreQueryFilters().CountAsync());
}

public sealed class FastCallbacksSqliteApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: WorkOrders_Tests.Settings));

public sealed class WorkOrders_Tests_on_Sqlite(FastCallbacksSqliteApp app) : WorkOrders_Tests, IClassFixture<FastCallbacksSqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class WorkOrders_Tests_on_PostgreSql(PostgresCluster cluster) : WorkOrders_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: Settings);
}
