using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Web;
using Mediation.Petitions;
using Mediation.Petitions.Application;
using Mediation.Petitions.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// Issue 20 item 4: the petition queue filters, sorts and pages in the database (before, the page filtered the first 500 rows in memory),
/// the page keeps the filter in its address, and 导出台账 writes exactly the filtered queue.
/// </summary>
public abstract class PetitionList_Tests : ProviderTests
{
    private const string Officer = "demo.petitionofficer";

    [Fact]
    public async Task The_queue_filters_by_received_dates_unit_and_due_and_its_ledger_export_has_exactly_the_listed_rows()
    {
        var app = await AppAsync();
        var officer = await ClientAsync(userName: Officer);
        var first = await RegisteredAsync(officer, 1);
        var second = await RegisteredAsync(officer, 2);
        // A day of their own, years back, so that other tests' petitions never fall in the range.
        var day = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(-Random.Shared.Next(400, 4000));
        await ReceivedAtAsync(app, first.Id, ChinaTime.StartOfDay(day).AddHours(9));
        await ReceivedAtAsync(app, second.Id, ChinaTime.StartOfDay(day).AddHours(23.5));
        var range = $"from={Day(day)}&to={Day(day)}";

        var oldest = await ListAsync(officer, $"{range}&sort=Oldest");
        oldest.Items.Select(p => p.Number).ShouldBe([first.Number, second.Number]);
        (await ListAsync(officer, $"{range}&sort=Newest")).Items.Select(p => p.Number).ShouldBe([second.Number, first.Number]);
        (await ListAsync(officer, $"from={Day(day.AddDays(1))}&to={Day(day.AddDays(1))}")).Total.ShouldBe(0, "23:30 China time is still that day");
        var paged = await ListAsync(officer, $"{range}&sort=Oldest&pageSize=1&page=2");
        (paged.Total, paged.Items.Single().Number).ShouldBe((2, second.Number));
        (await ListAsync(officer, $"{range}&orgUnitId={await app.UnitIdAsync("370902")}")).Total.ShouldBe(2);
        (await ListAsync(officer, $"{range}&orgUnitId={await app.UnitIdAsync("370902002")}")).Total.ShouldBe(0);
        (await ListAsync(officer, $"{range}&status=Accepted")).Total.ShouldBe(0);
        (await ListAsync(officer, "due=Overdue&pageSize=200")).Items.ShouldAllBe(p => p.DueAt < DateTimeOffset.UtcNow);
        (await ListAsync(officer, "due=Soon&pageSize=200")).Items.ShouldAllBe(p => p.DueAt >= DateTimeOffset.UtcNow);

        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/Petitions?{range}&sort=Oldest"));
        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..];
        main.IndexOf(first.Number, StringComparison.Ordinal).ShouldBeLessThan(main.IndexOf(second.Number, StringComparison.Ordinal));
        main.ShouldContain($"<input type=\"hidden\" name=\"from\" value=\"{Day(day)}\" />");
        var reversed = await officer.GetAsync($"/Petitions?from={Day(day)}&to={Day(day.AddDays(-1))}");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await reversed.Content.ReadAsStringAsync()).ShouldContain("收到日期至：收到日期的截止日早于起始日。");

        var unknown = await officer.PostJsonAsync("/api/exports", new { kind = PetitionListExport.ExportKind, parameters = new { from = Day(day), unit = "x" } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await unknown.Content.ReadAsStringAsync());
        var requested = await officer.PostJsonAsync("/api/exports", new { kind = PetitionListExport.ExportKind, parameters = new { from = Day(day), to = Day(day), sort = "Oldest" } });
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted, await requested.Content.ReadAsStringAsync());
        var job = await requested.ReadAsync<ExportJobDto>();
        await ExportRuns.RunAsync(app, job.Id);
        var done = await (await officer.GetAsync($"/api/exports/{job.Id}")).ReadAsync<ExportJobDto>();
        done.State.ShouldBe(ExportJobState.Done, done.Error);
        using var xlsx = new MemoryStream(await (await officer.GetAsync(done.DownloadUrl)).Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (string)r["信访事项编号"]!).ShouldBe(oldest.Items.Select(p => p.Number));
        rows.Select(r => (string)r["信访人"]!).ShouldAllBe(name => name.StartsWith("王＊", StringComparison.Ordinal) && !name.Contains('某'),
            "petitioners are masked in the ledger as in the queue");
    }

    [Fact]
    public async Task The_officers_workbench_shows_a_petition_past_its_time_and_one_due_tomorrow_each_linking_to_it()
    {
        var app = await AppAsync();
        var officer = await ClientAsync(userName: Officer);
        var overdue = await RegisteredAsync(officer, 3);
        var soon = await RegisteredAsync(officer, 4);
        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        await RunningClocksDueAsync(app, overdue.Id, today.AddDays(-2));
        await RunningClocksDueAsync(app, soon.Id, today.AddDays(1));

        var home = WebUtility.HtmlDecode(await officer.GetStringAsync("/"));
        var overdueCard = WorkbenchPage.Card(home, "petitions.overdue");
        var soonCard = WorkbenchPage.Card(home, "petitions.due-soon");
        overdueCard.ShouldContain($"<a href=\"/Petitions/{overdue.Id}\">{overdue.Number}</a>");
        overdueCard.ShouldContain("href=\"/Petitions?due=Overdue\"");
        overdueCard.ShouldNotContain(soon.Number);
        soonCard.ShouldContain($"<a href=\"/Petitions/{soon.Id}\">{soon.Number}</a> · 期限 {Day(today.AddDays(1))}");
        soonCard.ShouldNotContain(overdue.Number);
        // The count is the queue's own total under the same filter.
        var listed = await ListAsync(officer, "due=Overdue&pageSize=1");
        overdueCard.ShouldContain($"aria-label=\"已超期的信访事项：{listed.Total} 件，查看列表\">{listed.Total}</a>");
    }


    private static Task<int> RunningClocksDueAsync(MediationAppFactory app, Guid petitionId, DateOnly due) => app.InScopeAsync(sp =>
    {
        var dueAt = ChinaTime.EndOfDay(due).ToUniversalTime();
        return sp.GetRequiredService<MediationDbContext>().Set<DeadlineClock>()
            .Where(c => c.RecordId == petitionId && c.Status == ClockStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DueDate, due).SetProperty(c => c.DueAt, dueAt));
    });

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<PagedList<PetitionSummaryDto>> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/petitions?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PagedList<PetitionSummaryDto>>();
    }

    private static async Task<PetitionDto> RegisteredAsync(HttpClient officer, int n)
    {
        var response = await officer.PostJsonAsync("/api/petitions", IntakeCost_Tests.Letter(Random.Shared.Next(1000, 9999) * 10 + n));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PetitionDto>();
    }

    private static Task<int> ReceivedAtAsync(MediationAppFactory app, Guid id, DateTimeOffset receivedAt) => app.InScopeAsync(sp =>
        sp.GetRequiredService<MediationDbContext>().Set<Petition>().IgnoreQueryFilters().Where(p => p.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.ReceivedAt, receivedAt.ToUniversalTime())));
}

public sealed class PetitionList_Tests_on_Sqlite(SqliteApp app) : PetitionList_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class PetitionList_Tests_on_PostgreSql(PostgresCluster cluster) : PetitionList_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
