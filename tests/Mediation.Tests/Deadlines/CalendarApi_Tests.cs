using System.Net;
using System.Text.Json;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Web.OrgUnits;
using Mediation.Core.Validation;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Deadlines;

public abstract class CalendarApi_Tests : ProviderTests
{
    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        (await response.ReadJsonAsync()).GetProperty("code").GetString()!;

    private static async Task<Guid> UnitId(HttpClient client, string code) =>
        (await (await client.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == code).Id;

    [Fact]
    public async Task The_due_date_of_a_15_day_period_before_National_Day_is_previewed_in_China_time()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        var response = await client.GetAsync("/api/calendar/due?policy=petition.acceptance-notice&start=2025-09-20T10:00:00%2B08:00");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.ReadJsonAsync();
        json.GetProperty("dueDate").GetString().ShouldBe("2025-10-09");
        json.GetProperty("dueAt").GetString().ShouldBe("2025-10-09T23:59:59+08:00");
        json.GetProperty("provisional").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_unencoded_plus_in_the_offset_and_a_start_without_offset_are_read_as_China_time()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        var plus = await (await client.GetAsync("/api/calendar/due?policy=petition.misrouted-objection&start=2025-10-09T10:00:00+08:00")).ReadJsonAsync();
        plus.GetProperty("dueDate").GetString().ShouldBe("2025-10-15");
        var local = await (await client.GetAsync("/api/calendar/due?policy=petition.misrouted-objection&start=2025-10-09T10:00:00")).ReadJsonAsync();
        local.GetProperty("dueDate").GetString().ShouldBe("2025-10-15");
    }

    [Fact]
    public async Task An_unknown_policy_is_404_and_a_bad_start_is_400_with_stable_codes()
    {
        var client = await ClientAsync("en", userName: "demo.coordinator");
        var unknown = await client.GetAsync("/api/calendar/due?policy=petition.nonsense&start=2025-10-09T10:00:00%2B08:00");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await CodeOf(unknown)).ShouldBe(DeadlinesErrorCodes.UnknownPolicy);

        var bad = await client.GetAsync("/api/calendar/due?policy=petition.handling&start=yesterday");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.ReadJsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(DeadlinesErrorCodes.InvalidStart);
        problem.GetProperty("title").GetString()!.ShouldContain("yesterday");

        var missing = await client.GetAsync("/api/calendar/due?policy=petition.handling");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CodeOf(missing)).ShouldBe(DeadlinesErrorCodes.InvalidStart);

        (await client.GetAsync("/api/calendar/1900")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_published_years_are_loaded_from_the_calendar_files()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        var y2025 = await (await client.GetAsync("/api/calendar/2025")).ReadAsync<CalendarYearDto>();
        y2025.Loaded.ShouldBeTrue();
        y2025.Source.ShouldNotBeNull().ShouldContain("国办发明电");
        y2025.Holidays.ShouldContain(h => h.From == new DateOnly(2025, 10, 1) && h.To == new DateOnly(2025, 10, 8));
        y2025.WorkingDays.Select(w => w.Date).ShouldBe(
            [new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11)]);
        (await (await client.GetAsync("/api/calendar/2026")).ReadAsync<CalendarYearDto>()).Holidays.Count.ShouldBe(7);

        var policies = await (await client.GetAsync("/api/calendar/policies")).ReadAsync<List<DeadlinePolicyDto>>();
        policies.Count.ShouldBe(22);
        policies.Single(p => p.Name == "petition.handling").ExtensionPolicy.ShouldBe("petition.handling-extension");
    }

    [Fact]
    public async Task An_admin_edits_a_loaded_year_and_a_stale_edit_is_refused()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        var original = await (await client.GetAsync("/api/calendar/2025")).ReadAsync<CalendarYearDto>();
        var preview = "/api/calendar/due?policy=petition.acceptance-notice&start=2025-09-20T10:00:00%2B08:00";
        // Read before the edit, so the process holds the calendar the edit makes stale.
        (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-10-09");

        // Say National Day were only 1–3 Oct and Sat 4 Oct a working day: day 15 (Sun 5 Oct) moves to Mon 6 Oct.
        var edited = new PutCalendarYearInput(original.Source,
            [.. original.Holidays.Where(h => h.From != new DateOnly(2025, 10, 1)), new HolidayRange(new(2025, 10, 1), new(2025, 10, 3), "国庆节")],
            [.. original.WorkingDays, new WorkingDayEntry(new(2025, 10, 4), "测试")], original.ConcurrencyStamp);
        var put = await (await ClientAsync()).PutJsonAsync("/api/calendar/2025", edited);
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var saved = await put.ReadAsync<CalendarYearDto>();
        saved.WorkingDays.Count.ShouldBe(6);
        (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-10-06");

        var stale = await (await ClientAsync()).PutJsonAsync("/api/calendar/2025", edited);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var restored = await (await ClientAsync()).PutJsonAsync("/api/calendar/2025",
            new PutCalendarYearInput(original.Source, original.Holidays, original.WorkingDays, saved.ConcurrencyStamp));
        restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await restored.ReadAsync<CalendarYearDto>()).Holidays.ShouldBe(original.Holidays);
        (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-10-09");
    }

    [Fact]
    public async Task A_clock_into_2027_is_provisional_until_an_admin_loads_2027_then_it_is_recomputed()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        (await (await client.GetAsync("/api/calendar/2027")).ReadAsync<CalendarYearDto>()).Loaded.ShouldBeFalse();
        var preview = await (await client.GetAsync("/api/calendar/due?policy=petition.handling&start=2026-12-01T10:00:00%2B08:00")).ReadJsonAsync();
        preview.GetProperty("dueDate").GetString().ShouldBe("2027-02-01");
        preview.GetProperty("provisional").GetBoolean().ShouldBeTrue();

        var unitId = await UnitId(client, "370902001");
        var clock = await ClocksAsync(c => c.StartAsync(new StartClockInput(
            "petition", Guid.NewGuid(), unitId, "petition.handling", Calendars.China(2026, 12, 1), "张三"), CancellationToken.None));
        clock.Provisional.ShouldBeTrue();

        var put = await (await ClientAsync()).PutJsonAsync("/api/calendar/2027", new PutCalendarYearInput("测试用 2027 年安排", [new HolidayRange(new(2027, 1, 30), new(2027, 2, 5), "春节")], [], null));
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await put.ReadAsync<CalendarYearDto>()).Loaded.ShouldBeTrue();

        var recomputed = await (await client.GetAsync($"/api/deadlines/clocks/{clock.Id}")).ReadAsync<DeadlineClockDto>();
        recomputed.DueDate.ShouldBe(new DateOnly(2027, 2, 8));
        recomputed.Provisional.ShouldBeFalse();
        recomputed.History.Select(h => h.Kind).ShouldBe([ClockEventKind.Started, ClockEventKind.Recomputed]);

        var bad = await (await ClientAsync()).PutJsonAsync("/api/calendar/2027", new PutCalendarYearInput("x", [new HolidayRange(new(2028, 1, 1), null, "元旦")], [], null));
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await CodeOf(bad)).ShouldBe(DeadlinesErrorCodes.DayOutsideYear);
    }

    [Fact]
    public async Task A_clock_is_paused_resumed_extended_and_stopped_and_shows_its_history()
    {
        var client = await ClientAsync(userName: "demo.coordinator");
        var recordId = Guid.NewGuid();
        var unitId = await UnitId(client, "370902");
        var clock = await ClocksAsync(c => c.StartAsync(new StartClockInput(
            "petition", recordId, unitId, "petition.handling", Calendars.China(2026, 3, 2), "张三"), CancellationToken.None));
        clock.DueDate.ShouldBe(new DateOnly(2026, 5, 6));
        clock.Status.ShouldBe(ClockStatus.Running);

        (await Should.ThrowAsync<ConflictException>(() => ClocksAsync(c => c.StartAsync(
            new StartClockInput("petition", recordId, clock.OrgUnitId, "petition.handling", null, null), CancellationToken.None))))
            .Code.ShouldBe(DeadlinesErrorCodes.ClockAlreadyStarted);

        var paused = await ClocksAsync(c => c.PauseAsync(clock.Id, new PauseClockInput("等待信访人补充材料", "张三", clock.ConcurrencyStamp), CancellationToken.None));
        paused.Status.ShouldBe(ClockStatus.Paused);
        paused.DueAt.ShouldBeNull();
        var resumed = await ClocksAsync(c => c.ResumeAsync(clock.Id, new ResumeClockInput("张三", paused.ConcurrencyStamp), CancellationToken.None));
        resumed.Status.ShouldBe(ClockStatus.Running);

        (await Should.ThrowAsync<BusinessException>(() => ClocksAsync(c => c.ExtendAsync(clock.Id, new ExtendClockInput(31, "李局长", "情况复杂", resumed.ConcurrencyStamp), CancellationToken.None))))
            .Code.ShouldBe(DeadlinesErrorCodes.ExtensionTooLong);
        (await Should.ThrowAsync<InputValidationException>(() => ClocksAsync(c => c.ExtendAsync(clock.Id, new ExtendClockInput(10, null, "情况复杂", resumed.ConcurrencyStamp), CancellationToken.None))))
            .Errors.ShouldContain(e => e.Field == "approver");

        var extended = await ClocksAsync(c => c.ExtendAsync(clock.Id, new ExtendClockInput(30, "李局长", "情况复杂", resumed.ConcurrencyStamp), CancellationToken.None));
        extended.ExtensionDays.ShouldBe(30);
        (extended.DueDate!.Value > resumed.DueDate!.Value).ShouldBeTrue();

        await Should.ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => ClocksAsync(c => c.StopAsync(clock.Id, new StopClockInput("已办结", "张三", resumed.ConcurrencyStamp), CancellationToken.None)));
        var stopped = await ClocksAsync(c => c.StopAsync(clock.Id, new StopClockInput("已办结", "张三", extended.ConcurrencyStamp), CancellationToken.None));
        stopped.Status.ShouldBe(ClockStatus.Stopped);

        var read = await (await client.GetAsync($"/api/deadlines/clocks?recordType=petition&recordId={recordId}")).ReadAsync<List<DeadlineClockDto>>();
        read.ShouldHaveSingleItem().History.Select(h => h.Kind).ShouldBe(
            [ClockEventKind.Started, ClockEventKind.Paused, ClockEventKind.Resumed, ClockEventKind.Extended, ClockEventKind.Stopped]);
        read[0].History[3].Actor.ShouldBe("李局长");

        var json = await (await client.GetAsync($"/api/deadlines/clocks/{clock.Id}")).Content.ReadAsStringAsync();
        json.ShouldContain("\"status\":\"Stopped\"");
        json.ShouldContain("+08:00");
        (await client.GetAsync($"/api/deadlines/clocks/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Issue 12: a public start answered 409 for a foreign record's id and 201 for a random one; modules start clocks now, the API only reads.</summary>
    [Fact]
    public async Task No_API_caller_can_start_or_change_a_clock_so_foreign_ids_are_not_probed()
    {
        var daiyueUnit = await (await AppAsync()).UnitIdAsync("370911");
        var foreignRecord = Guid.NewGuid();
        var foreign = await ClocksAsync(c => c.StartAsync(new StartClockInput("petition", foreignRecord, daiyueUnit, "petition.handling", null, "岱岳区信访局"), CancellationToken.None));

        foreach (var caller in new[] { "demo.coordinator", "demo.petitionofficer", "demo.mediator" })
        {
            var client = await ClientAsync(userName: caller);
            var statuses = new List<HttpStatusCode>();
            foreach (var recordId in new[] { foreignRecord, Guid.NewGuid() })
            {
                var start = await client.PostJsonAsync("/api/deadlines/clocks", new StartClockInput("petition", recordId, daiyueUnit, "petition.handling", null, null));
                statuses.Add(start.StatusCode);
            }
            statuses.ShouldAllBe(s => s == HttpStatusCode.MethodNotAllowed);
            foreach (var action in new[] { "pause", "resume", "extend", "stop" })
                (await client.PostJsonAsync($"/api/deadlines/clocks/{foreign.Id}/{action}", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await ClocksAsync(c => c.GetAsync(foreign.Id, CancellationToken.None))).History.ShouldHaveSingleItem();
    }

    /// <summary>
    /// Issue 17: each host keeps the calendar it read while every year's concurrency stamp is unchanged. A year another host
    /// edited (written here past this host's services, as that host's save would: new days and a new stamp) is read again
    /// on the next request, and the days are not read again while nothing changed.
    /// </summary>
    [Fact]
    public async Task A_year_another_host_edited_is_read_again_on_the_next_request()
    {
        var app = await AppAsync();
        var client = await ClientAsync(userName: "demo.coordinator");
        var preview = "/api/calendar/due?policy=petition.misrouted-objection&start=2025-11-03T10:00:00%2B08:00";
        (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-11-10");
        var cache = app.Services.GetRequiredService<CalendarCache>();
        var reads = cache.Reads;
        (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-11-10");
        cache.Reads.ShouldBe(reads, "nothing changed, so the days were not read again");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var year = await db.Set<CalendarYear>().Include(y => y.Days).SingleAsync(y => y.Id == 2025);
            year.Replace(year.Source, [.. year.Entries, new CalendarDayEntry(new(2025, 11, 5), CalendarDayKind.Holiday, "测试")], DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        try
        {
            // Five working days from Mon 3 Nov with Wed 5 Nov off: Tue 4, Thu 6, Fri 7, Mon 10, Tue 11.
            (await (await client.GetAsync(preview)).ReadJsonAsync()).GetProperty("dueDate").GetString().ShouldBe("2025-11-11");
            cache.Reads.ShouldBe(reads + 1);
        }
        finally
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var year = await db.Set<CalendarYear>().Include(y => y.Days).SingleAsync(y => y.Id == 2025);
            year.Replace(year.Source, year.Entries.Where(d => d.Date != new DateOnly(2025, 11, 5)).ToList(), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
    }

    private async Task<T> ClocksAsync<T>(Func<IDeadlineClocks, Task<T>> call)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IDeadlineClocks>());
    }
}

public sealed class CalendarApi_Tests_on_Sqlite(SqliteApp app) : CalendarApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class CalendarApi_Tests_on_PostgreSql(PostgresCluster cluster) : CalendarApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
