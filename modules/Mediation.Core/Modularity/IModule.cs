using Hangfire;
using Mediation.Core.Deadlines.Domain;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Modularity;

/// <summary>
/// What a module contributes to the host. The host lists its modules explicitly, so a reader can
/// follow every registration from Program.cs without assembly scanning.
/// </summary>
public interface IModule
{
    /// <summary>Kebab-case key: the route prefix under /api and the prefix of recurring job ids.</summary>
    string Name { get; }

    /// <summary>The database schema (PostgreSQL, SQL Server) that holds the module's tables.</summary>
    string Schema => Name.Replace('-', '_');

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    void ConfigureModel(ModelBuilder model);

    void MapEndpoints(RouteGroupBuilder api);

    void ConfigureJobs(IRecurringJobManager jobs);

    /// <summary>The module's entries in the shell's navigation, in order; the layout filters them by permission.</summary>
    IReadOnlyList<MenuItem> MenuItems => [];

    /// <summary>The module's cards on the workbench (the home page); the kernel shows those whose permission the user holds.</summary>
    IReadOnlyList<WorkbenchCard> WorkbenchCards => [];

    /// <summary>The module's time limits, each citing its article; the kernel's clocks only apply them.</summary>
    IReadOnlyList<DeadlinePolicy> DeadlinePolicies => [];

    /// <summary>Demo data of the module, applied after the org tree and demo accounts when Demo:Enabled; must be idempotent.</summary>
    Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
