using Mediation.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Messaging;

/// <summary>
/// Publishes an event naming the records a save changes, in that save's transaction — also changes no business event
/// describes. A module registers its feed as an <see cref="ISaveChangesInterceptor"/> (scoped); every provider's context runs it.
/// </summary>
public abstract class RecordChangeFeed<TEvent>(IServiceProvider services) : SaveChangesInterceptor
    where TEvent : class, IIntegrationEvent
{
    /// <summary>The event for the changed records of this save, or null when none of the module's records changed.</summary>
    protected abstract TEvent? Describe(ChangeTracker changes);

    protected static bool IsChanged(EntityEntry entry) => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>The ids of the <typeparamref name="TRecord"/>s this save adds, changes or deletes, each once.</summary>
    protected static List<Guid> ChangedIds<TRecord>(ChangeTracker changes) where TRecord : Entity<Guid> =>
        changes.Entries<TRecord>().Where(IsChanged).Select(e => e.Entity.Id).Distinct().ToList();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Publish(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Publish(DbContext? context)
    {
        if (context is not null && Describe(context.ChangeTracker) is { } changed)
            services.GetRequiredService<IIntegrationEventPublisher>().Publish(changed);
    }
}
