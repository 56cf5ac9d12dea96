using Hangfire;
using Mediation.Cases;
using Mediation.Core;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Mediation.Statistics.Application;
using Mediation.Statistics.Data;
using Mediation.Statistics.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Statistics;

/// <summary>
/// The figures statisticians report. It reads the other modules only through their contracts and change events, and keeps one
/// fact row per record and, beside the facts, monthly counts per unit, kind and month moved by the same changes, so that a figure
/// over whole months sums a few thousand rows; both are equal to a recount at any time.
/// </summary>
public sealed class StatisticsModule : IModule
{
    public string Name => StatisticsModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(StatisticsModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(StatisticsModule).Assembly);
        services.AddPermissions(StatisticsPermissions.Definitions);
        services.AddScoped<FactKeeper>();
        services.AddScoped<MonthlyCounter>();
        services.AddScoped<FigureService>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IDbCommandInterceptor, SqliteIndexHint>();
        services.AddScoped<RecountService>();
        services.AddScoped<RecountJob>();
        services.AddScoped<ReportBuilder>();
        services.AddScoped<Mediation.Core.Exports.IExportProducer, ReportExport>();
        services.AddIntegrationEventHandler<CasesChangedEto, RecordsChangedHandler>();
        services.AddIntegrationEventHandler<PetitionsChangedEto, RecordsChangedHandler>();
        services.AddIntegrationEventHandler<ServiceRecordsChangedEto, RecordsChangedHandler>();
        services.AddIntegrationEventHandler<TasksChangedEto, RecordsChangedHandler>();
        services.AddIntegrationEventHandler<DeskRequestsChangedEto, RecordsChangedHandler>();
        services.AddIntegrationEventHandler<Mediation.Core.OrgUnits.OrgUnitChangedEto, UnitMovedHandler>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("StatisticsUi:Nav", "/Statistics", StatisticsPermissions.Figures.Read),
    ];

    public void ConfigureModel(ModelBuilder model) => StatisticsModelConfiguration.Configure(model);

    public void MapEndpoints(RouteGroupBuilder api) => api.MapStatisticsEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // Figures are kept by the modules' change events; the recount runs only when asked for (POST /api/statistics/recount).
    }

    /// <summary>Demo records seeded before this module existed get their facts.</summary>
    public Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RecountService>().RecountAsync(ct);
}
