using Hangfire;
using Mediation.Cases;
using Mediation.Core;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.LegalWindows.Application;
using Mediation.LegalWindows.Data;
using Mediation.LegalWindows.Domain;
using Mediation.LegalWindows.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.LegalWindows;

public sealed class LegalWindowsModule : IModule
{
    public string Name => LegalWindowsModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(LegalWindowsModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(LegalWindowsModule).Assembly);
        services.AddPermissions(LegalWindowsPermissions.Definitions);
        services.AddScoped<AdvisorScope>();
        services.AddScoped<WindowAppService>();
        services.AddScoped<ServiceRecordAppService>();
        services.AddScoped<IDeadlineRecordDescriber, ServiceRecordDeadlineRecords>();
        services.AddScoped<ReferralAppService>();
        services.AddScoped<MediationParticipationAppService>();
        services.AddScoped<ServiceDocumentsAppService>();
        services.AddScoped<IExportProducer, LedgerExport>();
        services.AddScoped<ServiceRecordListQuery>();
        services.AddScoped<IExportProducer, ServiceRecordListExport>();
        services.AddScoped<UncoveredShiftsJob>();
        services.AddScoped<IServiceRecordStatusReader, ServiceRecordStatusReader>();
        services.AddIntegrationEventHandler<CaseConcludedEto, ReferralConcludedHandler>();
        services.AddIntegrationEvent<ServiceRecordsChangedEto>(ServiceRecordsChangedEto.EventName, events => new([.. events.SelectMany(e => e.RecordIds).Distinct()]));
        services.AddScoped<IServiceStatisticsSource, ServiceStatisticsSource>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, ServiceRecordChangeFeed>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("LegalWindowsUi:Nav", "/LegalWindows", LegalWindowsPermissions.Windows.Read),
    ];

    public IReadOnlyList<WorkbenchCard> WorkbenchCards => LegalWindowWorkbenchCards.All;

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => LegalWindowDeadlinePolicies.All;

    public void ConfigureModel(ModelBuilder model) => LegalWindowsModelConfiguration.Configure(model);

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await LegalWindowsDemoSeed.ApplyAsync(services, ct);
        if (DemoVolume.Wanted(services) is { } volume) await LegalWindowsDemoVolume.ApplyAsync(services, volume, ct);
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapLegalWindowsEndpoints();

    /// <summary>The 代办 errand's due date runs on the kernel's clocks and its sweep; uncovered shifts are looked for hourly.</summary>
    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<UncoveredShiftsJob>(UncoveredShiftsJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
