using Mediation.Core.Auditing;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// The one database context of the monolith. Every module adds its tables (in its own schema)
/// through <see cref="IModule.ConfigureModel"/>; one context means one transaction can hold a
/// module's change together with its outbox events. The host derives one subclass per provider
/// so that each provider keeps its own migrations.
/// </summary>
public abstract class MediationDbContext(DbContextOptions options, ModuleCatalog modules, IDataScope? dataScope) : DbContext(options)
{
    public const string CoreSchema = "core";

    /// <summary>Read by the query filters on every <see cref="IOrgScoped"/> entity; EF re-evaluates it per query.</summary>
    protected string? ScopePath => dataScope?.OrgUnitPath;

    internal DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    // EF calls OnConfiguring when it builds this instance's services, at the context's first use (a query, a save, Database,
    // ChangeTracker): until then nothing can have begun a transaction on it.
    private bool _servicesBuilt;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        _servicesBuilt = true;
        base.OnConfiguring(optionsBuilder);
    }

    /// <summary>
    /// Whether a transaction is open on this context, answered without building the context's services for the question: a context
    /// nothing has used yet has none. <c>Database.CurrentTransaction</c> builds them; a registration's request reads nothing through
    /// its context (caller, unit and calendar come from the claims and the process, the batch writes), and its one question cost
    /// the services' building — 5.5% of its samples in session 27's profile (issue 17).
    /// </summary>
    public bool InTransaction => _servicesBuilt && Database.CurrentTransaction is not null;

    internal DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        AuditModelConfiguration.Configure(modelBuilder);
        modelBuilder.ApplyConfiguration(new Numbering.NumberSequenceRowConfiguration());
        modelBuilder.ApplyConfiguration(new SeedStateConfiguration());
        foreach (var module in modules.Modules)
            module.ConfigureModel(modelBuilder);

        ApplyDataScope(modelBuilder);

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

    /// <summary>
    /// The one place data scope is enforced for reads: every IOrgScoped entity gets a filter "its
    /// unit lies in the caller's subtree". Modules cannot forget it; they would have to opt out.
    /// </summary>
    private void ApplyDataScope(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(IOrgScoped).IsAssignableFrom(t.ClrType) && t.BaseType is null))
        {
            var filter = typeof(MediationDbContext).GetMethod(nameof(ScopeFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType).Invoke(this, null)!;
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter((System.Linq.Expressions.LambdaExpression)filter);
        }
    }

    private System.Linq.Expressions.Expression<Func<TEntity, bool>> ScopeFilter<TEntity>()
        where TEntity : class, IOrgScoped =>
        e => ScopePath == null || Set<OrgUnit>().Any(o => o.Id == e.OrgUnitId && o.Path.StartsWith(ScopePath));

    /// <summary>The write-side check: a record may only be created in, or moved to, a unit inside the caller's subtree.</summary>
    private async Task EnsureWritesInScopeAsync(CancellationToken ct)
    {
        if (ScopePath is null) return;
        var unitIds = ChangeTracker.Entries<IOrgScoped>()
            .Where(e => e.State is EntityState.Added || (e.State is EntityState.Modified && e.Property(nameof(IOrgScoped.OrgUnitId)).IsModified))
            .Select(e => e.Entity.OrgUnitId).Distinct().ToList();
        foreach (var unitId in unitIds.Where(u => !_unitsInScope.Contains(u)))
        {
            if (!await Set<OrgUnit>().AnyAsync(o => o.Id == unitId && o.Path.StartsWith(ScopePath), ct))
                throw new EntityNotFoundException(nameof(OrgUnit), unitId);
            _unitsInScope.Add(unitId);
        }
    }

    // Units found inside the caller's subtree by an earlier save of this request: a unit does not leave it meanwhile.
    private readonly HashSet<Guid> _unitsInScope = [];

    /// <summary>
    /// A service that has just read the unit a record goes into tells the save so: the save's scope check then compares the path
    /// read in this request with the caller's subtree instead of reading the unit again (issue 17: one query less per registration).
    /// </summary>
    public void UnitReadInThisRequest(Guid unitId, string unitPath) => UnitReadForCaller(unitId, unitPath, ScopePath);

    /// <summary>
    /// A record this request read through the scope filter (not with IgnoreQueryFilters) lies inside the caller's subtree, and so
    /// does its unit: a save writing into that unit (the record's archived document) need not read the unit again (issue 17).
    /// </summary>
    public void UnitOfRecordReadInScope(IOrgScoped record)
    {
        if (ScopePath is not null && Entry(record).State is EntityState.Unchanged or EntityState.Modified
            && !Entry(record).Property(nameof(IOrgScoped.OrgUnitId)).IsModified)
            _unitsInScope.Add(record.OrgUnitId);
    }

    /// <summary>
    /// As <see cref="UnitReadInThisRequest"/> for a writer saving on behalf of other callers (the petitions' group commit): the unit
    /// is compared with the subtree of the caller whose record goes into it, not with this context's. False when it lies outside.
    /// </summary>
    public bool UnitReadForCaller(Guid unitId, string unitPath, string? callerScopePath)
    {
        if (callerScopePath is not null && !unitPath.StartsWith(callerScopePath, StringComparison.Ordinal)) return false;
        _unitsInScope.Add(unitId);
        return true;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await EnsureWritesInScopeAsync(cancellationToken);
        RenewConcurrencyStamps();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureWritesInScopeAsync(CancellationToken.None).GetAwaiter().GetResult();
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Sets the stamp the caller last read as the value the UPDATE must still find, so a stale
    /// write fails with a concurrency conflict. A caller that sends no stamp is refused before anything changes:
    /// skipping the check let a client that omitted it overwrite another's change unseen.
    /// </summary>
    public void ExpectConcurrencyStamp<TEntity>(TEntity entity, string? stampTheCallerRead)
        where TEntity : class, IHasConcurrencyStamp
    {
        ConcurrencyStampRule.EnsureSent(stampTheCallerRead);
        Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = stampTheCallerRead!;
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
