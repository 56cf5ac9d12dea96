using System.Collections.Concurrent;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>Counts deliveries per org unit; fails the first delivery of units named "失败一次…".</summary>
public sealed class RecordingOrgUnitHandler : IIntegrationEventHandler<OrgUnitChangedEto>
{
    public static readonly ConcurrentDictionary<(Guid, OrgUnitChange), int> Deliveries = new();
    private static readonly ConcurrentDictionary<Guid, bool> FailedOnce = new();

    public Task HandleAsync(OrgUnitChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.Name.StartsWith("失败一次", StringComparison.Ordinal) && FailedOnce.TryAdd(e.OrgUnitId, true))
            throw new InvalidOperationException("simulated handler failure");
        Deliveries.AddOrUpdate((e.OrgUnitId, e.Change), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public static void Register(IServiceCollection services) =>
        services.AddIntegrationEventHandler<OrgUnitChangedEto, RecordingOrgUnitHandler>();
}

public abstract class Outbox_Tests : ProviderTests
{
    private static int DeliveriesOf(Guid id, OrgUnitChange change) =>
        RecordingOrgUnitHandler.Deliveries.TryGetValue((id, change), out var n) ? n : 0;

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < end) await Task.Delay(50);
        condition().ShouldBeTrue($"not reached within {timeout}");
    }

    // The handler's commit and the message's "processed" mark are two transactions; wait for the second.
    private async Task WaitUntilProcessed(Guid orgUnitId)
    {
        var app = await AppAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == OrgUnitChangedEto.EventName && m.ProcessedAt != null).ToListAsync();
            if (messages.Any(m => m.Payload.Contains(orgUnitId.ToString(), StringComparison.Ordinal))) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"outbox message for {orgUnitId} not marked processed");
    }

    private async Task<OrgUnitDto> CreateTown(string name)
    {
        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrgUnitAppService>();
        var taishan = (await service.ListAsync(null, OrgUnitKind.County, "泰山", CancellationToken.None)).Single();
        return await service.CreateAsync(new CreateOrgUnitInput(taishan.Id, "E" + Guid.NewGuid().ToString("N")[..10], name, OrgUnitKind.Township, 0), CancellationToken.None);
    }

    [Fact]
    public async Task A_committed_change_is_delivered_to_its_handler_once()
    {
        var town = await CreateTown("事件镇");
        await WaitUntil(() => DeliveriesOf(town.Id, OrgUnitChange.Created) == 1, TimeSpan.FromSeconds(10));
        await WaitUntilProcessed(town.Id);

        // Simulate a dispatcher that crashed after the handler ran but before marking the message done.
        var app = await AppAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var message = (await db.OutboxMessages.Where(m => m.EventName == OrgUnitChangedEto.EventName).ToListAsync())
                .Single(m => m.Payload.Contains(town.Id.ToString(), StringComparison.Ordinal));
            message.ProcessedAt.ShouldNotBeNull();
            message.ProcessedAt = null;
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

        DeliveriesOf(town.Id, OrgUnitChange.Created).ShouldBe(1);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        var app = await AppAsync();
        var code = "R" + Guid.NewGuid().ToString("N")[..10];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var service = scope.ServiceProvider.GetRequiredService<OrgUnitAppService>();
            var city = (await service.ListAsync(null, OrgUnitKind.City, null, CancellationToken.None)).Single();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await service.CreateAsync(new CreateOrgUnitInput(city.Id, code, "回滚区", OrgUnitKind.County, 0), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.Set<OrgUnit>().AnyAsync(u => u.Code == code)).ShouldBeFalse();
            (await db.OutboxMessages.Where(m => m.EventName == OrgUnitChangedEto.EventName).ToListAsync())
                .ShouldNotContain(m => m.Payload.Contains(code, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_failing_handler_is_retried_and_the_error_recorded()
    {
        var town = await CreateTown("失败一次镇");
        await WaitUntil(() => DeliveriesOf(town.Id, OrgUnitChange.Created) == 1, TimeSpan.FromSeconds(15));
        await WaitUntilProcessed(town.Id);

        var app = await AppAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var message = (await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == OrgUnitChangedEto.EventName).ToListAsync())
            .Single(m => m.Payload.Contains(town.Id.ToString(), StringComparison.Ordinal));
        message.Attempts.ShouldBe(1);
        message.LastError!.ShouldContain("simulated handler failure");
        message.ProcessedAt.ShouldNotBeNull();
    }
}

public sealed class SqliteAppWithRecordingHandler() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: RecordingOrgUnitHandler.Register));

public sealed class Outbox_Tests_on_Sqlite(SqliteAppWithRecordingHandler app) : Outbox_Tests, IClassFixture<SqliteAppWithRecordingHandler>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class Outbox_Tests_on_PostgreSql(PostgresCluster cluster) : Outbox_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), RecordingOrgUnitHandler.Register);
}
