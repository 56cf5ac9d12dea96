using System.Net;
using System.Text.Json;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Security;
using Mediation.Identity;
using Mediation.LegalWindows;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Exports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.LegalWindows.LegalWindowSetup;

namespace Mediation.Tests.Exports;

/// <summary>Producers that fail, and a requester who loses his account before the job runs: each ends as a failed export with its code.</summary>
public sealed class ExportFailures_Tests(ExportFailures_Tests.App app) : IClassFixture<ExportFailures_Tests.App>
{
    public sealed class App() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: services =>
    {
        services.AddScoped<IExportProducer>(_ => new Failing("test.refused", new BusinessException("Exports:NotReady")));
        services.AddScoped<IExportProducer>(_ => new Failing("test.broken", new InvalidOperationException("disk full")));
        services.AddScoped<IExportProducer, WhoAmI>();
    }));

    private sealed class Failing(string kind, Exception failure) : IExportProducer
    {
        public string Kind => kind;

        public string Permission => LegalWindowsPermissions.Windows.Read;

        public Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct) => Task.FromResult(new ExportFile("x.txt", "text/plain"));

        public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
        {
            await progress.ReportAsync(1, 2, ct);
            throw failure;
        }
    }

    /// <summary>Writes who the job ran as and the scope it saw.</summary>
    private sealed class WhoAmI(ICurrentUser user, IDataScope scope) : IExportProducer
    {
        public string Kind => "test.who-am-i";

        public string Permission => LegalWindowsPermissions.Windows.Read;

        public Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct) => Task.FromResult(new ExportFile("who.txt", "text/plain"));

        public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct) =>
            await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"{user.UserName}|{scope.OrgUnitPath}"), ct);
    }

    private async Task<ExportJobDto> RunAsync(HttpClient client, string kind)
    {
        var requested = await OkAsync<ExportJobDto>(await client.PostJsonAsync("/api/exports", new { kind }), HttpStatusCode.Accepted);
        await ExportRuns.RunAsync(app.Factory, requested.Id);
        return await OkAsync<ExportJobDto>(await client.GetAsync($"/api/exports/{requested.Id}"));
    }

    [Theory]
    [InlineData("test.refused", "Exports:NotReady")]
    [InlineData("test.broken", ExportErrorCodes.Failed)]
    public async Task A_failing_producer_ends_the_export_as_failed_with_a_problem_code(string kind, string code)
    {
        var client = await app.Factory.ClientAsAsync("demo.coordinator", "en");
        var failed = await RunAsync(client, kind);
        (failed.State, failed.ErrorCode, failed.DownloadUrl).ShouldBe((ExportJobState.Failed, (string?)code, (string?)null));
        failed.Error.ShouldNotBeNullOrWhiteSpace();
        failed.Error.ShouldNotContain("disk full");
        await ShouldBeRefusedAsync(await client.GetAsync($"/api/exports/{failed.Id}/file"), ExportErrorCodes.NotReady, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_job_runs_as_its_requester_with_his_scope()
    {
        var client = await app.Factory.ClientAsAsync("demo.coordinator");
        var done = await RunAsync(client, "test.who-am-i");
        done.State.ShouldBe(ExportJobState.Done, done.Error);
        var text = await (await client.GetAsync(done.DownloadUrl)).Content.ReadAsStringAsync();
        text.ShouldStartWith("demo.coordinator|/");
        text.Split('|')[1].ShouldNotBeNullOrEmpty("a scope, not the unrestricted one of a job");
    }

    [Fact]
    public async Task An_export_whose_requester_was_deactivated_before_it_ran_fails_without_writing()
    {
        const string userName = "test.exports.leaver";
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var coordinator = await users.FindByNameAsync("demo.coordinator");
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = userName, DisplayName = "离职人员", OrgUnitId = coordinator!.OrgUnitId,
                CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true, EmailConfirmed = true,
            };
            (await users.CreateAsync(user, MediationAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, RoleNames.Coordinator)).Succeeded.ShouldBeTrue();
        }
        var client = await app.Factory.ClientAsAsync(userName);
        var requested = await OkAsync<ExportJobDto>(await client.PostJsonAsync("/api/exports", new { kind = "test.who-am-i" }), HttpStatusCode.Accepted);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName);
            user!.IsActive = false;
            await users.UpdateAsync(user);
        }
        await ExportRuns.RunAsync(app.Factory, requested.Id);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var job = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<ExportJob>().FindAsync(requested.Id);
            (job!.State, job.ErrorCode, job.Content).ShouldBe((ExportJobState.Failed, (string?)ExportErrorCodes.OwnerNoLongerAllowed, (byte[]?)null));
        }
    }
}
