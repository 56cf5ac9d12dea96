using Hangfire;
using Mediation.Core;
using Mediation.Core.Data;
using Mediation.Core.Documents.Application;
using Mediation.Web.Documents.Application;
using Mediation.Web.Documents.Templates;
using Mediation.Core.Errors;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Localization;
using Mediation.Core.Modularity;
using Mediation.Core.Web;
using Mediation.Host;
using Mediation.Host.Data;
using Mediation.Identity;
using Mediation.Web.Http;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;

var builder = WebApplication.CreateBuilder(args);
var modules = HostModules.Create();
// A module's scripts ship in its Razor class library (_content/<assembly>/…). The SDK maps them only in Development;
// run from the build output in any environment they come through this manifest, and a published app has them in wwwroot.
builder.WebHost.UseStaticWebAssets();
// Requests Kestrel itself refuses (a NUL in the path, a malformed request line) get a problem body like every other error.
builder.WebHost.ConfigureKestrel(o => o.ConfigureEndpointDefaults(listen =>
    listen.Use(next => new ServerRejectionProblems(next, listen.ApplicationServices.GetRequiredService<ProblemWriter>()).OnConnectionAsync)));

builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None);
builder.Services.AddMediationCore(builder.Configuration, modules);
builder.Services.AddMediationSecurity(builder.Configuration);
// Cookies and bearer tokens are protected with the Data Protection key ring; hosts behind one
// load balancer must share it (a shared folder here; a database or key vault works the same way).
if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
    builder.Services.AddDataProtection().SetApplicationName("Mediation").PersistKeysToFileSystem(new DirectoryInfo(keysPath));
builder.Services.AddMediationDatabase(builder.Configuration);
builder.Services.AddScoped<DatabaseMigrator>();
builder.Services.AddMediationHangfire(builder.Configuration);
_ = StartupMemoryTrim.Delay(builder.Configuration); // a wrong setting stops the start, not the host minutes later
builder.Services.AddSingleton<StartupMemoryTrim>();
builder.Services.AddHostedService(services => services.GetRequiredService<StartupMemoryTrim>());

builder.Services.ConfigureHttpJsonOptions(o => CoreServiceCollectionExtensions.ConfigureJson(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Mediation API (访调对接)";
    document.Info.Description = "Petitions and people's mediation working as one. Errors are RFC 9457 problem details with a stable `code`. "
        + "Authenticate with POST /api/auth/token and send `Authorization: Bearer <accessToken>`.";
    return Task.CompletedTask;
}).AddDocumentTransformer<BearerSecurityTransformer>().AddSchemaTransformer<EnumNamesSchemaTransformer>().AddMediationContract()
    .AddDocumentTransformer<SharedEnumsNotNullableTransformer>());
builder.Services.AddHealthChecks()
    .AddDbContextCheck<MediationDbContext>("database", tags: ["ready"])
    .AddCheck<DocumentsHealthCheck>("documents", tags: ["ready"]);
builder.Services.AddRazorPages();
// Chinese pages stay readable in the source (and half the size) instead of &#x..; entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    o.SetDefaultCulture(TextCatalog.DefaultCulture)
        .AddSupportedCultures([.. TextCatalog.SupportedCultures])
        .AddSupportedUICultures([.. TextCatalog.SupportedCultures]);
    // Pages speak Chinese unless the user picks English (cookie); API clients may ask per request.
    o.RequestCultureProviders =
    [
        new QueryStringRequestCultureProvider(),
        new CookieRequestCultureProvider(),
        new ApiOnlyRequestCultureProvider(new AcceptLanguageHeaderRequestCultureProvider()),
    ];
    o.FallBackToParentCultures = true;
    o.FallBackToParentUICultures = true;
    o.ApplyCurrentCultureToResponseHeaders = true;
});

var app = builder.Build();

if (args.Contains("migrate"))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    app.Logger.LogInformation("Database is up to date.");
    return;
}

// What needs the database (EF Core building its model, the migrations, the seeds) runs on its own task beside what does not
// (the middleware and endpoints, Razor Pages' action discovery, the font and templates): on two cores the model's build, the
// longest single item of a warm start, overlaps the rest. The server listens only once both are done (awaited before RunAsync),
// so /health/ready never answers before the database is migrated and seeded.
var migrated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var databaseSetUp = app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup
    ? Task.Run(async () =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None, () => migrated.TrySetResult());
    })
    : Task.CompletedTask;
if (databaseSetUp.IsCompleted) migrated.TrySetResult();

app.UseConfiguredForwardedHeaders(app.Configuration);
app.UseMiddleware<SecurityHeadersMiddleware>();
if (!app.Environment.IsDevelopment()) app.UseHsts();
// Pages get the friendly error page; API requests never reach it, ApiErrorMiddleware answers them first.
app.UseExceptionHandler("/Error");
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseRequestLocalization();
app.UseMiddleware<ApiErrorMiddleware>();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest, HttpOnly = HttpOnlyPolicy.None });
app.UseAuthentication();
app.UseMiddleware<ApiCookieForgeryMiddleware>();
app.UseMiddleware<SignedInOnlyMiddleware>();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();
app.UseMiddleware<FormWithNulMiddleware>();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json");
app.UseSwaggerUI(o =>
{
    o.RoutePrefix = "swagger";
    o.SwaggerEndpoint("/openapi/v1.json", "Mediation API v1");
});
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResponseWriter = HealthReportWriter.WriteAsync,
});

var api = app.MapGroup("/api");
api.AddEndpointFilterFactory(StrictEnumParameters.Filter);
api.AddEndpointFilterFactory(ParameterBounds.Filter);
api.AddEndpointFilterFactory(ControlCharacters.Filter);
foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
    module.MapEndpoints(api.MapGroup("/" + module.Name).WithTags(module.Name));

app.MapRazorPages();
// Razor Pages discover their actions, and the readiness check reads the CJK font's headers and finds the templates, on the first
// request; done here, they overlap the database's task instead. Readiness still checks both (DocumentsHealthCheck).
_ = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors;
// The first request also builds every endpoint (the generated delegates, the API group's filter factories). The route table it
// uses is built then, from these data sources; building them once here compiles that code while the database's task runs, so
// the first request only runs it again.
foreach (var source in ((IEndpointRouteBuilder)app).DataSources) _ = source.Endpoints;
_ = app.Services.GetRequiredService<DocumentPdf>().Problem;
_ = app.Services.GetRequiredService<TemplateFolder>().Path;

// Hangfire's storage connects to the application's database when it is first resolved (the dashboard's mapping, the recurring
// jobs) and on PostgreSQL and SQL Server prepares its schema there; on a fresh deployment that database is created by the
// migrations, so Hangfire waits for them (not for the seeds). A failed migration ends the wait too, and is thrown below.
// On SQLite its storage is a file of its own (HangfireSetup.HangfireSqlitePath) that the migrations never touch: it is set up
// while the database's task still runs, instead of after it (issue 17, P5: a tenth of a warm start came off the critical path).
if (app.Services.GetRequiredService<DatabaseOptions>().Provider is not DatabaseProvider.Sqlite)
    await Task.WhenAny(migrated.Task, databaseSetUp);
if (databaseSetUp.IsFaulted) await databaseSetUp;
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new PermissionDashboardFilter(CorePermissions.Jobs.Dashboard)] });
HangfireSetup.RegisterRecurringJobs(app.Services);

await databaseSetUp;
await app.RunAsync();

public partial class Program;
