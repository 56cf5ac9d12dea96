using Hangfire;
using Mediation.Cases.Application;
using Mediation.Cases.Data;
using Mediation.Cases.Domain;
using Mediation.Cases.Endpoints;
using Mediation.Core;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Security;
using Mediation.Core.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Cases;

public sealed class CasesModule : IModule
{
    public string Name => CasesModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(CasesModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(CasesModule).Assembly);
        services.AddPermissions(CasesPermissions.Definitions);
        services.AddScoped<CaseAppService>();
        services.AddScoped<IDeadlineRecordDescriber, CaseDeadlineRecords>();
        services.AddScoped<CaseProceedingsAppService>();
        services.AddScoped<CaseListQuery>();
        services.AddScoped<Mediation.Core.Exports.IExportProducer, CaseListExport>();
        services.AddScoped<FollowUpAppService>();
        services.AddScoped<SessionPlanAppService>();
        services.AddScoped<CaseTermAppService>();
        services.AddScoped<CaseDocumentsAppService>();
        services.AddScoped<ICaseIntakeIntegrationService, CaseIntakeIntegrationService>();
        services.AddScoped<ICaseStatusReader, CaseStatusReader>();
        services.AddScoped<ICaseParticipationIntegrationService, CaseParticipationIntegrationService>();
        services.AddIntegrationEvent<CaseRaisedToRedEto>(CaseRaisedToRedEto.EventName);
        services.AddIntegrationEventHandler<CaseRaisedToRedEto, RedAlertHandler>();
        services.AddIntegrationEvent<CaseConcludedEto>(CaseConcludedEto.EventName);
        services.AddIntegrationEvent<CaseAgreementEffectiveEto>(CaseAgreementEffectiveEto.EventName);
        services.AddIntegrationEvent<CaseReopenedEto>(CaseReopenedEto.EventName);
        services.AddIntegrationEvent<CasesChangedEto>(CasesChangedEto.EventName, events => new([.. events.SelectMany(e => e.CaseIds).Distinct()]));
        services.AddScoped<ICaseStatisticsSource, CaseStatisticsSource>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, CaseChangeFeed>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("Cases:ModuleName", "/Cases", CasesPermissions.Cases.Read),
        new("Visits:Title", "/Cases/Visits", CasesPermissions.Visits.Record),
    ];

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => CaseDeadlinePolicies.All;

    public IReadOnlyList<WorkbenchCard> WorkbenchCards => CaseWorkbenchCards.All;

    public void ConfigureModel(ModelBuilder model) => CasesModelConfiguration.Configure(model);

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await CasesDemoSeed.ApplyAsync(services, ct);
        if (DemoVolume.Wanted(services) is { } volume) await CasesDemoVolume.ApplyAsync(services, volume, ct);
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapCasesEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // Deadlines (mediation term, judicial confirmation) run on the kernel's clocks and its sweep.
    }
}
