using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mediation.Host.Data;

// Used by `dotnet ef migrations add` only. No database is contacted, so the connection strings are placeholders.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMediationDbContext>
{
    public SqliteMediationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMediationDbContext>().UseSqlite("Data Source=design.db").Options, HostModules.Create());
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMediationDbContext>
{
    public PostgreSqlMediationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMediationDbContext>().UseNpgsql("Host=localhost;Database=design").Options, HostModules.Create());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMediationDbContext>
{
    public SqlServerMediationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMediationDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=true").Options, HostModules.Create());
}
