using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Deadlines;
using Hangfire;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Web.Deadlines;

/// <summary>Clocks on records, the enforcement sweep and the "due soon / overdue" dashboard: /api/deadlines.</summary>
public sealed class DeadlinesModule : IModule
{
    public string Name => "deadlines";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions(DeadlinesPermissions.Definitions);
        services.AddAuthorizationBuilder().AddPolicy(DeadlinesPermissions.Dashboard.PagePolicy, p => p.RequireAuthenticatedUser()
            .RequireClaim(MediationClaimTypes.Permission, DeadlinesPermissions.Dashboard.Read, DeadlinesPermissions.Dashboard.ReadByUnit));
        services.AddScoped<IDeadlineClocks, DeadlineClockAppService>();
        services.AddScoped<DashboardAppService>();
        services.AddScoped<IRecordReferences, RecordReferences>();
        services.AddScoped<StepInserter>();
        services.AddScoped<Mediation.Core.Data.RowInserter>();
        services.AddScoped<DeadlineSweepJob>();
        services.AddScoped<DeadlineNoticeJob>();
    }

    public void ConfigureModel(ModelBuilder model)
    {
        model.ApplyConfiguration(new DeadlineClockConfiguration());
        model.ApplyConfiguration(new DeadlineClockEventConfiguration());
        model.ApplyConfiguration(new DeadlineStepConfiguration());
    }

    public IReadOnlyList<WorkbenchCard> WorkbenchCards { get; } = [OverdueByUnitCard.Card];

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDeadlineEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DeadlineSweepJob>(DeadlineSweepJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}
