using Mediation.Core.Web;
using System.Net;
using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.JointMeetings;
using Mediation.JointMeetings.Domain;
using Mediation.Core.Exports;
using Mediation.JointMeetings.Application;
using Mediation.JointMeetings.Jobs;
using Mediation.Tests.Exports;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Documents;
using MiniExcelLibs;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.JointMeetings;

public abstract class JointMeetingsApi_Tests : ProviderTests
{
    public const string Coordinator = "demo.coordinator.taian";
    public const string Liaison = "demo.memberunit";
    private const string Housing = "市住房和城乡建设局";
    private const string Labour = "市人力资源和社会保障局";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    internal static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    private async Task<WorkingGroupDto> CityGroupAsync() =>
        (await OkAsync<List<WorkingGroupDto>>(await (await ClientAsync(userName: Coordinator)).GetAsync("/api/joint-meetings/groups"))).Single(g => g.Level == MeetingLevel.City);

    [Fact]
    public async Task The_meeting_calendar_lists_the_meetings_of_the_days_asked_for()
    {
        var (meeting, _) = await HeldMeetingAsync(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.FromHours(8)));
        var coordinator = await ClientAsync(userName: Coordinator);

        var thatDay = await OkAsync<List<MeetingSummaryDto>>(await coordinator.GetAsync("/api/joint-meetings/meetings?from=2026-11-03&to=2026-11-03"));
        var dayBefore = await OkAsync<List<MeetingSummaryDto>>(await coordinator.GetAsync("/api/joint-meetings/meetings?from=2026-11-02&to=2026-11-02"));

        thatDay.ShouldContain(m => m.Id == meeting.Id);
        dayBefore.ShouldNotContain(m => m.Id == meeting.Id);
    }

    private static Guid UnitId(WorkingGroupDto group, string name) => group.MemberUnits.Single(u => u.Name == name).Id;

    /// <summary>A meeting held at <paramref name="heldAt"/> with <paramref name="proposed"/> on its agenda (a new office item when null).</summary>
    private async Task<(MeetingDto Meeting, AgendaItemDto Item)> HeldMeetingAsync(DateTimeOffset heldAt, AgendaItemDto? proposed = null)
    {
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var meeting = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "专题联席会议" + Guid.NewGuid().ToString("N")[..4], heldAt, "市委政法委三楼会议室")), HttpStatusCode.Created);
        proposed ??= await OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "农民工工资拖欠", "涉及人社、住建", null, null, null)), HttpStatusCode.Created);
        var itemId = proposed.Id;
        meeting = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/meetings/{meeting.Id}/agenda", new PlaceOnAgendaInput(itemId, proposed.ConcurrencyStamp)));
        var attendance = group.MemberUnits.Select((u, i) => i == 0
            ? new AttendanceInput(u.Id, AttendanceStatus.Substitute, null, "王某某")
            : new AttendanceInput(u.Id, i == 1 ? AttendanceStatus.Absent : AttendanceStatus.Present, i == 1 ? null : "分管负责人", null)).ToList();
        var held = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/meetings/{meeting.Id}/held",
            new RecordMeetingInput(heldAt, "市委政法委三楼会议室", "张某某", attendance, meeting.ConcurrencyStamp)));
        return (held, held.AgendaItems.Single(i => i.Id == itemId));
    }

    private async Task<AssignedTaskDto> AssignedAsync(DateTimeOffset heldAt, string lead = Housing, string? cooperating = Labour)
    {
        var (_, item) = await HeldMeetingAsync(heldAt);
        var group = await CityGroupAsync();
        var decided = await OkAsync<MeetingDto>(await (await ClientAsync(userName: Coordinator)).PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("限期清偿拖欠工资", [new TaskInput("督促总包单位清偿并报送凭证", UnitId(group, lead), cooperating is null ? [] : [UnitId(group, cooperating)])], item.ConcurrencyStamp)));
        return decided.Tasks.Single();
    }


    [Fact]
    public async Task The_demo_city_group_has_its_27_member_units_and_a_held_meeting_with_tasks_in_every_state()
    {
        var group = await CityGroupAsync();
        group.MemberUnits.Count.ShouldBe(27);
        group.IssuerCode.ShouldBe("泰安政法联");
        group.MemberUnits.Single(u => u.Name == Housing).Liaisons.ShouldContain(l => l.UserId != null);
        var tasks = (await OkAsync<PagedList<AssignedTaskDto>>(await (await ClientAsync(userName: Coordinator)).GetAsync("/api/joint-meetings/tasks"))).Items;
        tasks.Select(t => t.Status).Distinct().Order().ShouldBe(Enum.GetValues<AssignedTaskStatus>());
        tasks.ShouldContain(t => t.Supervisions.Any(s => s.Kind == SupervisionKind.ListedSupervision));
    }

    /// <summary>A petition accepted for handling that asked for a joint meeting, and the proposed item its request became.</summary>
    private async Task<(PetitionDto Petition, AgendaItemDto Proposed)> RequestedPetitionAsync()
    {
        var officer = await ClientAsync(userName: "demo.petitionofficer");
        var registered = await OkAsync<PetitionDto>(await officer.PostJsonAsync("/api/petitions", new RegisterPetitionInput(PetitionChannel.Letter,
            DateTimeOffset.UtcNow.AddHours(-1), null, [new PetitionerInput("王某", "11010519491231002X", "13800138000", "岱东社区 3 号")],
            "某小区开发商拖欠农民工工资" + Guid.NewGuid().ToString("N")[..6], "支付工资", "岱东社区", null, null, null, null)), HttpStatusCode.Created);
        var accepted = await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{registered.Id}/accept", new AcceptPetitionInput(registered.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling)));
        await OkAsync<PetitionDto>(await officer.PostJsonAsync($"/api/petitions/{accepted.Id}/joint-meeting",
            new RequestJointMeetingInput("涉及人社与住建两个部门的职责", ["市人社局", "市住建局"], accepted.ConcurrencyStamp)));

        var coordinator = await ClientAsync(userName: Coordinator);
        var proposed = await Eventually.Async(async () =>
            ((await OkAsync<PagedList<AgendaItemDto>>(await coordinator.GetAsync("/api/joint-meetings/agenda-items/proposed"))).Items).FirstOrDefault(i => i.LinkedRecord?.Id == accepted.Id),
            "the proposed agenda item");
        return (accepted, proposed);
    }

    [Fact]
    public async Task A_petitions_request_becomes_a_proposed_item_that_a_meeting_decides_into_a_task_on_the_modules_policy()
    {
        var (accepted, proposed) = await RequestedPetitionAsync();
        var coordinator = await ClientAsync(userName: Coordinator);
        proposed.Source.ShouldBe(AgendaItemSource.PetitionRequest);
        proposed.LinkedRecord!.Type.ShouldBe(LinkedRecordType.Petition);
        proposed.LinkedRecord.Number.ShouldBe(accepted.Number);
        proposed.Description!.ShouldContain("市住建局");

        var heldAt = DateTimeOffset.UtcNow.AddHours(-2);
        var (meeting, item) = await HeldMeetingAsync(heldAt, proposed);
        item.Status.ShouldBe(AgendaItemStatus.OnAgenda);
        meeting.Attendance.Count.ShouldBe(27);
        meeting.Attendance.ShouldContain(a => a.Status == AttendanceStatus.Substitute && a.SubstituteName == "王某某");
        var group = await CityGroupAsync();
        var decided = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("由市人社局牵头、市住建局配合，督促开发商清偿", [new TaskInput("督促清偿拖欠工资", UnitId(group, Labour), [UnitId(group, Housing)])], item.ConcurrencyStamp)));

        decided.AgendaItems.Single().Status.ShouldBe(AgendaItemStatus.Decided);
        var task = decided.Tasks.ShouldHaveSingleItem();
        task.Policy.ShouldBe(JointMeetingPolicies.Task);
        task.LinkedRecord!.Number.ShouldBe(accepted.Number);
        task.DueDate.ShouldNotBeNull();
        task.DueDate!.Value.ShouldBeGreaterThanOrEqualTo(DateOnly.FromDateTime(heldAt.ToOffset(China).DateTime).AddDays(30));

        var issued = await OkAsync<MinutesIssuedDto>(await coordinator.PostAsync($"/api/joint-meetings/meetings/{meeting.Id}/minutes", null), HttpStatusCode.Created);
        issued.Number.ShouldMatch(@"^泰安政法联〔\d{4}〕[1-9]\d*号$");
        var pdf = await (await coordinator.GetAsync($"/api/documents/{issued.DocumentId}")).Content.ReadAsByteArrayAsync();
        var text = string.Concat(PdfText.PageTexts(pdf));
        text.ShouldContain("泰安市社会治理联席会议会议纪要");
        text.ShouldContain(issued.Number);
        text.ShouldContain("委托参会");
        text.ShouldContain("王某某");
        text.ShouldContain("督促清偿拖欠工资");
        text.ShouldContain(Labour);
        text.ShouldContain($"信访事项{accepted.Number}");
        text.ShouldContain($"{task.DueDate.Value.Year}年{task.DueDate.Value.Month}月{task.DueDate.Value.Day}日");
        text.ShouldContain("中共泰安市委政法委员会");
        (await OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}"))).MinutesNumber.ShouldBe(issued.Number);
        await ShouldBeRefusedAsync(await coordinator.PostAsync($"/api/joint-meetings/meetings/{meeting.Id}/minutes", null),
            HttpStatusCode.UnprocessableEntity, JointMeetingsErrorCodes.MinutesAlreadyIssued);
    }

    [Fact]
    public async Task A_task_accepted_on_a_petitions_item_shows_on_the_petitions_timeline()
    {
        var (petition, proposed) = await RequestedPetitionAsync();
        var (_, item) = await HeldMeetingAsync(DateTimeOffset.UtcNow.AddHours(-2), proposed);
        var group = await CityGroupAsync();
        var coordinator = await ClientAsync(userName: Coordinator);
        var requirement = "督促开发商清偿拖欠工资" + Guid.NewGuid().ToString("N")[..4];
        var task = (await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("由市住建局牵头清偿", [new TaskInput(requirement, UnitId(group, Housing), [])], item.ConcurrencyStamp)))).Tasks.Single();
        var liaison = await ClientAsync(userName: Liaison);
        await OkAsync<AssignedTaskDto>(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/completion", new ReportCompletionInput("已清偿", "支付凭证", await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/completion"))));
        var officer = await ClientAsync(userName: "demo.petitionofficer");
        (await OkAsync<PetitionDto>(await officer.GetAsync($"/api/petitions/{petition.Id}"))).Timeline
            .ShouldNotContain(e => e.Kind == PetitionEventKind.JointMeetingTaskAccepted, "reported completion is not yet accepted");

        await OkAsync<AssignedTaskDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance", new AcceptCompletionInput(true, "同意办结", await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance"))));

        var shown = await Eventually.Async(async () => (await OkAsync<PetitionDto>(await officer.GetAsync($"/api/petitions/{petition.Id}"))).Timeline
            .FirstOrDefault(e => e.Kind == PetitionEventKind.JointMeetingTaskAccepted), "the accepted task on the petition's timeline");
        shown.Detail.ShouldBe($"{Housing}：{requirement}");
        var page = System.Net.WebUtility.HtmlDecode(await officer.GetStringAsync($"/Petitions/{petition.Id}"));
        page.ShouldContain("联席会议交办事项验收办结");
    }

    [Fact]
    public async Task The_meeting_and_its_tasks_show_the_linked_petitions_and_legal_window_records_state_now()
    {
        var (petition, proposed) = await RequestedPetitionAsync();
        var advisor = await ClientAsync(userName: "demo.legaladvisor");
        var window = (await OkAsync<List<Mediation.LegalWindows.WindowDto>>(await advisor.GetAsync("/api/legal-windows/windows"))).Single(w => w.ShortName == "岱东法");
        var errand = await OkAsync<Mediation.LegalWindows.ServiceRecordDto>(await advisor.PostJsonAsync("/api/legal-windows/records", new Mediation.LegalWindows.RecordServiceInput(window.Id,
            Mediation.LegalWindows.ServiceKind.CivilAgency, null, new Mediation.LegalWindows.ServedPersonInput("李某某", null, null), "代为申请法律援助", null, 10, null)), HttpStatusCode.Created);
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var (meeting, item) = await HeldMeetingAsync(DateTimeOffset.UtcNow.AddHours(-2), proposed);
        await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/meetings/{meeting.Id}/agenda-items",
            new ProposeAgendaItemInput(group.Id, "法律援助代办跟进", null, LinkedRecordType.LegalWindowRecord, errand.Id, errand.Number)));
        var decided = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("限期清偿", [new TaskInput("督促清偿", UnitId(group, Housing), [])], item.ConcurrencyStamp)));

        decided.AgendaItems.Single(i => i.Id == item.Id).LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(PetitionStatus.Accepted), false));
        decided.AgendaItems.Single(i => i.LinkedRecord?.Id == errand.Id).LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(Mediation.LegalWindows.ErrandStatus.Accepted), false));
        decided.Tasks.Single().LinkedRecord!.Live!.Status.ShouldBe(nameof(PetitionStatus.Accepted));

        var started = await OkAsync<Mediation.LegalWindows.ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{errand.Id}/errand/start",
            new Mediation.LegalWindows.ErrandStepInput(null, errand.ConcurrencyStamp)));
        await OkAsync<Mediation.LegalWindows.ServiceRecordDto>(await advisor.PostJsonAsync($"/api/legal-windows/records/{errand.Id}/errand/done",
            new Mediation.LegalWindows.ErrandStepInput("已递交申请", started.ConcurrencyStamp)));
        var now = await OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}"));
        now.AgendaItems.Single(i => i.LinkedRecord?.Id == errand.Id).LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(Mediation.LegalWindows.ErrandStatus.Done), true));
        var page = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Meetings/{meeting.Id}"));
        page.ShouldContain($"信访事项 {petition.Number}");
        page.ShouldContain("当前状态：办理中");
        page.ShouldContain("当前状态：代办已办结");
        var taskPage = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Tasks/{decided.Tasks.Single().Id}"));
        taskPage.ShouldContain("当前状态：办理中");
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    [Fact]
    public async Task The_lead_unit_attaches_evidence_files_checked_by_content_that_the_office_downloads()
    {
        var task = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3));
        var foreign = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: "市教育局", cooperating: null);
        var liaison = await ClientAsync(userName: Liaison);
        var pdf = Petitions.AttachmentTypes_Tests.Pdf();

        var added = await OkAsync<TaskAttachmentDto>(await liaison.PostAsync($"/api/joint-meetings/tasks/{task.Id}/attachments", Upload("工资支付凭证.pdf", pdf)),
            HttpStatusCode.Created);
        added.ContentType.ShouldBe("application/pdf");
        added.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        await ShouldBeRefusedAsync(await liaison.PostAsync($"/api/joint-meetings/tasks/{task.Id}/attachments", Upload("签收表.pdf", "MZ\x90\0 not a pdf"u8.ToArray())),
            HttpStatusCode.UnprocessableEntity, JointMeetingsErrorCodes.AttachmentTypeNotAllowed);
        (await liaison.PostAsync($"/api/joint-meetings/tasks/{foreign.Id}/attachments", Upload("越权.pdf", pdf))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var coordinator = await ClientAsync(userName: Coordinator);
        var seen = await OkAsync<AssignedTaskDto>(await coordinator.GetAsync($"/api/joint-meetings/tasks/{task.Id}"));
        seen.Attachments.ShouldNotBeNull().ShouldHaveSingleItem().FileName.ShouldBe("工资支付凭证.pdf");
        var liaisonLabel = await (await AppAsync()).ActorLabelAsync(Liaison);
        var liaisonNamed = await (await AppAsync()).ActorNameAndUnitAsync(Liaison);
        ((added.UploadedByName, added.UploadedByUnit), (seen.Attachments![0].UploadedByName, seen.Attachments![0].UploadedByUnit))
            .ShouldBe((liaisonNamed, liaisonNamed), "the uploader by name and unit, in two fields (issue 20)");
        var taskPage = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Tasks/{task.Id}"));
        taskPage[taskPage.IndexOf("id=\"attachments\"", StringComparison.Ordinal)..].ShouldContain(liaisonLabel);
        (await (await coordinator.GetAsync($"/api/joint-meetings/tasks/{task.Id}/attachments/{added.Id}")).Content.ReadAsByteArrayAsync()).ShouldBe(pdf);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<TaskAttachment>().AsNoTracking().SingleAsync(a => a.Id == added.Id);
        stored.Content.ShouldNotBe(pdf, "the file is stored encrypted");
    }

    [Fact]
    public async Task The_register_is_exported_through_the_shared_exports_and_downloaded_by_its_requester_alone()
    {
        var open = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: "市教育局", cooperating: null);
        var coordinator = await ClientAsync(userName: Coordinator);
        var requested = await OkAsync<ExportJobDto>(await coordinator.PostJsonAsync("/api/exports", new { kind = RegisterExport.ExportKind }), HttpStatusCode.Accepted);
        (requested.State, requested.FileName, requested.DownloadUrl).ShouldBe((ExportJobState.Queued, RegisterExport.FileName, (string?)null));

        await ExportRuns.RunAsync(await AppAsync(), requested.Id);
        var done = await OkAsync<ExportJobDto>(await coordinator.GetAsync($"/api/exports/{requested.Id}"));
        (done.State, done.Percent).ShouldBe((ExportJobState.Done, 100), done.Error);
        var file = await coordinator.GetAsync(done.DownloadUrl);
        file.Content.Headers.ContentType!.MediaType.ShouldBe(ExportFile.Xlsx);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, sheetName: RegisterExport.SheetName).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe((int)done.RowsTotal!.Value);
        rows.ShouldContain(r => (string?)r["牵头单位"] == "市教育局" && (string?)r["交办事项"] == open.Requirement && (string?)r["状态"] == "已交办");
        rows.ShouldContain(r => (string?)r["状态"] == "已验收办结", "the register holds accepted tasks too, unlike the supervision list");

        (await (await ClientAsync(userName: "demo.statistician")).GetAsync($"/api/exports/{requested.Id}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "an export is its requester's");
        (await (await ClientAsync(userName: Liaison)).PostJsonAsync("/api/exports", new { kind = RegisterExport.ExportKind })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "a member unit's liaison does not read the whole register");
        var filtered = await coordinator.PostJsonAsync("/api/exports", new { kind = RegisterExport.ExportKind, parameters = new { openOnly = true } });
        filtered.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the register has no filters; one asked for is refused, not ignored");
        (await filtered.ReadJsonAsync()).GetProperty("errors").TryGetProperty("parameters", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_member_units_liaison_sees_and_reports_on_only_his_units_tasks()
    {
        var led = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: Housing, cooperating: Labour);
        var cooperating = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: Labour, cooperating: Housing);
        var foreign = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: "市教育局", cooperating: null);
        var liaison = await ClientAsync(userName: Liaison);

        var mine = (await OkAsync<PagedList<AssignedTaskDto>>(await liaison.GetAsync("/api/joint-meetings/tasks/mine"))).Items;
        mine.Select(t => t.Id).ShouldContain(led.Id);
        mine.Select(t => t.Id).ShouldContain(cooperating.Id);
        mine.ShouldNotContain(t => t.Id == foreign.Id);
        mine.ShouldAllBe(t => t.LeadUnit.Name == Housing || t.CooperatingUnits.Any(c => c.Name == Housing));
        (await liaison.GetAsync($"/api/joint-meetings/tasks/{foreign.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await liaison.GetAsync("/api/joint-meetings/tasks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{foreign.Id}/progress", new ReportProgressInput("越权", await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{foreign.Id}/progress")))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldBeRefusedAsync(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{cooperating.Id}/progress", new ReportProgressInput("配合单位报告", await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{cooperating.Id}/progress"))),
            HttpStatusCode.Forbidden, JointMeetingsErrorCodes.OnlyLeadUnitReports);

        var reported = await OkAsync<AssignedTaskDto>(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{led.Id}/progress",
            new ReportProgressInput("已约谈总包单位负责人", led.ConcurrencyStamp)));
        reported.Status.ShouldBe(AssignedTaskStatus.InProgress);
        reported.Reports.Single().By!.ShouldContain(Liaison);
        (reported.Reports.Single().ByName, reported.Reports.Single().ByUnit).ShouldBe(await (await AppAsync()).ActorNameAndUnitAsync(Liaison),
            "people by name and unit, not by login (issue 20)");

        var unlinked = await ClientAsync(userName: "demo.unithead");
        ((await OkAsync<PagedList<AssignedTaskDto>>(await unlinked.GetAsync("/api/joint-meetings/tasks/mine"))).Items).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_convener_accepts_a_completion_with_evidence_which_stops_the_clock_and_tells_the_linked_records_module()
    {
        var task = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3));
        var liaison = await ClientAsync(userName: Liaison);
        var coordinator = await ClientAsync(userName: Coordinator);
        (await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/completion", new ReportCompletionInput("已清偿", null, await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/completion"))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var completed = await OkAsync<AssignedTaskDto>(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/completion",
            new ReportCompletionInput("已督促清偿全部工资", "工资支付凭证、签收表", await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/completion"))));
        completed.Status.ShouldBe(AssignedTaskStatus.CompletionReported);
        (await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance", new AcceptCompletionInput(true, null, await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var returned = await OkAsync<AssignedTaskDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance",
            new AcceptCompletionInput(false, "缺少农民工签收表", await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance"))));
        returned.Status.ShouldBe(AssignedTaskStatus.InProgress);
        await OkAsync<AssignedTaskDto>(await liaison.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/completion",
            new ReportCompletionInput("已补齐签收表", "农民工签收表", await liaison.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/completion"))));
        var accepted = await OkAsync<AssignedTaskDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance",
            new AcceptCompletionInput(true, "同意办结", await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance"))));
        accepted.Status.ShouldBe(AssignedTaskStatus.Accepted);
        await ShouldBeRefusedAsync(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance", new AcceptCompletionInput(true, null, await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/acceptance"))),
            HttpStatusCode.UnprocessableEntity, JointMeetingsErrorCodes.TaskNotAwaitingAcceptance);

        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var clocks = scope.ServiceProvider.GetRequiredService<IDeadlineClocks>();
        (await clocks.ForRecordAsync(AssignedTask.RecordType, task.Id, CancellationToken.None)).ShouldAllBe(c => c.Status == ClockStatus.Stopped);
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        (await db.OutboxMessages.Where(m => m.EventName == JointMeetingTaskAcceptedEto.EventName).ToListAsync())
            .Where(m => m.Payload.Contains(task.Id.ToString(), StringComparison.Ordinal)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_overdue_task_is_urged_supervised_and_circulated_on_working_days_across_national_day()
    {
        // Held 1 September 2026: 30 days end on 1 October, inside the National Day holiday (1–7 October), so the task is due on 8 October.
        var task = await AssignedAsync(new DateTimeOffset(2026, 9, 1, 9, 0, 0, China));
        task.DueDate.ShouldBe(new DateOnly(2026, 10, 8));

        async Task<IReadOnlyList<SupervisionKind>> StepsAt(int day, int hour)
        {
            await using var scope = (await AppAsync()).Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TaskEscalationJob>().RunAsync(new DateTimeOffset(2026, 10, day, hour, 0, 0, China), CancellationToken.None);
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            return (await db.Set<AssignedTask>().AsNoTracking().SingleAsync(t => t.Id == task.Id)).Supervisions.Select(s => s.Kind).ToList();
        }

        (await StepsAt(2, 10)).ShouldBeEmpty("1 October was a holiday: 30 calendar days end on the next working day");
        (await StepsAt(9, 10)).ShouldBe([SupervisionKind.Urge]);
        // 3 working days after 8 October: 9, Saturday 10 (调休 working day) and 12 October; without the 调休 it would be the 13th.
        (await StepsAt(12, 22)).ShouldBe([SupervisionKind.Urge]);
        (await StepsAt(13, 10)).ShouldBe([SupervisionKind.Urge, SupervisionKind.Supervise]);
        (await StepsAt(13, 11)).ShouldBe([SupervisionKind.Urge, SupervisionKind.Supervise], "a second run takes no step twice");
        (await StepsAt(17, 10)).ShouldBe([SupervisionKind.Urge, SupervisionKind.Supervise, SupervisionKind.Circulate]);

        var coordinator = await ClientAsync(userName: Coordinator);
        var measured = await OkAsync<AssignedTaskDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/measures",
            new RecordMeasureInput(SupervisionKind.Interview, new DateOnly(2026, 10, 20), "约谈牵头单位分管负责人", await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/measures"))));
        measured.Supervisions[^1].Kind.ShouldBe(SupervisionKind.Interview);
        measured.Supervisions[^1].Automatic.ShouldBeFalse();
        var coordinatorNamed = await (await AppAsync()).ActorNameAndUnitAsync(Coordinator);
        (measured.Supervisions[^1].By, measured.Supervisions[^1].ByName, measured.Supervisions[^1].ByUnit)
            .ShouldBe((Coordinator, coordinatorNamed.Name, coordinatorNamed.Unit));
        measured.Overdue.ShouldBeTrue();
        (await coordinator.PostJsonAsync($"/api/joint-meetings/tasks/{task.Id}/measures", new RecordMeasureInput(SupervisionKind.Urge, new DateOnly(2026, 10, 20), null, await coordinator.CurrentStampAsync($"/api/joint-meetings/tasks/{task.Id}/measures"))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_supervision_list_prints_and_exports_the_open_tasks_by_lead_unit()
    {
        var open = await AssignedAsync(DateTimeOffset.UtcNow.AddHours(-3), lead: "市教育局", cooperating: null);
        var coordinator = await ClientAsync(userName: Coordinator);

        var pdf = await coordinator.GetAsync("/api/joint-meetings/supervision-list.pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = string.Concat(PdfText.PageTexts(await pdf.Content.ReadAsByteArrayAsync()));
        text.ShouldContain("督办清单");
        text.ShouldContain("市教育局");
        text.ShouldContain("已交办");

        var xlsx = await coordinator.GetAsync("/api/joint-meetings/supervision-list.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.ShouldContain(r => (string?)r["牵头单位"] == "市教育局" && (string?)r["交办事项"] == open.Requirement && (string?)r["状态"] == "已交办");
        rows.ShouldNotContain(r => (string?)r["状态"] == "已验收办结");
        rows.ShouldContain(r => ((string?)r["督办情况"] ?? "").Contains("挂牌督办"));
        (await (await ClientAsync(userName: Liaison)).GetAsync("/api/joint-meetings/supervision-list.xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_linked_case_that_concludes_shows_on_its_agenda_item()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await Cases.CaseSetup.CommitteeAsync(app);
        var registered = await Cases.CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var item = await OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "跨区域土地承包纠纷", null, LinkedRecordType.MediationCase, registered.Id, registered.Number)), HttpStatusCode.Created);
        item.LinkedRecord!.Closed.ShouldBeFalse();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>().Publish(new CaseConcludedEto(registered.Id, registered.Number, group.OrgUnitId,
                CaseOutcome.Succeeded, null, CaseSource.WalkIn, DateTimeOffset.UtcNow));
            await scope.ServiceProvider.GetRequiredService<MediationDbContext>().SaveChangesAsync();
        }

        var closed = await Eventually.Async(async () =>
            ((await OkAsync<PagedList<AgendaItemDto>>(await coordinator.GetAsync("/api/joint-meetings/agenda-items/proposed"))).Items)
                .FirstOrDefault(i => i.Id == item.Id && i.LinkedRecord!.Closed), "the case's conclusion on the item");
        closed.LinkedRecord!.ClosedNote.ShouldBe("调解成功，达成书面调解协议");
    }

    // Outside probe: an item linked whatever id and number it was sent (a case's id as a petition, an id of nothing, a made-up number),
    // and the number was printed in the 会议纪要; a number without its kind was dropped without a word.
    [Fact]
    public async Task An_agenda_item_links_only_a_record_the_caller_can_see_by_its_own_number_and_a_refused_link_writes_nothing()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await Cases.CaseSetup.CommitteeAsync(app);
        var registered = await Cases.CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        async Task<long> ProposedAsync() =>
            (await OkAsync<PagedList<AgendaItemDto>>(await coordinator.GetAsync("/api/joint-meetings/agenda-items/proposed"))).Total;
        var before = await ProposedAsync();

        async Task RefusedAsync(ProposeAgendaItemInput input, string field, string code, string message)
        {
            var response = await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items", input);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            var error = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty(field)[0];
            (error.GetProperty("code").GetString(), error.GetProperty("message").GetString()).ShouldBe((code, message));
        }
        await RefusedAsync(new ProposeAgendaItemInput(group.Id, "关联不存在的案件", null, LinkedRecordType.MediationCase, Guid.NewGuid(), "泰山调〔2026〕9号"),
            "linkedRecordId", JointMeetingsErrorCodes.LinkedRecordNotFound, "未找到所关联的记录，或该记录不在您的管辖范围内。");
        await RefusedAsync(new ProposeAgendaItemInput(group.Id, "案件当作信访事项", null, LinkedRecordType.Petition, registered.Id, registered.Number),
            "linkedRecordId", JointMeetingsErrorCodes.LinkedRecordNotFound, "未找到所关联的记录，或该记录不在您的管辖范围内。");
        await RefusedAsync(new ProposeAgendaItemInput(group.Id, "编号不符", null, LinkedRecordType.MediationCase, registered.Id, "伪造〔2026〕1号"),
            "linkedRecordNumber", JointMeetingsErrorCodes.LinkedRecordNumberMismatch, $"编号与所关联记录的编号（{registered.Number}）不一致。");
        await RefusedAsync(new ProposeAgendaItemInput(group.Id, "只有编号", null, null, null, registered.Number),
            "linkedRecordType", CoreErrorCodes.Validation.Required, "此项为必填项。");
        (await ProposedAsync()).ShouldBe(before);

        var linked = await OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "关联本案", null, LinkedRecordType.MediationCase, registered.Id, $" {registered.Number} ")), HttpStatusCode.Created);
        (linked.LinkedRecord!.Id, linked.LinkedRecord.Number).ShouldBe((registered.Id, registered.Number));
    }

    [Fact]
    public async Task A_linked_mediation_case_shows_its_state_now_through_the_cases_contract_and_its_conclusion()
    {
        var app = await AppAsync();
        var (committee, mediatorId) = await Cases.CaseSetup.CommitteeAsync(app);
        var registered = await Cases.CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var proposed = await OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "跨区域排水沟纠纷", null, LinkedRecordType.MediationCase, registered.Id, registered.Number)), HttpStatusCode.Created);
        proposed.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(CaseStatus.Registered), false));

        var mediator = await ClientAsync(userName: "demo.mediator");
        var inMediation = await OkAsync<CaseDto>(await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-1), "岱东社区调解室", ["调解员", "王某某", "李某某"], "双方陈述", [], registered.ConcurrencyStamp)));
        var (meeting, item) = await HeldMeetingAsync(DateTimeOffset.UtcNow.AddHours(-2), proposed);
        item.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(CaseStatus.InMediation), false));
        var decided = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("属地调处", [new TaskInput("配合调解委员会调处", UnitId(group, Housing), [])], item.ConcurrencyStamp)));
        var page = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Meetings/{meeting.Id}"));
        page.ShouldContain($"调解案件 {registered.Number}");
        page.ShouldContain("当前状态：调解中");
        (await mediator.PostJsonAsync($"/api/cases/{registered.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Failed, null, null, null, [], null, null,
            "双方分歧较大", false, null, inMediation.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var closed = await Eventually.Async(async () => (await OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}")))
            .AgendaItems.FirstOrDefault(i => i.Id == item.Id && i.LinkedRecord!.Closed), "the case's conclusion on the item");
        closed.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(CaseOutcome.Failed), true));
        closed.LinkedRecord.ClosedNote.ShouldBe("调解不成");
        var taskPage = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Tasks/{decided.Tasks.Single().Id}"));
        taskPage.ShouldContain("当前状态：调解不成");
    }

    [Fact]
    public async Task A_linked_desk_request_shows_its_state_now_through_the_desk_contract_and_its_conclusion()
    {
        var app = await AppAsync();
        var (_, enterprise, _) = await ServiceDesk.DeskSetup.EnterpriseAsync(app);
        var filed = await ServiceDesk.DeskSetup.FileAsync(enterprise);
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var proposed = await OkAsync<AgendaItemDto>(await coordinator.PostJsonAsync("/api/joint-meetings/agenda-items",
            new ProposeAgendaItemInput(group.Id, "建安企业工程款拖欠协调", null, LinkedRecordType.DeskRequest, filed.Id, filed.Number)), HttpStatusCode.Created);
        proposed.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(Mediation.ServiceDesk.RequestStatus.Submitted), false));

        var officer = await ClientAsync(userName: ServiceDesk.DeskSetup.Officer);
        var taken = await ServiceDesk.DeskSetup.TakeAsync(officer, filed);
        var (meeting, item) = await HeldMeetingAsync(DateTimeOffset.UtcNow.AddHours(-2), proposed);
        item.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(Mediation.ServiceDesk.RequestStatus.InHandling), false));
        var decided = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync($"/api/joint-meetings/agenda-items/{item.Id}/decision",
            new DecideAgendaItemInput("住建部门督促总包方支付", [new TaskInput("督促总包方支付工程款", UnitId(group, Housing), [])], item.ConcurrencyStamp)));
        (await officer.PostJsonAsync($"/api/service-desk/requests/{taken.Id}/conclude",
            new Mediation.ServiceDesk.ConcludeInput("总包方已支付工程款120万元", taken.ConcurrencyStamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var closed = await Eventually.Async(async () => (await OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}")))
            .AgendaItems.FirstOrDefault(i => i.Id == item.Id && i.LinkedRecord!.Closed), "the desk's conclusion on the item");
        closed.LinkedRecord!.Live.ShouldBe(new LinkedRecordLiveDto(nameof(Mediation.ServiceDesk.RequestStatus.Concluded), true));
        closed.LinkedRecord.ClosedNote.ShouldBe("接诉即办已办结告知：总包方已支付工程款120万元");
        var taskPage = System.Net.WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/JointMeetings/Tasks/{decided.Tasks.Single().Id}"));
        taskPage.ShouldContain("当前状态：已办结待评价");
        taskPage.ShouldContain("接诉即办已办结告知：总包方已支付工程款120万元");
    }

    [Fact]
    public async Task A_meeting_without_every_units_attendance_is_refused_and_nothing_is_written()
    {
        var coordinator = await ClientAsync(userName: Coordinator);
        var group = await CityGroupAsync();
        var meeting = await OkAsync<MeetingDto>(await coordinator.PostJsonAsync("/api/joint-meetings/meetings",
            new ScheduleMeetingInput(group.Id, "缺席记录不全的会议", DateTimeOffset.UtcNow.AddHours(-1), "会议室")), HttpStatusCode.Created);
        await ShouldBeRefusedAsync(await coordinator.PostJsonAsync($"/api/joint-meetings/meetings/{meeting.Id}/held", new RecordMeetingInput(DateTimeOffset.UtcNow.AddHours(-1),
            "会议室", "张某某", [new AttendanceInput(group.MemberUnits[0].Id, AttendanceStatus.Present, "李某", null)], meeting.ConcurrencyStamp)),
            HttpStatusCode.UnprocessableEntity, JointMeetingsErrorCodes.AttendanceIncomplete);
        var unchanged = await OkAsync<MeetingDto>(await coordinator.GetAsync($"/api/joint-meetings/meetings/{meeting.Id}"));
        unchanged.Status.ShouldBe(MeetingStatus.Planned);
        unchanged.Attendance.ShouldBeEmpty();
        (await (await ClientAsync(userName: "demo.coordinator")).GetAsync($"/api/joint-meetings/meetings/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class JointMeetingsApi_Tests_on_Sqlite(SqliteApp app) : JointMeetingsApi_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class JointMeetingsApi_Tests_on_PostgreSql(PostgresCluster cluster) : JointMeetingsApi_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
