using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents;
using Mediation.Core.Security;
using Hangfire;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Data;
using Mediation.Web.Documents.Application;
using Mediation.Web.Documents.Templates;
using Mediation.Core.Modularity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mediation.Web.Documents;

/// <summary>
/// Printed documents for every module: PDF layout on PDFsharp, Scriban templates with versioned
/// overrides, streamed Excel exports, and the archive of issued documents with their hashes.
/// </summary>
public sealed class DocumentsModule : IModule
{
    public string Name => "documents";

    public string Schema => "core";

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DocumentsOptions>(configuration.GetSection(DocumentsOptions.Section));
        services.AddSingleton<DocumentPdf>();
        services.AddSingleton<IDocumentPdf>(sp => sp.GetRequiredService<DocumentPdf>());
        services.AddSingleton<TemplateFolder>();
        services.AddPermissions(DocumentsPermissions.Definitions);
        services.TryAddScoped<ICurrentUserName, CurrentUserName>();
        services.AddScoped<DocumentTemplateAppService>();
        services.AddScoped<DocumentArchiveAppService>();
        services.AddScoped<IDocumentArchive>(sp => sp.GetRequiredService<DocumentArchiveAppService>());
    }

    public void ConfigureModel(ModelBuilder model)
    {
        model.ApplyConfiguration(new DocumentTemplateVersionConfiguration());
        model.ApplyConfiguration(new IssuedDocumentConfiguration());
    }

    public void MapEndpoints(RouteGroupBuilder api) => api.MapDocumentsEndpoints();

    public void ConfigureJobs(IRecurringJobManager jobs)
    {
        // Documents are issued on request; nothing runs on a schedule.
    }
}
