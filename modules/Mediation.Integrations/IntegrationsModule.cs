using Hangfire;
using Mediation.Core;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Integrations.Application;
using Mediation.Integrations.Data;
using Mediation.Integrations.Endpoints;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Integrations;

/// <summary>Integrating systems (the 12345 platform…) push work orders in and are called back, signed, as the records move.</summary>
public sealed class IntegrationsModule : IModule
{
    public string Name => IntegrationsModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(IntegrationsModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(IntegrationsModule).Assembly);
        services.AddPermissions(IntegrationsPermissions.Definitions);
        services.Configure<CallbackOptions>(configuration.GetSection(CallbackOptions.Section));
        services.AddHttpClient(CallbackDispatcher.HttpClientName);
        services.AddScoped<SystemAppService>();
        services.AddScoped<WorkOrderIntake>();
        services.AddScoped<WorkOrderFollower>();
        services.AddScoped<CallbackDispatcher>();
        services.AddIntegrationEventHandler<PetitionsChangedEto, PetitionWorkOrdersHandler>();
        services.AddIntegrationEventHandler<DeskRequestsChangedEto, DeskWorkOrdersHandler>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("IntegrationsUi:Nav", "/Integrations", IntegrationsPermissions.Systems.Manage),
    ];

    public void ConfigureModel(ModelBuilder model) => IntegrationsModelConfiguration.Configure(model);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapIntegrationsEndpoints();

    /// <summary>Due callbacks are sent every minute; a failed one waits its backoff (1, 2, 4… minutes by default) between rounds.</summary>
    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<CallbackDispatcher>(CallbackDispatcher.JobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}
