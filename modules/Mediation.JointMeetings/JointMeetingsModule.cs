using Hangfire;
using Mediation.Cases;
using Mediation.Core;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.JointMeetings.Application;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Mediation.JointMeetings.Endpoints;
using Mediation.JointMeetings.Jobs;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.JointMeetings;

public sealed class JointMeetingsModule : IModule
{
    public string Name => JointMeetingsModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(JointMeetingsModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(JointMeetingsModule).Assembly);
        services.AddPermissions(JointMeetingsPermissions.Definitions);
        services.AddScoped<JointMeetingsAppService>();
        services.AddScoped<TaskAppService>();
        services.AddScoped<IDeadlineRecordDescriber, AssignedTaskDeadlineRecords>();
        services.AddScoped<LinkedRecordReader>();
        services.AddScoped<JointMeetingDocumentsAppService>();
        services.AddScoped<TaskEscalationJob>();
        services.AddScoped<IExportProducer, RegisterExport>();
        services.AddIntegrationEvent<JointMeetingTaskAcceptedEto>(JointMeetingTaskAcceptedEto.EventName);
        services.AddIntegrationEvent<TasksChangedEto>(TasksChangedEto.EventName, events => new([.. events.SelectMany(e => e.TaskIds).Distinct()]));
        services.AddScoped<ITaskStatisticsSource, TaskStatisticsSource>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, TaskChangeFeed>();
        services.AddIntegrationEventHandler<PetitionJointMeetingRequestedEto, PetitionJointMeetingRequestedHandler>();
        services.AddIntegrationEventHandler<CaseConcludedEto, LinkedCaseConcludedHandler>();
        services.AddIntegrationEventHandler<DeskRequestConcludedEto, LinkedDeskRequestConcludedHandler>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("JointMeetingsUi:Nav", "/JointMeetings", JointMeetingsPermissions.Meetings.Read),
        new("JointMeetingsUi:SupervisionNav", "/JointMeetings/Supervision", JointMeetingsPermissions.Meetings.Read),
        new("JointMeetingsUi:MyTasksNav", "/JointMeetings/Tasks", JointMeetingsPermissions.Tasks.Report),
    ];

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => JointMeetingDeadlinePolicies.All;

    public IReadOnlyList<WorkbenchCard> WorkbenchCards => JointMeetingWorkbenchCards.All;

    public void ConfigureModel(ModelBuilder model) => JointMeetingsModelConfiguration.Configure(model);

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await JointMeetingsDemoSeed.ApplyAsync(services, ct);
        if (DemoVolume.Wanted(services) is { } volume) await JointMeetingsDemoVolume.ApplyAsync(services, volume, ct);
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapJointMeetingsEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<TaskEscalationJob>(TaskEscalationJob.JobId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
}
