using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.LegalWindows;
using Mediation.LegalWindows.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;
using static Mediation.Tests.LegalWindows.LegalWindowSetup;

namespace Mediation.Tests.Exports;

/// <summary>Background exports through the real pipeline: requested, run as the requester, polled, downloaded by him alone.</summary>
public abstract class ExportsApi_Tests : ProviderTests
{
    private static RecordServiceInput Consultation(Guid windowId) => new(windowId, ServiceKind.Consultation, DateTimeOffset.UtcNow.AddMinutes(-30),
        new ServedPersonInput("王某某", null, null), "邻居翻建院墙占用宅基地" + Suffix(), "告知可申请人民调解", 25, "民法典第二百八十八条");

    private async Task<(ServiceRecordDto Record, string Month, Guid WindowId)> RecordedAsync()
    {
        var advisor = await ClientAsync(userName: Advisor);
        var window = (await OkAsync<List<WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");
        var record = await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", Consultation(window.Id)), HttpStatusCode.Created);
        return (record, ChinaTime.ToChina(record.ServedAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), window.Id);
    }

    private static object Ledger(string month, Guid? windowId = null) =>
        new { kind = LedgerExport.ExportKind, parameters = new { month, windowId } };

    private async Task<List<IDictionary<string, object?>>> ExportedRowsAsync(HttpClient client, object request)
    {
        var requested = await OkAsync<ExportJobDto>(await client.PostJsonAsync("/api/exports", request), HttpStatusCode.Accepted);
        await ExportRuns.RunAsync(await AppAsync(), requested.Id);
        var done = await OkAsync<ExportJobDto>(await client.GetAsync($"/api/exports/{requested.Id}"));
        done.State.ShouldBe(ExportJobState.Done, done.Error);
        using var file = new MemoryStream(await (await client.GetAsync(done.DownloadUrl)).Content.ReadAsByteArrayAsync());
        return file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task A_ledger_export_is_queued_run_in_the_background_polled_and_downloaded_by_its_owner()
    {
        var app = await AppAsync();
        var (record, month, windowId) = await RecordedAsync();
        var advisor = await ClientAsync(userName: Advisor);

        var response = await advisor.PostJsonAsync("/api/exports", Ledger(month, windowId));
        var requested = await OkAsync<ExportJobDto>(response, HttpStatusCode.Accepted);
        response.Headers.Location!.ToString().ShouldBe($"/api/exports/{requested.Id}");
        (requested.State, requested.FileName, requested.DownloadUrl).ShouldBe((ExportJobState.Queued, $"法律顾问工作台账{month}.xlsx", (string?)null));
        await ShouldBeRefusedAsync(await advisor.GetAsync($"/api/exports/{requested.Id}/file"), ExportErrorCodes.NotReady, HttpStatusCode.Conflict);

        await ExportRuns.RunAsync(app, requested.Id);
        var done = await OkAsync<ExportJobDto>(await advisor.GetAsync($"/api/exports/{requested.Id}"));
        (done.State, done.Percent, done.DownloadUrl).ShouldBe((ExportJobState.Done, 100, $"/api/exports/{requested.Id}/file"));
        done.RowsTotal.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(1);
        done.RowsDone.ShouldBe(done.RowsTotal);
        done.ExpiresAt.ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(6));
        (await OkAsync<List<ExportJobDto>>(await advisor.GetAsync("/api/exports"))).ShouldContain(e => e.Id == requested.Id && e.State == ExportJobState.Done);

        var file = await advisor.GetAsync(done.DownloadUrl);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.ShouldBe(ExportFile.Xlsx);
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"法律顾问工作台账{month}.xlsx");
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe((int)done.RowsTotal!.Value);
        var row = rows.Single(r => (string?)r["编号"] == record.Number);
        (row["法律顾问"], row["服务类别"], row["事项"]).ShouldBe(((object?)"演示法律顾问", (object?)"咨询服务", (object?)record.Matter));

        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(ExportJob) && a.EntityId == requested.Id.ToString()).ToListAsync();
        audit.Select(a => a.Action).ShouldBe([ExportsAppService.RequestedAction, ExportsAppService.FinishedAction, ExportsAppService.DownloadedAction], ignoreOrder: true);
        audit.ShouldAllBe(a => a.UserName == Advisor);
    }

    [Fact]
    public async Task Another_users_export_answers_exactly_like_one_that_does_not_exist()
    {
        var (_, month, windowId) = await RecordedAsync();
        var advisor = await ClientAsync(userName: Advisor);
        var requested = await OkAsync<ExportJobDto>(await advisor.PostJsonAsync("/api/exports", Ledger(month, windowId)), HttpStatusCode.Accepted);
        await ExportRuns.RunAsync(await AppAsync(), requested.Id);

        var other = await ClientAsync(userName: UnitHead);
        foreach (var path in new[] { $"/api/exports/{requested.Id}", $"/api/exports/{requested.Id}/file" })
        {
            var foreign = await other.GetAsync(path);
            var random = await other.GetAsync(path.Replace(requested.Id.ToString(), Guid.NewGuid().ToString()));
            (foreign.StatusCode, random.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
            (await foreign.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe((await random.ReadJsonAsync()).GetProperty("code").GetString());
        }
        (await OkAsync<List<ExportJobDto>>(await other.GetAsync("/api/exports"))).ShouldNotContain(e => e.Id == requested.Id);
    }

    [Fact]
    public async Task The_job_applies_the_requesters_scope_though_it_runs_with_no_request()
    {
        var app = await AppAsync();
        var (record, month, _) = await RecordedAsync();

        var mine = await ExportedRowsAsync(await ClientAsync(userName: Advisor), Ledger(month));
        mine.ShouldContain(r => (string?)r["编号"] == record.Number);
        mine.ShouldAllBe(r => ((string)r["编号"]!).StartsWith("岱东法") || ((string)r["编号"]!).StartsWith("东七里法"), "only the advisor's own windows");

        var foreignClient = await ForeignAdvisorAsync(app);
        using var sync = new MemoryStream(await (await foreignClient.GetAsync($"/api/legal-windows/ledger?month={month}")).Content.ReadAsByteArrayAsync());
        var syncRows = sync.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        syncRows.ShouldNotContain(r => ((string)r["编号"]!).StartsWith("岱东法"), "the synchronous ledger is scoped too");
        var foreign = await ExportedRowsAsync(foreignClient, Ledger(month));
        foreign.ShouldNotContain(r => ((string)r["编号"]!).StartsWith("岱东法"), "a 岱岳区 advisor's export holds nothing of 泰山区");
    }

    [Fact]
    public async Task Bad_requests_are_refused_in_the_request_not_as_failed_jobs()
    {
        var app = await AppAsync();
        var (_, month, windowId) = await RecordedAsync();
        var advisor = await ClientAsync(userName: Advisor);

        var badMonth = await advisor.PostJsonAsync("/api/exports", Ledger("2026-13"));
        badMonth.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badMonth.ReadJsonAsync()).GetProperty("errors").TryGetProperty("month", out _).ShouldBeTrue();
        var unknown = await advisor.PostJsonAsync("/api/exports", new { kind = "no-such-export", parameters = new { } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadJsonAsync()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
        var wrongType = await advisor.PostJsonAsync("/api/exports", new { kind = LedgerExport.ExportKind, parameters = new { month, windowId = 12 } });
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // A misspelt filter must not export the whole ledger unfiltered.
        var misspelt = await advisor.PostJsonAsync("/api/exports", new { kind = LedgerExport.ExportKind, parameters = new { month, window = windowId } });
        misspelt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await misspelt.ReadJsonAsync()).GetProperty("errors").TryGetProperty("parameters", out _).ShouldBeTrue();

        (await (await ForeignAdvisorAsync(app)).PostJsonAsync("/api/exports", Ledger(month, windowId))).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "another county's window is not found");
        (await (await ClientAsync(userName: "demo.petitionofficer")).PostJsonAsync("/api/exports", Ledger(month))).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "the ledger needs its permission");
        (await (await AnonymousClientAsync()).PostJsonAsync("/api/exports", Ledger(month))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class ExportsApi_Tests_on_Sqlite(SqliteApp app) : ExportsApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class ExportsApi_Tests_on_PostgreSql(PostgresCluster cluster) : ExportsApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
