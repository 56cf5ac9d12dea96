namespace Mediation.Core.Messaging;

/// <summary>A fact one module tells the others, after its transaction committed.</summary>
public interface IIntegrationEvent;

public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}

public sealed record IntegrationEventContext(Guid MessageId, DateTimeOffset OccurredAt, string? CorrelationId);

public interface IIntegrationEventPublisher
{
    /// <summary>
    /// Adds the event to the outbox of the current unit of work. It is written by the caller's
    /// next SaveChanges (same transaction as the change) and delivered after that commit.
    /// </summary>
    void Publish<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent;
}
