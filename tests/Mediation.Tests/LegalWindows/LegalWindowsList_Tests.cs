using System.Net;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Web;
using Mediation.LegalWindows;
using Mediation.LegalWindows.Application;
using Mediation.Tests.Api;
using Mediation.Tests.Exports;
using Mediation.Tests.Infrastructure;
using MiniExcelLibs;
using Shouldly;
using static Mediation.Tests.LegalWindows.LegalWindowSetup;

namespace Mediation.Tests.LegalWindows;

/// <summary>
/// 法律服务记录 as a list (issue 20): filtered, sorted and paged in the database, in the caller's scope (an advisor: his windows; everyone:
/// his unit's subtree), every filter checked; the ledger export holds exactly the listed rows.
/// </summary>
public abstract class LegalWindowsList_Tests : ProviderTests
{
    private sealed record Fixture(WindowDto Window, AdvisorDto Demo, AdvisorDto Other, Guid VillageId, List<ServiceRecordDto> Today, ServiceRecordDto Old,
        ServiceRecordDto Errand);

    /// <summary>A fresh village window served by the demo advisor (and one more): three consultations and an errand today, one consultation 40 days ago.</summary>
    private async Task<Fixture> FixtureAsync()
    {
        var app = await AppAsync();
        var head = await ClientAsync(userName: UnitHead);
        var demo = (await OkAsync<List<AdvisorDto>>(await head.GetAsync("/api/legal-windows/advisors"))).Single(a => a.Name == "演示法律顾问");
        var other = await AdvisorAsync(app, "列表律师");
        var village = await VillageAsync(app, "列表村");
        var window = await WindowAsync(app, village.Id, demo, other);
        var advisor = await ClientAsync(userName: Advisor);
        async Task<ServiceRecordDto> RecordAsync(ServiceKind kind, DateTimeOffset servedAt) =>
            await OkAsync<ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new RecordServiceInput(window.Id, kind, servedAt,
                new ServedPersonInput("赵某某", null, null), "宅基地界址争议" + Suffix(), "告知可申请人民调解", 20, null)), HttpStatusCode.Created);
        var now = DateTimeOffset.UtcNow;
        var today = new List<ServiceRecordDto>();
        for (var i = 3; i >= 1; i--) today.Add(await RecordAsync(ServiceKind.Consultation, now.AddMinutes(-i)));
        var errand = await RecordAsync(ServiceKind.CivilAgency, now);
        var old = await RecordAsync(ServiceKind.Consultation, now.AddDays(-40));
        return new Fixture(window, demo, other, village.Id, today, old, errand);
    }

    private static async Task<PagedList<ServiceRecordSummaryDto>> ListAsync(HttpClient client, string query) =>
        await OkAsync<PagedList<ServiceRecordSummaryDto>>(await client.GetAsync("/api/legal-windows/records?" + query));

    private static async Task FieldRefusedAsync(HttpResponseMessage response, string field, string code)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0].GetProperty("code").GetString().ShouldBe(code);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_service_list_filters_sorts_and_pages_in_the_database()
    {
        var f = await FixtureAsync();
        var advisor = await ClientAsync(userName: Advisor);
        var w = $"windowId={f.Window.Id}";

        var first = await ListAsync(advisor, $"{w}&pageSize=2");
        (first.Total, first.Items.Count, first.HasMore).ShouldBe((5, 2, true));
        first.Items.Select(r => r.Number).ShouldBe([f.Errand.Number, f.Today[2].Number], "the latest service first");
        first.Items[0].WindowName.ShouldBe(f.Window.Name);
        first.Items[0].AdvisorName.ShouldBe("演示法律顾问");
        var last = await ListAsync(advisor, $"{w}&pageSize=2&page=3");
        (last.Items.Single().Number, last.HasMore).ShouldBe((f.Old.Number, false));

        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        (await ListAsync(advisor, $"{w}&kind=Consultation")).Items.Select(r => r.Number).ShouldBe([.. f.Today.Select(r => r.Number).Reverse(), f.Old.Number]);
        (await ListAsync(advisor, $"{w}&kind=Consultation&from={Day(today.AddDays(-7))}&sort=Oldest")).Items.Select(r => r.Number)
            .ShouldBe(f.Today.Select(r => r.Number));
        (await ListAsync(advisor, $"{w}&to={Day(today.AddDays(-30))}")).Items.Single().Number.ShouldBe(f.Old.Number);
        (await ListAsync(advisor, $"{w}&on={Day(ChinaTime.DateOf(f.Old.ServedAt))}")).Items.Single().Number.ShouldBe(f.Old.Number);
        (await ListAsync(advisor, $"{w}&errandStatus=Accepted")).Items.Single().Number.ShouldBe(f.Errand.Number);
        (await ListAsync(advisor, $"{w}&errandStatus=Done")).Total.ShouldBe(0);
        (await ListAsync(advisor, $"{w}&advisorId={f.Demo.Id}")).Total.ShouldBe(5);
        (await ListAsync(advisor, $"{w}&advisorId={f.Other.Id}")).Total.ShouldBe(0);
        // The unit head of 泰山区 sees the village's services through its unit, without naming the window.
        var head = await ClientAsync(userName: UnitHead);
        (await ListAsync(head, $"orgUnitId={f.VillageId}&pageSize=200")).Items.Select(r => r.Id)
            .ShouldBe([.. f.Today.Select(r => r.Id), f.Errand.Id, f.Old.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Every_filter_is_checked_and_the_list_keeps_to_the_callers_scope()
    {
        var f = await FixtureAsync();
        var app = await AppAsync();
        var advisor = await ClientAsync(userName: Advisor);
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?from=2026-03-02&to=2026-03-01"), "to", LegalWindowsErrorCodes.ListRangeReversed);
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?on=2026-03-02&from=2026-03-01"), "on", LegalWindowsErrorCodes.ListDayWithRange);
        await FieldRefusedAsync(await advisor.GetAsync($"/api/legal-windows/records?advisorId={Guid.NewGuid()}"), "advisorId",
            LegalWindowsErrorCodes.ListAdvisorUnknown);
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?pageSize=201"), "pageSize", Mediation.Core.Domain.CoreErrorCodes.Validation.OutOfRange);
        // A day the China clock cannot turn into an instant was a 500 (ArgumentOutOfRangeException) before ListCriteria bounded it.
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?from=0001-01-01"), "from", Mediation.Core.Domain.CoreErrorCodes.Validation.DateTooEarly);
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?to=9999-12-31"), "to", Mediation.Core.Domain.CoreErrorCodes.Validation.DateTooLate);
        await FieldRefusedAsync(await advisor.GetAsync("/api/legal-windows/records?on=0001-01-01"), "on", Mediation.Core.Domain.CoreErrorCodes.Validation.DateTooEarly);

        // Messages in the caller's language.
        var zh = await (await ClientAsync(userName: Advisor)).GetAsync("/api/legal-windows/records?from=2026-03-02&to=2026-03-01");
        var en = await (await ClientAsync("en", Advisor)).GetAsync("/api/legal-windows/records?from=2026-03-02&to=2026-03-01");
        static async Task<string> MessageAsync(HttpResponseMessage r) =>
            (await r.ReadJsonAsync()).GetProperty("errors").GetProperty("to")[0].GetProperty("message").GetString()!;
        (await MessageAsync(zh)).ShouldBe("服务日期的截止日早于起始日。");
        (await MessageAsync(en)).ShouldBe("The service date range ends before it starts.");

        // Another county's advisor sees none of it, and may not name its unit, window or advisor.
        var foreign = await ForeignAdvisorAsync(app);
        (await ListAsync(foreign, "pageSize=200")).Items.ShouldNotContain(r => r.WindowId == f.Window.Id);
        await FieldRefusedAsync(await foreign.GetAsync($"/api/legal-windows/records?orgUnitId={f.VillageId}"), "orgUnitId", LegalWindowsErrorCodes.ListUnitNotInScope);
        await FieldRefusedAsync(await foreign.GetAsync($"/api/legal-windows/records?windowId={f.Window.Id}"), "windowId", LegalWindowsErrorCodes.ListWindowNotInScope);
        await FieldRefusedAsync(await foreign.GetAsync($"/api/legal-windows/records?advisorId={f.Demo.Id}"), "advisorId", LegalWindowsErrorCodes.ListAdvisorUnknown);
    }

    [Fact]
    public async Task The_ledger_export_holds_exactly_the_listed_services()
    {
        var f = await FixtureAsync();
        var app = await AppAsync();
        var advisor = await ClientAsync(userName: Advisor);
        var expected = (await ListAsync(advisor, $"windowId={f.Window.Id}&kind=Consultation&sort=Oldest&pageSize=200")).Items.Select(r => r.Number).ToList();
        expected.Count.ShouldBe(4);

        var reversed = await advisor.PostJsonAsync("/api/exports",
            new { kind = ServiceRecordListExport.ExportKind, parameters = new { from = "2026-03-02", to = "2026-03-01" } });
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await reversed.Content.ReadAsStringAsync()).ShouldContain(LegalWindowsErrorCodes.ListRangeReversed);
        (await (await ClientAsync(userName: "demo.mediator")).PostJsonAsync("/api/exports", new { kind = ServiceRecordListExport.ExportKind }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var requested = await advisor.PostJsonAsync("/api/exports",
            new { kind = ServiceRecordListExport.ExportKind, parameters = new { windowId = f.Window.Id, kind = "Consultation", sort = "Oldest" } });
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted, await requested.Content.ReadAsStringAsync());
        var job = await requested.ReadAsync<ExportJobDto>();
        await ExportRuns.RunAsync(app, job.Id);
        var done = await (await advisor.GetAsync($"/api/exports/{job.Id}")).ReadAsync<ExportJobDto>();
        (done.State, done.RowsTotal, done.FileName).ShouldBe((ExportJobState.Done, (long?)4, "法律服务记录台账.xlsx"), done.Error);
        using var xlsx = new MemoryStream(await (await advisor.GetAsync(done.DownloadUrl)).Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => (string?)r["服务编号"]).ShouldBe(expected);
        rows.Select(r => (string?)r["服务类别"]).Distinct().ShouldBe(["咨询服务"]);
        rows.Select(r => (string?)r["服务窗口"]).Distinct().ShouldBe([f.Window.Name]);
        rows.Select(r => (string?)r["法律顾问"]).Distinct().ShouldBe(["演示法律顾问"]);
    }
}

public sealed class LegalWindowsList_Tests_on_Sqlite(SqliteApp app) : LegalWindowsList_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class LegalWindowsList_Tests_on_PostgreSql(PostgresCluster cluster) : LegalWindowsList_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
