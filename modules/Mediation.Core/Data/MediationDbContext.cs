using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// The one database context of the monolith. Every module adds its tables (in its own schema)
/// through <see cref="IModule.ConfigureModel"/>; one context means one transaction can hold a
/// module's change together with its outbox events. The host derives one subclass per provider
/// so that each provider keeps its own migrations.
/// </summary>
public abstract class MediationDbContext(DbContextOptions options, ModuleCatalog modules) : DbContext(options)
{
    public const string CoreSchema = "core";

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        foreach (var module in modules.Modules)
            module.ConfigureModel(modelBuilder);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(IHasConcurrencyStamp).IsAssignableFrom(t.ClrType)))
        {
            modelBuilder.Entity(entityType.ClrType)
                .Property(nameof(IHasConcurrencyStamp.ConcurrencyStamp))
                .HasMaxLength(40)
                .IsRequired()
                .IsConcurrencyToken();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Sets the stamp the caller last read as the value the UPDATE must still find, so a stale
    /// write fails with a concurrency conflict.
    /// </summary>
    public void ExpectConcurrencyStamp<TEntity>(TEntity entity, string? stampTheCallerRead)
        where TEntity : class, IHasConcurrencyStamp
    {
        if (string.IsNullOrEmpty(stampTheCallerRead)) return;
        Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = stampTheCallerRead;
    }

    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<IHasConcurrencyStamp>())
        {
            if (entry.State is EntityState.Modified)
                entry.Entity.ConcurrencyStamp = ConcurrencyStamps.New();
        }
    }
}
