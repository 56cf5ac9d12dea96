using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Web;
using Mediation.Identity;
using Mediation.ServiceDesk;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Mediation.Tests.ServiceDesk.DeskSetup;

namespace Mediation.Tests.ServiceDesk;

/// <summary>
/// 上报: the 肥城 desk's owner escalates a request to 泰安市, the unit above, with the reason. 泰安 gets a notice in its inbox (written from
/// the outbox: the officer himself may not write into his parent unit), finds the request in its "escalated" queue and accepts it; the
/// first responder stays accountable and still sees it as his.
/// </summary>
public abstract class ServiceDeskEscalationApi_Tests : ProviderTests
{
    private const string CityOfficer = "demo.deskofficer.taian";

    private static async Task<List<NoticeDto>> InboxAsync(HttpClient client, Guid unitId) =>
        (await OkAsync<PagedList<NoticeDto>>(await client.GetAsync($"/api/notifications/inbox?orgUnitId={unitId}&pageSize=200"))).Items.ToList();

    /// <summary>The outbox runs in the background too (every 200 ms in tests): dispatch now, then wait for whichever delivered it.</summary>
    private static async Task<NoticeDto> EscalationNoticeAsync(MediationAppFactory app, HttpClient client, Guid unitId, string number)
    {
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var found = await Eventually.Async(async () => (await InboxAsync(client, unitId)).Where(n => n.Subject.Contains(number, StringComparison.Ordinal)).ToList(),
            notices => notices.Count > 0, $"the escalation notice of {number}");
        return found.ShouldHaveSingleItem();
    }

    private static async Task<List<DeskRequestSummaryDto>> QueueAsync(HttpClient client, QueueView view) =>
        (await OkAsync<PagedList<DeskRequestSummaryDto>>(await client.GetAsync($"/api/service-desk/requests?view={view}&pageSize=200"))).Items.ToList();

    [Fact]
    public async Task The_owner_escalates_to_the_unit_above_which_is_notified_sees_it_and_takes_it_over()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await EnterpriseAsync(app);
        var officer = await ClientAsync(userName: Officer);
        var city = await ClientAsync(userName: CityOfficer);
        var taian = await app.UnitIdAsync(DemoAccounts.TaianCode);
        var taken = await TakeAsync(officer, await FileAsync(enterprise));

        var escalated = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalate",
            new EscalateInput("总包方系市属国企，需市级协调住建、国资部门", taken.ConcurrencyStamp)));
        var escalation = escalated.Escalation.ShouldNotBeNull();
        (escalation.ToUnitId, escalation.ToUnitName, escalation.Reason, escalation.EscalatedBy, escalation.AcceptedAt)
            .ShouldBe((taian, "泰安市", "总包方系市属国企，需市级协调住建、国资部门", "演示接诉即办窗口人员", (DateTimeOffset?)null));
        (escalated.Status, escalated.OwnerName).ShouldBe((RequestStatus.InHandling, "演示接诉即办窗口人员"));
        var last = escalated.Timeline[^1];
        escalation.EscalatedByUnit.ShouldBe("肥城市");
        // The timeline keeps the login and names him on reading: display name and unit, like every record's history.
        (last.At, last.Kind, last.Actor, last.ActorName, last.ActorUnit, last.Note).ShouldBe((escalation.EscalatedAt, "Escalated", Officer,
            "演示接诉即办窗口人员", "肥城市", "泰安市：总包方系市属国企，需市级协调住建、国资部门"));

        // The unit above is told once the escalation committed, by the outbox, with the request's number and the reason, linked to its page.
        var notice = await EscalationNoticeAsync(app, city, taian, taken.Number);
        notice.Subject.ShouldBe($"【上报】肥城市接诉即办诉求{taken.Number}上报你单位");
        notice.Body.ShouldContain("上报理由：总包方系市属国企，需市级协调住建、国资部门");
        notice.Body.ShouldContain(escalated.EnterpriseName);
        notice.Link.ShouldBe($"/ServiceDesk/Requests/{taken.Id}");
        notice.Body.ShouldNotContain(taken.Id.ToString());
        (await QueueAsync(city, QueueView.Escalated)).ShouldContain(r => r.Id == taken.Id);
        (await QueueAsync(officer, QueueView.Escalated)).ShouldNotContain(r => r.Id == taken.Id, "escalated to 泰安, not to 肥城");

        var accepted = await OkAsync<DeskRequestDto>(await city.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalation/accept",
            new AcceptEscalationInput(escalated.ConcurrencyStamp)));
        (accepted.OwnerName, accepted.FirstResponderName, accepted.Escalation!.AcceptedBy).ShouldBe(("泰安市接诉即办演示窗口人员", "演示接诉即办窗口人员", "泰安市接诉即办演示窗口人员"));
        (accepted.Escalation.EscalatedBy, accepted.Escalation.EscalatedByUnit, accepted.Escalation.AcceptedByUnit).ShouldBe(("演示接诉即办窗口人员", "肥城市", "泰安市"));
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync($"/ServiceDesk/Requests/{taken.Id}"));
        page.ShouldContain("由演示接诉即办窗口人员 · 肥城市上报");
        page.ShouldContain("泰安市接诉即办演示窗口人员 · 泰安市已于");
        page.ShouldNotContain(Officer);
        page.ShouldNotContain(CityOfficer);
        accepted.Transfers.ShouldHaveSingleItem().Reason.ShouldBe("上报泰安市：总包方系市属国企，需市级协调住建、国资部门");
        accepted.Timeline.Select(t => t.Kind).ShouldBe(["Filed", "Taken", "Escalated", "EscalationAccepted"]);
        (await QueueAsync(city, QueueView.Escalated)).ShouldNotContain(r => r.Id == taken.Id);
        (await QueueAsync(city, QueueView.Mine)).ShouldContain(r => r.Id == taken.Id);
        (await QueueAsync(officer, QueueView.Mine)).ShouldContain(r => r.Id == taken.Id, "首问负责: the first responder stays accountable");

        // Now the city holds it: it concludes; and it cannot escalate further, 泰安市 being the top of the tree.
        await ShouldBeRefusedAsync(await city.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalate",
            new EscalateInput("再上报", accepted.ConcurrencyStamp)), ServiceDeskErrorCodes.NoUnitAbove);
        var concluded = await OkAsync<DeskRequestDto>(await city.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new ConcludeInput("经市级协调，总包方已支付工程款", accepted.ConcurrencyStamp)));
        concluded.Status.ShouldBe(RequestStatus.Concluded);

        // Audited: the escalation and the acceptance are data changes of the request under each officer's name.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
            .Where(a => a.EntityType == "DeskRequest" && a.EntityId == taken.Id.ToString() && a.Action == AuditActions.Updated)
            .Select(a => new { a.UserName, a.Details }).ToListAsync());
        audited.ShouldContain(a => a.UserName == Officer && a.Details!.Contains("EscalatedToUnitId") && a.Details.Contains(taian.ToString()));
        audited.ShouldContain(a => a.UserName == CityOfficer && a.Details!.Contains("EscalationAcceptedAt"));
    }

    [Fact]
    public async Task An_escalation_needs_the_owner_an_open_request_and_a_reason_and_only_the_unit_above_accepts_it()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await EnterpriseAsync(app);
        var officer = await ClientAsync(userName: Officer);
        var colleague = await ClientAsync(userName: Colleague);
        var city = await ClientAsync(userName: CityOfficer);
        var unassigned = await FileAsync(enterprise);
        var taken = await TakeAsync(officer, await FileAsync(enterprise));
        var url = $"/api/service-desk/requests/{taken.Id}/escalate";

        var blank = await officer.PostJsonAsync(url, new EscalateInput("  ", taken.ConcurrencyStamp));
        blank.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blank.ReadJsonAsync()).GetProperty("errors").GetProperty("reason")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.Required);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{unassigned.Id}/escalate",
            new EscalateInput("需上级协调", unassigned.ConcurrencyStamp)), ServiceDeskErrorCodes.NotTaken);
        await ShouldBeRefusedAsync(await colleague.PostJsonAsync(url, new EscalateInput("需上级协调", taken.ConcurrencyStamp)),
            ServiceDeskErrorCodes.NotOwner, HttpStatusCode.Forbidden);
        (await enterprise.PostJsonAsync(url, new EscalateInput("需上级协调", taken.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await ClientAsync(userName: "demo.coordinator")).GetAsync($"/api/service-desk/requests/{taken.Id}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "泰山区 is no unit above 肥城");
        await ShouldBeRefusedAsync(await city.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalation/accept",
            new AcceptEscalationInput(taken.ConcurrencyStamp)), ServiceDeskErrorCodes.NotEscalated);

        var escalated = await OkAsync<DeskRequestDto>(await officer.PostJsonAsync(url, new EscalateInput("需上级协调", taken.ConcurrencyStamp)));
        await ShouldBeRefusedAsync(await officer.PostJsonAsync(url, new EscalateInput("再次上报", escalated.ConcurrencyStamp)),
            ServiceDeskErrorCodes.EscalationPending);
        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalation/accept",
            new AcceptEscalationInput(escalated.ConcurrencyStamp)), ServiceDeskErrorCodes.NotEscalatedToYourUnit, HttpStatusCode.Forbidden);
        (await enterprise.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/escalation/accept", new AcceptEscalationInput(escalated.ConcurrencyStamp)))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var timeline = (await OkAsync<DeskRequestDto>(await officer.GetAsync($"/api/service-desk/requests/{taken.Id}"))).Timeline;
        timeline.Count(t => t.Kind == "Escalated").ShouldBe(1, "a refused escalation writes nothing");
    }
}

public sealed class ServiceDeskEscalationApi_Tests_on_Sqlite(SqliteApp app) : ServiceDeskEscalationApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class ServiceDeskEscalationApi_Tests_on_PostgreSql(PostgresCluster cluster) : ServiceDeskEscalationApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
