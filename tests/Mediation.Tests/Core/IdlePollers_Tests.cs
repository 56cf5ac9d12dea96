using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Polling;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Issue 17, P5: an idle host's audit sealer and outbox dispatcher back off, and what is written meanwhile is still sealed and
/// delivered. The host's waits longer than <see cref="ParkAbove"/> end only by a write's signal (<see cref="ParkingPollWaits"/>),
/// so a row or a message that did not wake its poller would wait for ever: each test waits for the parked poller, writes, and
/// waits (generously) for the result, asserting no elapsed time.
/// </summary>
public abstract class IdlePollers_Tests
{
    internal static readonly TimeSpan ParkAbove = TimeSpan.FromSeconds(2.5);

    /// <summary>
    /// The sealer idles from 0.1 s up to parking (0.2 … 1.6 s, then 3.2 s parks). The dispatcher's interval is 1.5 s: after a failed
    /// delivery (its retry 2 s later) it waits 1.5 s, finds the message still leased, and its next wait would be 3 s — parked,
    /// unless it remembers the retry.
    /// </summary>
    internal static readonly Dictionary<string, string?> Settings = new()
    {
        ["Audit:SealInterval"] = "00:00:00.100",
        ["Audit:MaxSealInterval"] = "00:00:30",
        ["Outbox:PollInterval"] = "00:00:01.500",
        ["Outbox:MaxPollInterval"] = "00:00:30",
    };

    internal static void Services(IServiceCollection services)
    {
        services.AddSingleton<IPollWaits>(new ParkingPollWaits(ParkAbove));
        RecordingOrgUnitHandler.Register(services);
    }

    protected abstract Task<MediationAppFactory> AppAsync();

    [Fact]
    public async Task An_audit_row_written_while_the_sealer_is_parked_is_sealed()
    {
        var app = await AppAsync();
        await ParkedAsync<AuditSignal>(app);

        var town = await CreateTownAsync(app, "封存镇");

        await Eventually.Async(() => ReadAsync(app, db => db.Set<AuditEntry>().AsNoTracking()
                .Where(a => a.EntityType == nameof(OrgUnit) && a.EntityId == town.Id.ToString() && a.Action == AuditActions.Created)
                .Select(a => a.Sequence).FirstOrDefaultAsync()),
            sequence => sequence is not null, "the new town's audit row sealed");
    }

    [Fact]
    public async Task An_outbox_message_written_while_the_dispatcher_is_parked_is_delivered()
    {
        var app = await AppAsync();
        await ParkedAsync<OutboxSignal>(app);

        var town = await CreateTownAsync(app, "投递镇");

        await Eventually.Async(() => ProcessedAsync(app, town.Id), processed => processed, "the new town's change delivered");
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_when_due_though_the_dispatcher_backed_off_past_it()
    {
        var app = await AppAsync();
        await ParkedAsync<OutboxSignal>(app);

        // The handler fails the first delivery: the message is leased for 2 s (its retry), longer than the dispatcher's interval.
        var town = await CreateTownAsync(app, "失败一次重试镇");

        await Eventually.Async(() => ProcessedAsync(app, town.Id), processed => processed, "the failed delivery retried");
        RecordingOrgUnitHandler.Deliveries.GetValueOrDefault((town.Id, OrgUnitChange.Created)).ShouldBe(1);
    }

    private static Task ParkedAsync<TSignal>(MediationAppFactory app) where TSignal : WakeSignal =>
        ((ParkingPollWaits)app.Services.GetRequiredService<IPollWaits>()).Parked<TSignal>().WaitAsync(TimeSpan.FromSeconds(60));

    private static async Task<OrgUnitDto> CreateTownAsync(MediationAppFactory app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<OrgUnitAppService>();
        var taishan = (await service.ListAsync(null, OrgUnitKind.County, "泰山", CancellationToken.None)).Single();
        return await service.CreateAsync(new CreateOrgUnitInput(taishan.Id, "I" + Guid.NewGuid().ToString("N")[..10], name, OrgUnitKind.Township, 0),
            CancellationToken.None);
    }

    private static Task<bool> ProcessedAsync(MediationAppFactory app, Guid orgUnitId) => ReadAsync(app, async db =>
        (await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == OrgUnitChangedEto.EventName && m.ProcessedAt != null)
            .Select(m => m.Payload).ToListAsync()).Any(p => p.Contains(orgUnitId.ToString(), StringComparison.Ordinal)));

    private static async Task<T> ReadAsync<T>(MediationAppFactory app, Func<MediationDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MediationDbContext>());
    }
}

public sealed class SqliteAppWithParkingPollers()
    : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: IdlePollers_Tests.Settings, services: IdlePollers_Tests.Services));

public sealed class IdlePollers_Tests_on_Sqlite(SqliteAppWithParkingPollers app) : IdlePollers_Tests, IClassFixture<SqliteAppWithParkingPollers>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class IdlePollers_Tests_on_PostgreSql(PostgresCluster cluster) : IdlePollers_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), Services, Settings);
}
