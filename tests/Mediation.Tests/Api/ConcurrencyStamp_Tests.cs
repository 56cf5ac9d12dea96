using System.Net;
using System.Text.Json;
using Mediation.Cases;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Mediation.Integrations;
using Mediation.JointMeetings;
using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.JointMeetings;
using Mediation.Tests.LegalWindows;
using Mediation.Tests.Security;
using Mediation.Tests.ServiceDesk;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>The rule every change of a stored record goes through (MediationDbContext.ExpectConcurrencyStamp).</summary>
public sealed class ConcurrencyStampRule_Tests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_change_without_the_stamp_the_caller_read_is_refused_naming_the_field(string? stamp)
    {
        var refused = Should.Throw<InputValidationException>(() => ConcurrencyStampRule.EnsureSent(stamp));
        (refused.Code, refused.HttpStatus).ShouldBe((CoreErrorCodes.ConcurrencyStampRequired, 400));
        var error = refused.Errors.ShouldHaveSingleItem();
        (error.Field, error.Code).ShouldBe(("concurrencyStamp", CoreErrorCodes.Validation.Required));
    }

    [Fact]
    public void A_change_with_a_stamp_passes_the_rule() => Should.NotThrow(() => ConcurrencyStampRule.EnsureSent("0190a5c0"));
}

/// <summary>
/// A client that leaves <c>concurrencyStamp</c> out no longer overwrites another's change unseen: one change per module is refused
/// with <see cref="CoreErrorCodes.ConcurrencyStampRequired"/> before anything is written, and the record keeps its stamp.
/// </summary>
public abstract class ConcurrencyStamp_Tests : ProviderTests
{
    private static readonly string[] Attendees = ["王某某"];
    private static readonly string[] TaishanDistrict = ["370902"];

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("code").GetString().ShouldBe(CoreErrorCodes.ConcurrencyStampRequired, body);
        problem.GetProperty("title").GetString().ShouldBe("请提交您读取该记录时的版本标记（concurrencyStamp），以免覆盖他人的修改。");
        problem.GetProperty("errors").GetProperty("concurrencyStamp")[0].GetProperty("code").GetString().ShouldBe(CoreErrorCodes.Validation.Required);
    }

    private static async Task<string> StampAsync(HttpClient client, string url) =>
        (await (await client.GetAsync(url)).ReadJsonAsync()).GetProperty("concurrencyStamp").GetString()!;

    [Fact]
    public async Task A_case_session_recorded_without_the_stamp_is_refused_and_nothing_changes()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");

        await ShouldBeRefusedAsync(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions",
            new { heldAt = DateTimeOffset.UtcNow.AddHours(-1), place = "岱东社区", attendees = Attendees, minutes = "双方陈述" }));

        var stored = await (await mediator.GetAsync($"/api/cases/{registered.Id}")).ReadAsync<CaseDto>();
        (stored.ConcurrencyStamp, stored.Sessions.Count).ShouldBe((registered.ConcurrencyStamp, 0));
    }

    /// <summary>
    /// The risk assessment and the org unit's update and move named the missing stamp as any missing field (Core:ValidationFailed);
    /// like every other change they now answer ConcurrencyStampRequired, checked before the first write.
    /// </summary>
    [Fact]
    public async Task A_risk_assessed_and_an_org_unit_moved_without_the_stamp_are_refused_and_nothing_changes()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var mediator = await ClientAsync(userName: "demo.mediator");

        await ShouldBeRefusedAsync(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/risk", new { grade = "Yellow", reason = "双方情绪激动" }));
        (await StampAsync(mediator, $"/api/cases/{registered.Id}")).ShouldBe(registered.ConcurrencyStamp);

        var admin = await ClientAsync(userName: "demo.systemadmin");
        var township = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<Mediation.Web.OrgUnits.OrgUnitDto>>()).Single(u => u.Code == "370902001");
        var url = $"/api/org-units/{township.Id}";
        var before = await StampAsync(admin, url);
        await ShouldBeRefusedAsync(await admin.PostJsonAsync($"{url}/move", new { newParentId = township.ParentId }));
        await ShouldBeRefusedAsync(await admin.PutJsonAsync(url, new { sortOrder = 7 }));
        (await StampAsync(admin, url)).ShouldBe(before);
    }

    [Fact]
    public async Task A_petition_paused_without_the_stamp_is_refused_and_nothing_changes()
    {
        var officer = await ClientAsync(userName: "demo.petitionofficer");
        var created = await officer.PostAsync("/api/petitions",
            new StringContent(HostileProbes.PetitionRegistration().ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var petition = await created.ReadJsonAsync();
        var url = $"/api/petitions/{petition.GetProperty("id").GetGuid()}";

        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"{url}/pause", new { reason = "当事人住院" }));

        (await StampAsync(officer, url)).ShouldBe(petition.GetProperty("concurrencyStamp").GetString());
    }

    [Fact]
    public async Task A_calendar_year_replaced_without_the_stamp_is_refused_and_nothing_changes()
    {
        var admin = await ClientAsync(userName: "demo.systemadmin");
        var before = await StampAsync(admin, "/api/calendar/2026");
        before.ShouldNotBeNull("the year is loaded from its file at start-up");

        await ShouldBeRefusedAsync(await admin.PutJsonAsync("/api/calendar/2026", new { source = "无版本标记的覆盖", holidays = Array.Empty<object>(), workingDays = Array.Empty<object>() }));

        (await StampAsync(admin, "/api/calendar/2026")).ShouldBe(before);
    }

    [Fact]
    public async Task A_window_advisor_detached_without_the_stamp_is_refused_and_nothing_changes()
    {
        var app = await AppAsync();
        var village = await LegalWindowSetup.VillageAsync(app, "岱东村");
        var advisor = await LegalWindowSetup.AdvisorAsync(app, "赵律师");
        var window = await LegalWindowSetup.WindowAsync(app, village.Id, advisor);
        var head = await ClientAsync(userName: LegalWindowSetup.UnitHead);

        await ShouldBeRefusedAsync(await head.DeleteAsync($"/api/legal-windows/windows/{window.Id}/advisors/{advisor.Id}"));

        var stored = await (await head.GetAsync($"/api/legal-windows/windows/{window.Id}")).ReadAsync<Mediation.LegalWindows.WindowDto>();
        (stored.ConcurrencyStamp, stored.Advisors.Count).ShouldBe((window.ConcurrencyStamp, 1));
    }

    [Fact]
    public async Task A_desk_request_taken_without_the_stamp_is_refused_and_nothing_changes()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await DeskSetup.EnterpriseAsync(app);
        var filed = await DeskSetup.FileAsync(enterprise);
        var officer = await ClientAsync(userName: DeskSetup.Officer);

        await ShouldBeRefusedAsync(await officer.PostJsonAsync($"/api/service-desk/requests/{filed.Id}/take", new { complex = false }));

        var stored = await (await officer.GetAsync($"/api/service-desk/requests/{filed.Id}")).ReadAsync<Mediation.ServiceDesk.DeskRequestDto>();
        (stored.ConcurrencyStamp, stored.Status).ShouldBe((filed.ConcurrencyStamp, filed.Status));
    }

    [Fact]
    public async Task A_joint_meeting_agenda_item_placed_without_the_stamp_is_refused_and_nothing_changes()
    {
        var coordinator = await ClientAsync(userName: JointMeetingsApi_Tests.Coordinator);
        var group = (await (await coordinator.GetAsync("/api/joint-meetings/groups")).ReadAsync<List<WorkingGroupDto>>()).Single(g => g.Level == MeetingLevel.City);
        var meeting = await (await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "专题联席会议", DateTimeOffset.UtcNow.AddDays(3), "市委政法委三楼会议室"))).ReadAsync<MeetingDto>();
        var item = await (await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "农民工工资拖欠", null, null, null, null))).ReadAsync<AgendaItemDto>();

        await ShouldBeRefusedAsync(await coordinator.PostJsonAsync($"/api/joint-meetings/meetings/{meeting.Id}/agenda", new { agendaItemId = item.Id }));

        var stored = await (await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}")).ReadAsync<MeetingDto>();
        (stored.ConcurrencyStamp, stored.Status, stored.AgendaItems.Count).ShouldBe((meeting.ConcurrencyStamp, MeetingStatus.Planned, 0));
    }

    [Fact]
    public async Task An_integrating_system_updated_without_the_stamp_is_refused_and_nothing_changes()
    {
        var admin = await ClientAsync(userName: "demo.systemadmin");
        var created = await admin.PostJsonAsync("/api/integrations/systems",
            new RegisterSystemInput("泰安市12345热线" + Guid.NewGuid().ToString("N")[..6], "https://hotline.example/cb", TaishanDistrict, true));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var system = (await created.ReadAsync<RegisteredSystemDto>()).System;
        var url = $"/api/integrations/systems/{system.Id}";

        await ShouldBeRefusedAsync(await admin.PutJsonAsync(url, new { name = system.Name, callbackUrl = system.CallbackUrl, orgUnitCodes = TaishanDistrict, enabled = false }));

        var stored = await (await admin.GetAsync(url)).ReadAsync<IntegratingSystemDto>();
        (stored.ConcurrencyStamp, stored.Enabled).ShouldBe((system.ConcurrencyStamp, true));
    }
}

public sealed class ConcurrencyStamp_Tests_on_Sqlite(SqliteApp app) : ConcurrencyStamp_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyStamp_Tests_on_PostgreSql(PostgresCluster cluster) : ConcurrencyStamp_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
