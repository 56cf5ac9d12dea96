using Mediation.Core.Web;
using Mediation.Core.Security;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.JointMeetings.Endpoints;

internal static class JointMeetingsEndpoints
{
    private const string Read = JointMeetingsPermissions.Meetings.Read;
    private const string Manage = JointMeetingsPermissions.Meetings.Manage;
    private const string Report = JointMeetingsPermissions.Tasks.Report;
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapJointMeetingsEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/groups", (JointMeetingsAppService s, CancellationToken ct) => s.ListGroupsAsync(ct)).WithName("JointMeetings_ListGroups").WithSummary("列出联席会议工作组").RequirePermission(Read);
        g.MapGet("/groups/{id:guid}", (Guid id, JointMeetingsAppService s, CancellationToken ct) => s.GetGroupAsync(id, ct)).WithName("JointMeetings_GetGroup").WithSummary("查询联席会议工作组").RequirePermission(Read);
        g.MapPost("/groups", async (CreateWorkingGroupInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateGroupAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/groups/{created.Id}", created);
        }).WithName("JointMeetings_CreateGroup").WithSummary("新建联席会议工作组").RequirePermission(Manage);
        g.MapPost("/groups/{id:guid}/member-units", async (Guid id, AddMemberUnitInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.AddMemberUnitAsync(id, input, ct);
            return TypedResults.Created($"/api/joint-meetings/groups/{id}", created);
        }).WithName("JointMeetings_AddMemberUnit").WithSummary("添加成员单位").RequirePermission(Manage);

        g.MapGet("/agenda-items/proposed", (int? page, int? pageSize, JointMeetingsAppService s, CancellationToken ct) => s.ListProposedAsync(Paging.From(page, pageSize), ct)).WithName("JointMeetings_ListProposedItems").WithSummary("列出待定议题").RequirePermission(Read);
        g.MapPost("/agenda-items", async (ProposeAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.ProposeAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/agenda-items/{created.Id}", created);
        }).WithName("JointMeetings_ProposeItem").WithSummary("提交议题").RequirePermission(Manage);
        g.MapPost("/agenda-items/{id:guid}/decision", (Guid id, DecideAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.DecideAsync(id, input, ct)).WithName("JointMeetings_DecideItem").WithSummary("决定是否上会").RequirePermission(Manage);

        g.MapGet("/meetings", (DateOnly? from, DateOnly? to, JointMeetingsAppService s, CancellationToken ct) => s.ListMeetingsAsync(from, to, ct)).WithName("JointMeetings_ListMeetings").WithSummary("列出联席会议")
            .RequirePermission(Read);
        g.MapGet("/meetings/{id:guid}", (Guid id, JointMeetingsAppService s, CancellationToken ct) => s.GetMeetingAsync(id, ct)).WithName("JointMeetings_GetMeeting").WithSummary("查询联席会议").RequirePermission(Read);
        g.MapPost("/meetings", async (ScheduleMeetingInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.ScheduleAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/meetings/{created.Id}", created);
        }).WithName("JointMeetings_ScheduleMeeting").WithSummary("安排联席会议").RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/agenda", (Guid id, PlaceOnAgendaInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.PlaceOnAgendaAsync(id, input, ct)).WithName("JointMeetings_PlaceOnAgenda").WithSummary("将议题列入会议议程").RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/agenda-items", (Guid id, ProposeAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.AddToAgendaAsync(id, input, ct)).WithName("JointMeetings_ProposeItemForMeeting").WithSummary("为会议直接提交议题").RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/held", (Guid id, RecordMeetingInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.RecordHeldAsync(id, input, ct)).WithName("JointMeetings_RecordMeeting").WithSummary("记录会议召开情况及议定事项").RequirePermission(Manage);

        g.MapPost("/meetings/{id:guid}/minutes", async (Guid id, JointMeetingDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueMinutesAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).WithName("JointMeetings_IssueMinutes").WithSummary("出具会议纪要").RequirePermission(Manage);
        g.MapGet("/supervision-list.pdf", async (JointMeetingDocumentsAppService s, CancellationToken ct) =>
            TypedResults.File(await s.SupervisionListPdfAsync(ct), "application/pdf", "督办清单.pdf")).WithName("JointMeetings_GetSupervisionListPdf").WithSummary("督办清单（PDF）").RequirePermission(Read);
        g.MapGet("/supervision-list.xlsx", async (JointMeetingDocumentsAppService s, CancellationToken ct) =>
            TypedResults.File(await s.SupervisionListExcelAsync(ct), Xlsx, "督办清单.xlsx")).WithName("JointMeetings_GetSupervisionListXlsx").WithSummary("督办清单（Excel）")
            .RequirePermission(Read);


        g.MapGet("/tasks", (bool? openOnly, int? page, int? pageSize, TaskAppService s, CancellationToken ct) => s.ListAsync(mine: false, openOnly ?? false, Paging.From(page, pageSize), ct)).WithName("JointMeetings_ListTasks").WithSummary("列出交办任务").RequirePermission(Read);
        g.MapGet("/tasks/mine", (bool? openOnly, int? page, int? pageSize, TaskAppService s, CancellationToken ct) => s.ListAsync(mine: true, openOnly ?? false, Paging.From(page, pageSize), ct)).WithName("JointMeetings_ListMyTasks").WithSummary("列出本单位承办的任务").RequirePermission(Report);
        g.MapGet("/my-units", (TaskAppService s, CancellationToken ct) => s.MyUnitsAsync(ct)).WithName("JointMeetings_ListMyUnits").WithSummary("列出本人联络的成员单位").RequirePermission(Report);
        g.MapGet("/tasks/{id:guid}", (Guid id, TaskAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("JointMeetings_GetTask").WithSummary("查询交办任务")
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MediationClaimTypes.Permission, Read, Report));
        g.MapPost("/tasks/{id:guid}/acknowledgement", (Guid id, AcknowledgeTaskInput input, TaskAppService s, CancellationToken ct)
            => s.AcknowledgeAsync(id, input, ct)).WithName("JointMeetings_AcknowledgeTask").WithSummary("签收交办任务").RequirePermission(Report);
        // The form is read by the service (not bound as IFormFile), so the size limit applies while the body is read.
        g.MapPost("/tasks/{id:guid}/attachments", async (Guid id, HttpRequest request, TaskAppService s, CancellationToken ct) =>
        {
            var added = await s.AddAttachmentAsync(id, await TaskAppService.ReadUploadAsync(request, ct), ct);
            return TypedResults.Created($"/api/joint-meetings/tasks/{id}/attachments/{added.Id}", added);
        }).WithName("JointMeetings_AddTaskAttachment").WithSummary("上传任务附件").RequirePermission(Report).DisableAntiforgery();
        g.MapGet("/tasks/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, TaskAppService s, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await s.AttachmentContentAsync(id, attachmentId, ct);
            return TypedResults.File(content, contentType, fileName);
        }).WithName("JointMeetings_GetTaskAttachment").WithSummary("下载任务附件").RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MediationClaimTypes.Permission, Read, Report));
        g.MapPost("/tasks/{id:guid}/progress", (Guid id, ReportProgressInput input, TaskAppService s, CancellationToken ct)
            => s.ReportProgressAsync(id, input, ct)).WithName("JointMeetings_ReportProgress").WithSummary("报告任务进展").RequirePermission(Report);
        g.MapPost("/tasks/{id:guid}/completion", (Guid id, ReportCompletionInput input, TaskAppService s, CancellationToken ct)
            => s.ReportCompletionAsync(id, input, ct)).WithName("JointMeetings_ReportCompletion").WithSummary("报告任务办结").RequirePermission(Report);
        g.MapPost("/tasks/{id:guid}/acceptance", (Guid id, AcceptCompletionInput input, TaskAppService s, CancellationToken ct)
            => s.AnswerCompletionAsync(id, input, ct)).WithName("JointMeetings_AcceptCompletion").WithSummary("验收任务办结情况").RequirePermission(Manage);
        g.MapPost("/tasks/{id:guid}/measures", (Guid id, RecordMeasureInput input, TaskAppService s, CancellationToken ct)
            => s.RecordMeasureAsync(id, input, ct)).WithName("JointMeetings_RecordMeasure").WithSummary("记录督办措施").RequirePermission(Manage);
    }
}
