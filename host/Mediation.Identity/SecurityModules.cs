using Mediation.Core;
using Mediation.Core.Identity;
using Hangfire;
using Mediation.Core.Auditing;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Identity;

/// <summary>/api/auth: bearer tokens and "who am I". It configures the Identity tables (schema core).</summary>
public sealed class AuthModule : IModule
{
    public string Name => "auth";
    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(CorePermissions.Definitions);
        services.AddLocalizationSource(typeof(AuthModule).Assembly);
    }

    public void ConfigureModel(ModelBuilder model) => IdentityModelConfiguration.Configure(model);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapAuthEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<SignInCounterPurgeJob>(SignInCounterPurgeJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
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
