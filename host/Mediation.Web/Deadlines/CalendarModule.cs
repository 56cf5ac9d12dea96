using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Deadlines;
using Hangfire;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Data;
using Mediation.Core.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mediation.Web.Deadlines;

public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Folder of the per-year files (2025.json…); default: calendars beside the application, else etc/calendars upwards.</summary>
    public string? Path { get; set; }

    public bool ImportOnStartup { get; set; } = true;

    public string ResolvePath() => Path is { Length: > 0 } configured
        ? configured
        : Mediation.Core.Notifications.Application.NotificationOptions.BesideAppOrUpwards("calendars", System.IO.Path.Combine("etc", "calendars"));
}

/// <summary>The working calendar (statutory holidays, 调休) and the deadline policies: /api/calendar.</summary>
public sealed class CalendarModule : IModule
{
    public string Name => "calendar";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.Configure<DeadlineOptions>(configuration.GetSection(DeadlineOptions.Section));
        services.AddSingleton<DeadlinePolicies>();
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<CalendarAppService>();
        services.AddScoped<ClockRecomputer>();
        services.AddHostedService<CalendarImportService>();
    }

    public void ConfigureModel(ModelBuilder model)
    {
        model.ApplyConfiguration(new CalendarYearConfiguration());
        model.ApplyConfiguration(new CalendarDayConfiguration());
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapCalendarEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // Calendar changes recompute clocks at once; nothing is time-driven here.
    }
}

/// <summary>At start-up, loads the calendar files of years the database does not hold yet (before the host serves requests).</summary>
internal sealed class CalendarImportService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<CalendarOptions> options, ILogger<CalendarImportService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ImportOnStartup) return;
        var folder = options.Value.ResolvePath();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var imported = await scope.ServiceProvider.GetRequiredService<CalendarAppService>().ImportFilesAsync(folder, cancellationToken);
            if (imported.Count > 0) logger.LogInformation("Working calendar loaded from {Folder}: {Years}", folder, imported);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A host whose database is not migrated yet (MigrateOnStartup=false) still starts; the next start imports.
            logger.LogWarning(ex, "Working calendar files in {Folder} were not imported", folder);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
