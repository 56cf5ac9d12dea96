using System.Net;
using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Cases;

/// <summary>调解安排 over the real pipeline, on a host whose clock the test sets: "before now" and "today" do not depend on the hour the run starts.</summary>
public abstract class SessionPlanApi_Tests : ProviderTests
{
    /// <summary>The host's clock; one per provider, as the two classes may run at the same time.</summary>
    protected abstract FakeTimeProvider Clock { get; }

    /// <summary>A time of 2026-03-10, China time.</summary>
    internal static DateTimeOffset China(int hour, int minute) => new(2026, 3, 10, hour, minute, 0, TimeSpan.FromHours(8));

    private static readonly DateOnly Today = new(2026, 3, 10);

    private static async Task<T> OkAsync<T>(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    [Fact]
    public async Task A_planned_session_is_on_todays_card_until_moved_and_the_recorded_session_fulfils_the_nearest_plan()
    {
        Clock.SetUtcNow(China(10, 0).ToUniversalTime());
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var url = $"/api/cases/{registered.Id}/session-plans";
        var morning = China(10, 5);
        async Task<List<SessionPlanDto>> TodaysAsync() => await (await mediator.GetAsync("/api/cases/session-plans?today=true")).ReadAsync<List<SessionPlanDto>>();
        async Task<List<SessionPlanDto>> PlansAsync() => await (await mediator.GetAsync(url)).ReadAsync<List<SessionPlanDto>>();

        // Before now is refused, earlier today included; nothing is written.
        foreach (var past in new[] { morning.AddDays(-1), China(9, 59) })
        {
            var bad = await mediator.PostJsonAsync(url, new PlanSessionInput(past, " ", null));
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var errors = (await bad.ReadJsonAsync()).GetProperty("errors");
            errors.GetProperty("startsAt")[0].GetProperty("code").GetString().ShouldBe(CasesErrorCodes.SessionPlanInPast);
            errors.TryGetProperty("place", out _).ShouldBeTrue();
        }
        (await PlansAsync()).ShouldBeEmpty("nothing written");

        var created = await mediator.PostJsonAsync(url, new PlanSessionInput(morning, "岱东社区调解室", null));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var planned = await created.ReadAsync<SessionPlanDto>();
        (planned.Status, planned.PlannedOn, planned.CaseNumber, planned.MediatorName, planned.PlannedByName, planned.PlannedByUnit)
            .ShouldBe((SessionPlanStatus.Planned, Today, registered.Number, "演示调解员", "演示调解员", "泰山区"));
        (await TodaysAsync()).ShouldContain(p => p.Id == planned.Id);
        // The same start with the same mediator again: entered twice, refused; the list keeps one.
        await ShouldBeRefusedAsync(await mediator.PostJsonAsync(url, new PlanSessionInput(morning.ToUniversalTime(), "另一间调解室", mediatorId)),
            HttpStatusCode.Conflict, CasesErrorCodes.SessionPlanDuplicate);
        (await PlansAsync()).ShouldHaveSingleItem();

        // The card and the list its count opens: the same rows, each line opening the case.
        static string MainOf(string page) => page[page.IndexOf("<main", StringComparison.Ordinal)..];
        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var list = MainOf(WebUtility.HtmlDecode(await mediator.GetStringAsync("/Cases/Sessions?today=true")));
        list.ShouldContain($"<a href=\"/Cases/{registered.Id}\">{registered.Number}</a>");
        var rows = list.Split("<td><a href=\"/Cases/").Length - 1;
        var card = await WorkbenchPage.CardAsync(mediator, "cases.sessions-today");
        card.ShouldContain($"href=\"/Cases/Sessions?today=true\" aria-label=\"今日调解：{rows} 件，查看列表\">{rows}</a>");
        card.ShouldContain($"<a href=\"/Cases/{registered.Id}\">{registered.Number}</a> · 10:05 岱东社区调解室 · 演示调解员");

        // Moved to tomorrow: off today's card; a mediator not on the case is refused.
        var moved = await OkAsync<SessionPlanDto>(await mediator.PostJsonAsync($"{url}/{planned.Id}/reschedule",
            new RescheduleSessionInput(morning.AddDays(1), null, null, planned.ConcurrencyStamp)));
        moved.PlannedOn.ShouldBe(Today.AddDays(1));
        (await TodaysAsync()).ShouldNotContain(p => p.Id == planned.Id);
        WebUtility.HtmlDecode(await mediator.GetStringAsync("/Cases/Sessions?today=true")).ShouldNotContain(registered.Number);
        var stranger = await mediator.PostJsonAsync($"{url}/{planned.Id}/reschedule", new RescheduleSessionInput(morning, null, Guid.NewGuid(), moved.ConcurrencyStamp));
        stranger.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await stranger.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.SessionPlanMediatorNotOnCase);
        var unknown = await mediator.PostJsonAsync($"{url}/{Guid.NewGuid()}/reschedule", new RescheduleSessionInput(morning, null, null, moved.ConcurrencyStamp));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("（调解安排）", Case.Sensitive, "the record is named, not its entity key");

        // Back to 10:05, and one more at 10:12: the session held at 10:11 fulfils the 10:12 plan, the nearest, not the earliest. (The clock
        // moves less than the 15 minutes of idle time a sign-in allows.)
        var back = await OkAsync<SessionPlanDto>(await mediator.PostJsonAsync($"{url}/{planned.Id}/reschedule",
            new RescheduleSessionInput(morning, "村委会", null, moved.ConcurrencyStamp)));
        var nearer = await (await mediator.PostJsonAsync(url, new PlanSessionInput(China(10, 12), "岱东社区调解室", null))).ReadAsync<SessionPlanDto>();
        Clock.SetUtcNow(China(10, 13).ToUniversalTime());
        var held = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(China(10, 11),
            "岱东社区调解室", ["张调解", "王某某", "李某某"], "双方陈述", [], registered.ConcurrencyStamp));
        held.StatusCode.ShouldBe(HttpStatusCode.OK, await held.Content.ReadAsStringAsync());
        var plans = await PlansAsync();
        var fulfilled = plans.Single(p => p.Id == nearer.Id);
        (fulfilled.Status, fulfilled.HeldSessionNumber).ShouldBe((SessionPlanStatus.Held, (int?)1));
        plans.Single(p => p.Id == back.Id).Status.ShouldBe(SessionPlanStatus.Planned);
        WebUtility.HtmlDecode(await mediator.GetStringAsync($"/Cases/{registered.Id}")).ShouldContain($"{Day(Today)} 10:12 · 岱东社区调解室 · 演示调解员 · 已调解");
        (await TodaysAsync()).ShouldNotContain(p => p.Id == nearer.Id);
        var late = await mediator.PostJsonAsync($"{url}/{nearer.Id}/cancel", new CancelSessionPlanInput("当事人外出", nearer.ConcurrencyStamp));
        late.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await late.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(CasesErrorCodes.SessionPlanClosed);

        (await mediator.PostJsonAsync($"{url}/{back.Id}/cancel", new CancelSessionPlanInput(null, back.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cancelled = await OkAsync<SessionPlanDto>(await mediator.PostJsonAsync($"{url}/{back.Id}/cancel", new CancelSessionPlanInput("当事人外出", back.ConcurrencyStamp)));
        (cancelled.Status, cancelled.CancelReason).ShouldBe((SessionPlanStatus.Cancelled, "当事人外出"));

        var officer = WebUtility.HtmlDecode(await (await ClientAsync(userName: "demo.petitionofficer")).GetStringAsync("/"));
        officer.ShouldNotContain("data-card=\"cases.sessions-today\"", customMessage: "a petition officer records no sessions");
    }

    [Fact]
    public async Task Two_identical_plans_sent_together_give_one_plan_and_one_duplicate_refusal_never_a_500()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var url = $"/api/cases/{registered.Id}/session-plans";
        var tomorrow = Clock.GetUtcNow().AddDays(1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => mediator.PostJsonAsync(url, new PlanSessionInput(tomorrow, "岱东社区调解室", null))));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        await ShouldBeRefusedAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict, CasesErrorCodes.SessionPlanDuplicate);
        (await (await mediator.GetAsync(url)).ReadAsync<List<SessionPlanDto>>()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_start_past_the_calendar_is_too_late_and_a_start_seconds_after_a_plan_is_that_plan_again()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");
        var url = $"/api/cases/{registered.Id}/session-plans";
        var tomorrow = Clock.GetUtcNow().AddDays(1);

        // Sent as a client writes it: the test's own serializer cannot write this instant in China time.
        var late = await mediator.PostAsync(url, new StringContent("{\"startsAt\":\"9999-12-31T23:59:59Z\",\"place\":\"调解室\"}",
            System.Text.Encoding.UTF8, "application/json"));
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await late.Content.ReadAsStringAsync());
        (await late.ReadJsonAsync()).GetProperty("errors").GetProperty("startsAt")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.DateTooLate);
        var planned = await (await mediator.PostJsonAsync(url, new PlanSessionInput(tomorrow, "调解室", null))).ReadAsync<SessionPlanDto>();
        await ShouldBeRefusedAsync(await mediator.PostJsonAsync(url, new PlanSessionInput(tomorrow.AddTicks(1), "调解室", null)),
            HttpStatusCode.Conflict, CasesErrorCodes.SessionPlanDuplicate);
        (await (await mediator.GetAsync(url)).ReadAsync<List<SessionPlanDto>>()).ShouldHaveSingleItem().StartsAt.ShouldBe(planned.StartsAt);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_plan_of_the_same_case_start_and_mediator_but_not_one_beside_a_cancelled_plan()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var now = Clock.GetUtcNow();
        var startsAt = now.AddDays(2);

        // Past the service's check, as two requests at the same instant are: the unique index on open plans decides.
        var refused = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            var mediationCase = await db.Set<MediationCase>().IgnoreQueryFilters().SingleAsync(c => c.Id == registered.Id);
            db.AddRange(SessionPlan.Plan(mediationCase, startsAt, "调解室", mediatorId, "演示调解员", null, now),
                SessionPlan.Plan(mediationCase, startsAt, "调解室", mediatorId, "演示调解员", null, now));
            return await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        refused.IsUniqueViolation().ShouldBeTrue(refused.InnerException?.Message);

        var saved = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            var mediationCase = await db.Set<MediationCase>().IgnoreQueryFilters().SingleAsync(c => c.Id == registered.Id);
            var cancelled = SessionPlan.Plan(mediationCase, startsAt, "调解室", mediatorId, "演示调解员", null, now);
            cancelled.Cancel("当事人外出", now);
            db.AddRange(cancelled, SessionPlan.Plan(mediationCase, startsAt, "调解室", mediatorId, "演示调解员", null, now));
            await db.SaveChangesAsync();
            return await db.Set<SessionPlan>().IgnoreQueryFilters().CountAsync(p => p.CaseId == registered.Id && p.StartsAt == startsAt.ToUniversalTime());
        });
        saved.ShouldBe(2, "a cancelled plan leaves its time free");
    }
}

public sealed class SqliteAppWithSessionPlanClock() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: DeadlineApps.WithTime(Time)))
{
    public static readonly FakeTimeProvider Time = new(SessionPlanApi_Tests.China(10, 0).ToUniversalTime());
}

public sealed class SessionPlanApi_Tests_on_Sqlite(SqliteAppWithSessionPlanClock app) : SessionPlanApi_Tests, IClassFixture<SqliteAppWithSessionPlanClock>
{
    protected override FakeTimeProvider Clock => SqliteAppWithSessionPlanClock.Time;

    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class SessionPlanApi_Tests_on_PostgreSql(PostgresCluster cluster) : SessionPlanApi_Tests
{
    private static readonly FakeTimeProvider Time = new(China(10, 0).ToUniversalTime());

    protected override FakeTimeProvider Clock => Time;

    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), DeadlineApps.WithTime(Time));
}
