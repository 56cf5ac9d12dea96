using Hangfire;
using Mediation.Core;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Modularity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Web.Exports;

/// <summary>
/// Background exports for every module (<see cref="IExportProducer"/>): requested with <c>POST /api/exports</c> or by a module's
/// page through <see cref="IExportJobs"/>, written by a Hangfire job as the requester, listed with their progress at /Exports and
/// downloaded by the requester alone until they expire.
/// </summary>
public sealed class ExportsModule : IModule
{
    public string Name => "exports";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.Section));
        services.AddLocalizationSource(typeof(ExportsModule).Assembly);
        services.AddScoped<ExportsAppService>();
        services.AddScoped<IExportJobs>(sp => sp.GetRequiredService<ExportsAppService>());
        services.AddScoped<ExportJobRunner>();
        services.AddScoped<ExportCleanupJob>();
    }

    public void ConfigureModel(ModelBuilder model) => model.ApplyConfiguration(new ExportJobConfiguration());

    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.WithTags("Exports");
        api.RequireAuthorization();
        api.MapPost("/", async (RequestExportInput input, ExportsAppService s, CancellationToken ct) =>
        {
            var requested = await s.RequestAsync(input, ct);
            return TypedResults.Accepted($"{ExportJobDto.ApiPrefix}/{requested.Id}", requested);
        }).WithName("Exports_Request").WithSummary("申请后台导出")
            .WithDescription("Starts a background export of the given kind (legal-windows.ledger, joint-meetings.register, statistics.report-pdf, "
                + "statistics.report-xlsx) with its parameters; 202 with the export's address. Poll it until its state is Done, then download the file.");
        api.MapGet("/", (ExportsAppService s, CancellationToken ct) => s.ListMineAsync(ct)).WithName("Exports_ListMine").WithSummary("查询我的导出");
        api.MapGet("/{id:guid}", (Guid id, ExportsAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Exports_Get").WithSummary("查询导出进度");
        api.MapGet("/{id:guid}/file", async (Guid id, ExportsAppService s, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await s.DownloadAsync(id, ct);
            return TypedResults.File(content, contentType, fileName);
        }).WithName("Exports_Download").WithSummary("下载导出文件");
    }

    public void ConfigureJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<ExportCleanupJob>(ExportCleanupJob.JobId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
}
