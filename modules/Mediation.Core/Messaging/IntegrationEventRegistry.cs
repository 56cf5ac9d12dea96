using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Messaging;

/// <summary>
/// A stable wire name for an event type; the outbox stores the name, never the CLR type name. An event with
/// <paramref name="Merge"/> only names records to read again, so several of its messages may reach a handler as one event.
/// </summary>
public sealed record IntegrationEventType(string Name, Type ClrType, Func<IReadOnlyList<IIntegrationEvent>, IIntegrationEvent>? Merge = null);

/// <summary>
/// One handler of one event type, with the closed-generic call spelled out at registration; <paramref name="Concerns"/> is its
/// <see cref="IIntegrationEventFilter{TEvent}"/>, when it has one.
/// </summary>
public sealed record IntegrationEventHandlerRegistration(
    Type EventType,
    string HandlerName,
    Func<IServiceProvider, IIntegrationEvent, IntegrationEventContext, CancellationToken, Task> Invoke,
    Func<IServiceProvider, IIntegrationEvent, CancellationToken, Task<bool>>? Concerns = null);

public sealed class IntegrationEventRegistry
{
    private readonly Dictionary<string, IntegrationEventType> _byName;
    private readonly Dictionary<Type, IntegrationEventType> _byType;
    private readonly ILookup<Type, IntegrationEventHandlerRegistration> _handlers;

    public IntegrationEventRegistry(IEnumerable<IntegrationEventType> types, IEnumerable<IntegrationEventHandlerRegistration> handlers)
    {
        var list = types.ToList();
        _byName = list.ToDictionary(t => t.Name);
        _byType = list.ToDictionary(t => t.ClrType);
        _handlers = handlers.ToLookup(h => h.EventType);
        var orphan = _handlers.FirstOrDefault(g => !_byType.ContainsKey(g.Key));
        if (orphan is not null)
            throw new InvalidOperationException($"Handler for {orphan.Key.Name} registered, but the event type has no wire name.");
    }

    public string NameOf(Type eventType) =>
        _byType.TryGetValue(eventType, out var t)
            ? t.Name
            : throw new InvalidOperationException($"Integration event {eventType.Name} is not registered; call AddIntegrationEvent<{eventType.Name}>(name).");

    public IIntegrationEvent Deserialize(string name, string payload, JsonSerializerOptions options)
    {
        if (!_byName.TryGetValue(name, out var type))
            throw new InvalidOperationException($"Unknown integration event '{name}'.");
        return (IIntegrationEvent)(JsonSerializer.Deserialize(payload, type.ClrType, options)
            ?? throw new InvalidOperationException($"Integration event '{name}' has an empty payload."));
    }

    public bool Merges(string name) => _byName.TryGetValue(name, out var type) && type.Merge is not null;

    public IIntegrationEvent Merge(string name, IReadOnlyList<IIntegrationEvent> events) =>
        events.Count == 1 ? events[0] : _byName[name].Merge!(events);

    public IEnumerable<IntegrationEventHandlerRegistration> HandlersOf(string name) =>
        _byName.TryGetValue(name, out var type) ? _handlers[type.ClrType] : [];
}

public static class IntegrationEventServiceCollectionExtensions
{
    public static IServiceCollection AddIntegrationEvent<TEvent>(this IServiceCollection services, string name)
        where TEvent : class, IIntegrationEvent
    {
        services.AddSingleton(new IntegrationEventType(name, typeof(TEvent)));
        return services;
    }

    /// <summary>An event whose handlers only read the named records again: the dispatcher hands them a round's messages merged.</summary>
    public static IServiceCollection AddIntegrationEvent<TEvent>(this IServiceCollection services, string name, Func<IReadOnlyList<TEvent>, TEvent> merge)
        where TEvent : class, IIntegrationEvent
    {
        services.AddSingleton(new IntegrationEventType(name, typeof(TEvent), events => merge([.. events.Cast<TEvent>()])));
        return services;
    }

    public static IServiceCollection AddIntegrationEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : class, IIntegrationEvent
        where THandler : class, IIntegrationEventHandler<TEvent>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new IntegrationEventHandlerRegistration(
            typeof(TEvent),
            typeof(THandler).FullName!,
            (sp, e, ctx, ct) => sp.GetRequiredService<THandler>().HandleAsync((TEvent)e, ctx, ct),
            typeof(IIntegrationEventFilter<TEvent>).IsAssignableFrom(typeof(THandler))
                ? (sp, e, ct) => ((IIntegrationEventFilter<TEvent>)sp.GetRequiredService<THandler>()).ConcernsAsync((TEvent)e, ct)
                : null));
        return services;
    }
}
