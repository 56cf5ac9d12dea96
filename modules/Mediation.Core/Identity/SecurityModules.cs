using Hangfire;
using Mediation.Core.Auditing;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Identity;

/// <summary>/api/auth: bearer tokens and "who am I". The Identity tables are configured by the kernel's context.</summary>
public sealed class AuthModule : IModule
{
    public string Name => "auth";
    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddPermissions(CorePermissions.Definitions);

    public void ConfigureModel(ModelBuilder model) { }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapAuthEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) { }
}

/// <summary>/api/identity: users, roles and permission grants.</summary>
public sealed class IdentityModule : IModule
{
    public string Name => "identity";
    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IOutsideAccounts, OutsideAccounts>();
    }

    public void ConfigureModel(ModelBuilder model) { }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapIdentityEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) { }
}

/// <summary>/api/audit: the hash-chained audit trail, for AuditAdmin.</summary>
public sealed class AuditModule : IModule
{
    public string Name => "audit";
    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    public void ConfigureModel(ModelBuilder model) { }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapAuditEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) { }
}
