using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.OrgUnits;
using Hangfire;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits.Data;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Web.OrgUnits;

/// <summary>The organisation tree every scoped record hangs on; part of the shared kernel.</summary>
public sealed class OrgUnitsModule : IModule
{
    public string Name => "org-units";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OrgUnitAppService>();
        services.AddScoped<IOrgUnitDirectory, OrgUnitDirectory>();
        services.AddIntegrationEvent<OrgUnitChangedEto>(OrgUnitChangedEto.EventName);
    }

    public void ConfigureModel(ModelBuilder model) => model.ApplyConfiguration(new OrgUnitConfiguration());

    public void MapEndpoints(RouteGroupBuilder api) => api.MapOrgUnitEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // The tree has no time-driven work.
    }
}
