using Hangfire;
using Mediation.Cases;
using Mediation.Core;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.JointMeetings;
using Mediation.Petitions.Application;
using Mediation.Petitions.Data;
using Mediation.Petitions.Domain;
using Mediation.Petitions.Endpoints;
using Mediation.Petitions.Jobs;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Petitions;

public sealed class PetitionsModule : IModule
{
    public string Name => PetitionsModuleInfo.Name;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalizationSource(typeof(PetitionsModuleInfo).Assembly);
        services.AddLocalizationSource(typeof(PetitionsModule).Assembly);
        services.AddPermissions(PetitionsPermissions.Definitions);
        services.AddSingleton(DuplicateCheckSettings.From(configuration));
        services.AddScoped<PetitionAppService>();
        services.AddSingleton<PetitionRegistrationBatch>();
        services.AddScoped<IDeadlineRecordDescriber, PetitionDeadlineRecords>();
        services.AddScoped<PetitionProceedingsAppService>();
        services.AddScoped<PetitionPageQuery>();
        services.AddScoped<PetitionListQuery>();
        services.AddScoped<Mediation.Core.Exports.IExportProducer, PetitionListExport>();
        services.AddScoped<PetitionHandOverAppService>();
        services.AddScoped<AttachmentEncryptionJob>();
        services.AddScoped<IPetitionStatusReader, PetitionStatusReader>();
        services.AddScoped<IPetitionReferralIntegrationService, PetitionReferralIntegrationService>();
        services.AddIntegrationEventHandler<CaseConcludedEto, CaseConcludedHandler>();
        services.AddIntegrationEventHandler<CaseAgreementEffectiveEto, AgreementEffectiveHandler>();
        services.AddIntegrationEventHandler<CaseReopenedEto, CaseReopenedHandler>();
        services.AddIntegrationEventHandler<JointMeetingTaskAcceptedEto, JointMeetingTaskAcceptedHandler>();
        services.AddIntegrationEvent<PetitionJointMeetingRequestedEto>(PetitionJointMeetingRequestedEto.EventName);
        services.AddIntegrationEvent<PetitionsChangedEto>(PetitionsChangedEto.EventName, events => new([.. events.SelectMany(e => e.PetitionIds).Distinct()]));
        services.AddScoped<IPetitionStatisticsSource, PetitionStatisticsSource>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor, PetitionChangeFeed>();
    }

    public IReadOnlyList<MenuItem> MenuItems { get; } =
    [
        new("PetitionsUi:Nav", "/Petitions", PetitionsPermissions.Petitions.Read),
    ];

    public IReadOnlyList<DeadlinePolicy> DeadlinePolicies => PetitionDeadlinePolicies.All;

    public IReadOnlyList<WorkbenchCard> WorkbenchCards => PetitionWorkbenchCards.All;

    public void ConfigureModel(ModelBuilder model) => PetitionsModelConfiguration.Configure(model);

    public async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await PetitionsDemoSeed.ApplyAsync(services, ct);
        if (DemoVolume.Wanted(services) is { } volume) await PetitionsDemoVolume.ApplyAsync(services, volume, ct);
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapPetitionsEndpoints();

    // Acceptance, handling, review and re-examination periods run on the kernel's clocks and its sweep.
    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AttachmentEncryptionJob>(AttachmentEncryptionJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
