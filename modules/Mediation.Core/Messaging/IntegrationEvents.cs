namespace Mediation.Core.Messaging;

/// <summary>A fact one module tells the others, after its transaction committed.</summary>
public interface IIntegrationEvent;

public interface IIntegrationEventHandler<in TEvent>
    where TEvent : IIntegrationEvent
{
    Task HandleAsync(TEvent integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that most events of its type do not concern (a module following a few of the records a change feed names): the
/// dispatcher asks it first, in a scope of its own without a transaction, and delivers the event — in a transaction, with the
/// handler's inbox row — only when it answers true. An event it declines is not recorded as handled: were it delivered again, it
/// would be asked again. On SQLite the question takes no write gate, where each delivery's transaction held it while the handler
/// read, found nothing and wrote only its inbox rows (issue 17).
/// </summary>
public interface IIntegrationEventFilter<in TEvent>
    where TEvent : IIntegrationEvent
{
    /// <summary>False only when handling the event now would change nothing; the handler reads again in its own transaction.</summary>
    Task<bool> ConcernsAsync(TEvent integrationEvent, CancellationToken cancellationToken);
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
