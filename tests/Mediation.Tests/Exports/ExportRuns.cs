using Mediation.Core.Data;
using Mediation.Core.Exports;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Exports;

/// <summary>The tests' hosts run no Hangfire server: a test runs the enqueued export job itself, as a worker would.</summary>
internal static class ExportRuns
{
    public static async Task RunAsync(MediationAppFactory app, Guid exportId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var enqueued = scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 5000);
        enqueued.ShouldContain(j => j.Value.Job.Type == typeof(ExportJobRunner) && (Guid)j.Value.Job.Args[0] == exportId, "the export runs as a Hangfire job");
        await scope.ServiceProvider.GetRequiredService<ExportJobRunner>().RunAsync(exportId, CancellationToken.None);
    }

    /// <summary>Every export still queued, as the page's users asked for them.</summary>
    public static async Task RunQueuedAsync(MediationAppFactory app)
    {
        List<Guid> queued;
        await using (var scope = app.Services.CreateAsyncScope())
            queued = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<ExportJob>()
                .Where(e => e.State == ExportJobState.Queued).Select(e => e.Id).ToListAsync();
        foreach (var id in queued) await RunAsync(app, id);
    }
}
