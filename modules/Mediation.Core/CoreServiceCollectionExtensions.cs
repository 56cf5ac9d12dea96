using System.Text.Json;
using Hangfire;
using Mediation.Core.Data;
using Mediation.Core.Errors;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Mediation.Core.Modularity;
using Mediation.Core.Numbering;
using Mediation.Core.Polling;
using Mediation.Core.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The kernel's services, then each module's, in the catalog's order.</summary>
    public static IServiceCollection AddMediationCore(this IServiceCollection services, IConfiguration configuration, ModuleCatalog modules)
    {
        services.AddSingleton(modules);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddLocalizationSource(typeof(CoreServiceCollectionExtensions).Assembly);
        services.AddSingleton<TextCatalog>();
        services.AddSingleton<IStringLocalizer, CatalogStringLocalizer>();
        services.AddSingleton<ProblemWriter>();
        services.AddSingleton<ICorrelationIdAccessor, HttpCorrelationIdAccessor>();

        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.ModelBinderProviders.Insert(0, new Web.Pages.StrictEnumModelBinderProvider());
            o.Filters.Add(new Web.Pages.QueryBindingPageFilter());
            o.Filters.Add(new Web.Pages.AntiforgeryFailureFilter());
            o.Filters.Add(new Web.Pages.FormTextPageFilter());
        });
        services.Configure<JsonSerializerOptionsHolder>(o => ConfigureJson(o.Options));
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddSingleton<IntegrationEventRegistry>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IPollWaits, RuntimePollWaits>();
        services.AddScoped<IIntegrationEventPublisher, OutboxPublisher>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();
        services.AddScoped<OutboxCleanupJob>();
        services.AddScoped<INumberSequence, NumberSequence>();
        services.AddScoped<BulkInserter>();
        services.AddScoped<IWorkLeases, WorkLeases>();

        foreach (var module in modules.Modules)
            module.ConfigureServices(services, configuration);
        return services;
    }

    public static IServiceCollection AddLocalizationSource(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        services.AddSingleton(new LocalizationSource(assembly));
        return services;
    }

    /// <summary>One JSON shape for the API and for stored events: camelCase, enums as names, China time.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        // Responses are JSON documents, never inlined into HTML: keep Chinese and '+' readable.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.OfType<StrictEnumJsonConverter>().Any())
            options.Converters.Add(new StrictEnumJsonConverter());
        if (!options.Converters.OfType<WellFormedJsonElementConverter>().Any())
            options.Converters.Add(new WellFormedJsonElementConverter());
        if (!options.Converters.OfType<ChinaTimeJsonConverter>().Any())
            options.Converters.Add(new ChinaTimeJsonConverter());
    }

    public static void ConfigureCoreJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<OutboxCleanupJob>("core:outbox-cleanup", j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
    }
}
