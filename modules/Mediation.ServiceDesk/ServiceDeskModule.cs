using Hangfire;
using Mediation.Core;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.ServiceDesk;

public sealed class ServiceDeskModule : IModule
{
    public string Name => ServiceDeskModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddLocalizationSource(typeof(ServiceDeskModuleInfo).Assembly);

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => ServiceDeskDeadlinePolicies.All;

    public void ConfigureModel(ModelBuilder model)
    {
        // Tables arrive with the module's first feature.
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        // No endpoints yet: an endpoint that pretended to work would mislead clients.
    }

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // No deadlines enforced yet.
    }
}
