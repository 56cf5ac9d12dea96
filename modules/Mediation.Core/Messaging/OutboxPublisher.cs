using System.Text.Json;
using Mediation.Core.Data;
using Mediation.Core.Polling;
using Mediation.Core.Web;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Messaging;

internal sealed class OutboxPublisher(
    MediationDbContext db,
    IntegrationEventRegistry registry,
    OutboxSignal signal,
    TimeProvider clock,
    ICorrelationIdAccessor correlation,
    IOptions<JsonSerializerOptionsHolder> json) : IIntegrationEventPublisher
{
    private bool _subscribed;

    public void Publish<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            EventName = registry.NameOf(typeof(TEvent)),
            Payload = JsonSerializer.Serialize(integrationEvent, json.Value.Options),
            OccurredAt = clock.GetUtcNow(),
            CorrelationId = correlation.CorrelationId,
        });
        if (_subscribed) return;
        _subscribed = true;
        db.SavedChanges += (_, _) => signal.Notify();
    }
}

/// <summary>Wakes the dispatcher right after a commit instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>The JSON options events are stored with; the same as the API's, so enums read as strings.</summary>
public sealed class JsonSerializerOptionsHolder
{
    public JsonSerializerOptions Options { get; set; } = new(JsonSerializerDefaults.Web);
}
