using Mediation.Core.Web;
using System.Net.Http.Headers;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.ServiceDesk;
using Mediation.ServiceDesk.Application;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>
/// The feedback period on the published 2026 calendar: taken on Thu 24 Sep, 7 days end on 1 Oct, inside the National Day holiday
/// (1–7 Oct), so the period ends on Thu 8 Oct; then 催办 the next day, 督办 after 3 days and 通报 after 7, by the kernel's sweep.
/// </summary>
public sealed class ServiceDeskEscalation_Tests
{
    private readonly FakeTimeProvider _time = new(China(2026, 9, 24, 10).ToUniversalTime());

    // Tokens are issued on the fake clock; after a jump of weeks a fresh one is taken instead of the cached one.
    private static async Task<HttpClient> FreshClientAsync(MediationAppFactory app, string userName)
    {
        var client = app.CreateClient();
        var token = await OkAsync<TokenResponse>(await client.PostJsonAsync("/api/auth/token", new TokenRequest(userName, MediationAppFactory.DemoPassword, null)));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    [Fact]
    public async Task An_overdue_request_is_urged_supervised_and_circulated_after_the_holiday_calendar()
    {
        await using var app = new MediationAppFactory(DatabaseProvider.Sqlite, null,
            new Dictionary<string, string?> { ["Hangfire:ServerEnabled"] = "false" }, DeadlineApps.WithTime(_time));
        app.StartServer();
        var input = SignUpInput();
        var enterprise = await OkAsync<EnterpriseDto>(await app.CreateClient().PostJsonAsync("/api/service-desk/enterprises/sign-up", input),
            System.Net.HttpStatusCode.Created);
        var officer = await FreshClientAsync(app, Officer);
        await OkAsync<EnterpriseDto>(await officer.PostJsonAsync($"/api/service-desk/enterprises/{enterprise.Id}/decision",
            new DecideEnterpriseInput(true, null, enterprise.ConcurrencyStamp)));
        var filed = await FileAsync(await FreshClientAsync(app, input.UserName!), RequestKind.ServiceRequest);
        var taken = await TakeAsync(officer, filed);
        taken.FeedbackDueOn.ShouldBe(new DateOnly(2026, 10, 8));
        taken.FeedbackDueOn.ShouldBe(DeadlineCalculator.Compute(Policy(ServiceDeskPolicies.Feedback), _time.GetUtcNow(), Published).DueDate);

        _time.SetUtcNow(China(2026, 10, 9, 10).ToUniversalTime());
        await app.SweepAsync();
        officer = await FreshClientAsync(app, Officer);
        var clock = (await OkAsync<List<DeadlineClockDto>>(await officer.GetAsync(
            $"/api/deadlines/clocks?recordType={RequestAppService.RecordType}&recordId={taken.Id}"))).Single(c => c.Policy == ServiceDeskPolicies.Feedback);
        (await app.StepsAsync(clock.Id)).Where(s => s.Kind != DeadlineStepKind.Reminder).Select(s => s.Kind).ShouldBe([DeadlineStepKind.Urge]);
        var overdue = (await OkAsync<PagedList<DeskRequestSummaryDto>>(await officer.GetAsync("/api/service-desk/requests?view=Overdue"))).Items;
        overdue.ShouldContain(r => r.Id == taken.Id && r.Overdue);

        _time.SetUtcNow(China(2026, 10, 16, 12).ToUniversalTime());
        await app.SweepAsync();
        (await app.StepsAsync(clock.Id)).Where(s => s.Kind != DeadlineStepKind.Reminder).Select(s => s.Kind).Order()
            .ShouldBe([DeadlineStepKind.Urge, DeadlineStepKind.Supervise, DeadlineStepKind.Circulate]);
    }
}
