using Hangfire;
using Mediation.Cases;
using Mediation.Core;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.ServiceDesk.Application;
using Mediation.ServiceDesk.Data;
using Mediation.ServiceDesk.Domain;
using Mediation.ServiceDesk.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.ServiceDesk;

public sealed class ServiceDeskModule : IModule
{
    public string Name => ServiceDeskModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(ServiceDeskModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(ServiceDeskModule).Assembly);
        services.AddPermissions(ServiceDeskPermissions.Definitions);
        services.Configure<ServiceDeskOptions>(configuration.GetSection(ServiceDeskOptions.Section));
        services.AddScoped<DeskScope>();
        services.AddScoped<EnterpriseAppService>();
        services.AddScoped<RequestAppService>();
        services.AddScoped<DeskRequestListQuery>();
        services.AddScoped<Mediation.Core.Exports.IExportProducer, DeskRequestListExport>();
        services.AddScoped<AttachmentAppService>();
        services.AddScoped<DeskDocuments>();
        services.AddScoped<ContactMessages>();
        services.AddScoped<HandOffAppService>();
        services.AddScoped<EscalationAppService>();
        services.AddScoped<PetitionHandOffAppService>();
        services.AddScoped<VisitAppService>();
        services.AddScoped<LedgerAppService>();
        services.AddScoped<IDeadlineRecordDescriber, DeskRequestDeadlineRecords>();
        services.AddScoped<IDeskRequestStatusReader, DeskRequestStatusReader>();
        services.AddScoped<IDeskRequestIntakeIntegrationService, DeskRequestIntakeIntegrationService>();
        services.AddIntegrationEventHandler<CaseConcludedEto, CaseConcludedHandler>();
        services.AddIntegrationEventHandler<Mediation.Petitions.PetitionsChangedEto, PetitionFollowHandler>();
        services.AddIntegrationEvent<DeskRequestConcludedEto>(DeskRequestConcludedEto.EventName);
        services.AddIntegrationEvent<DeskRequestsChangedEto>(DeskRequestsChangedEto.EventName, events => new([.. events.SelectMany(e => e.RequestIds).Distinct()]));
        services.AddScoped<IDeskRequestStatisticsSource, DeskRequestStatisticsSource>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, DeskRequestChangeFeed>();
        services.AddIntegrationEvent<DeskRequestEscalatedEto>(DeskRequestEscalatedEto.EventName);
        services.AddIntegrationEventHandler<DeskRequestEscalatedEto, EscalationNoticeHandler>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("ServiceDeskUi:Nav", "/ServiceDesk", ServiceDeskPermissions.Desk.Read),
        new("ServiceDeskUi:PortalNav", "/ServiceDesk/Portal", ServiceDeskPermissions.Portal.Use),
    ];

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => ServiceDeskDeadlinePolicies.All;

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await ServiceDeskDemoSeed.ApplyAsync(services, ct);
        if (DemoVolume.Wanted(services) is { } volume) await ServiceDeskDemoVolume.ApplyAsync(services, volume, ct);
    }

    public void ConfigureModel(ModelBuilder model) => ServiceDeskModelConfiguration.Configure(model);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapServiceDeskEndpoints();

    /// <summary>Acknowledgement and feedback periods run on the kernel's clocks and its sweep (reminders, 催办 → 督办 → 通报).</summary>
    public void ConfigureJobs(IRecurringJobManager jobs)
    {
    }
}
