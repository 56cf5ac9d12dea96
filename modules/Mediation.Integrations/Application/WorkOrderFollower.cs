using System.Globalization;
using System.Text.Json;
using Mediation.Core.Data;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Mediation.Integrations.Domain;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Integrations.Application;

/// <summary>
/// Learns from the petition and desk change events (delivered by the outbox after their commit) how far the records of work orders
/// have come, and queues one callback per stage newly reached — in the handler's transaction, which also marks the event handled, so a
/// redelivered event queues nothing twice. The records are read through the modules' read contracts, under no data scope (background).
/// </summary>
internal sealed class WorkOrderFollower(MediationDbContext db, IOptions<JsonSerializerOptionsHolder> json, TextCatalog texts, TimeProvider clock)
{
    public async Task FollowAsync(WorkOrderKind kind, IReadOnlyCollection<Guid> recordIds,
        Func<IReadOnlyCollection<Guid>, Task<IReadOnlyDictionary<Guid, RecordState>>> read, CancellationToken ct)
    {
        if (recordIds.Count == 0) return;
        var orders = await Open(kind, recordIds).ToListAsync(ct);
        if (orders.Count == 0) return;
        var states = await read(orders.Select(o => o.RecordId).ToList());
        var now = clock.GetUtcNow();
        foreach (var order in orders)
        {
            if (!states.TryGetValue(order.RecordId, out var state)) continue;
            var path = state.Path;
            foreach (var stage in order.Advance(path))
            {
                // A stage passed on the way is named by its own label; the record's status text belongs to the stage it is in now.
                var current = stage == path[^1];
                var id = Guid.CreateVersion7();
                var body = new WorkOrderCallbackBody(id, order.Number, stage, state.Number,
                    current ? state.StatusText : texts.Find($"WorkOrderStage:{stage}", CultureInfo.CurrentUICulture) ?? stage.ToString(),
                    stage is WorkOrderStage.Acknowledged ? null : state.Reply, now);
                db.Add(CallbackDelivery.Queue(id, order.SystemId, order.Id, order.Number, stage, JsonSerializer.Serialize(body, json.Value.Options), now));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether any of the records has an open work order: the changes of all others are not delivered to the handlers.</summary>
    public Task<bool> FollowsAnyAsync(WorkOrderKind kind, IReadOnlyCollection<Guid> recordIds, CancellationToken ct) =>
        recordIds.Count == 0 ? Task.FromResult(false) : Open(kind, recordIds).AnyAsync(ct);

    private IQueryable<WorkOrder> Open(WorkOrderKind kind, IReadOnlyCollection<Guid> recordIds) =>
        db.Set<WorkOrder>().Where(w => w.Kind == kind && recordIds.Contains(w.RecordId) && w.Stage != WorkOrderStage.Closed);
}

internal sealed record RecordState(IReadOnlyList<WorkOrderStage> Path, string Number, string StatusText, string? Reply);

internal sealed class PetitionWorkOrdersHandler(WorkOrderFollower follower, IPetitionReferralIntegrationService petitions)
    : IIntegrationEventHandler<PetitionsChangedEto>, IIntegrationEventFilter<PetitionsChangedEto>
{
    public Task<bool> ConcernsAsync(PetitionsChangedEto integrationEvent, CancellationToken cancellationToken) =>
        follower.FollowsAnyAsync(WorkOrderKind.Petition, integrationEvent.PetitionIds, cancellationToken);

    public Task HandleAsync(PetitionsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        follower.FollowAsync(WorkOrderKind.Petition, integrationEvent.PetitionIds, async ids =>
            (await petitions.FollowAsync(ids, cancellationToken)).ToDictionary(p => p.PetitionId,
                p => new RecordState(StageOf.Petition(p.Status), p.Number, p.StatusText, p.Answer)), cancellationToken);
}

internal sealed class DeskWorkOrdersHandler(WorkOrderFollower follower, IDeskRequestStatusReader requests)
    : IIntegrationEventHandler<DeskRequestsChangedEto>, IIntegrationEventFilter<DeskRequestsChangedEto>
{
    public Task<bool> ConcernsAsync(DeskRequestsChangedEto integrationEvent, CancellationToken cancellationToken) =>
        follower.FollowsAnyAsync(WorkOrderKind.DeskRequest, integrationEvent.RequestIds, cancellationToken);

    public Task HandleAsync(DeskRequestsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken) =>
        follower.FollowAsync(WorkOrderKind.DeskRequest, integrationEvent.RequestIds, async ids =>
            (await requests.FindAsync(ids, cancellationToken)).ToDictionary(r => r.Id,
                r => new RecordState(StageOf.DeskRequest(r.Status), r.Number, r.StatusText, r.Result)), cancellationToken);
}
