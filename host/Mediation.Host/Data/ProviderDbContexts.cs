using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mediation.Host.Data;

// One subclass per provider: each keeps its own migrations and model snapshot, since column
// types and SQL differ. Modules only ever see MediationDbContext.

public sealed class SqliteMediationDbContext(DbContextOptions<SqliteMediationDbContext> options, ModuleCatalog modules, IDataScope? dataScope = null)
    : MediationDbContext(options, modules, dataScope)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite has no schemas: a module's schema becomes its table-name prefix ("core_OrgUnits").
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (entityType.GetSchema() is not { } schema || entityType.GetTableName() is not { } table) continue;
            entityType.SetTableName($"{schema}_{table}");
            entityType.SetSchema(null);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time type; as binary (UTC ticks) the values compare and sort in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgreSqlMediationDbContext(DbContextOptions<PostgreSqlMediationDbContext> options, ModuleCatalog modules, IDataScope? dataScope = null)
    : MediationDbContext(options, modules, dataScope);

public sealed class SqlServerMediationDbContext(DbContextOptions<SqlServerMediationDbContext> options, ModuleCatalog modules, IDataScope? dataScope = null)
    : MediationDbContext(options, modules, dataScope);
