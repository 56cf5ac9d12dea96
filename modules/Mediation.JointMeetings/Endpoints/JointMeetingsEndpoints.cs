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
        g.MapGet("/groups", (JointMeetingsAppService s, CancellationToken ct) => s.ListGroupsAsync(ct)).RequirePermission(Read);
        g.MapGet("/groups/{id:guid}", (Guid id, JointMeetingsAppService s, CancellationToken ct) => s.GetGroupAsync(id, ct)).RequirePermission(Read);
        g.MapPost("/groups", async (CreateWorkingGroupInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateGroupAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/groups/{created.Id}", created);
        }).RequirePermission(Manage);
        g.MapPost("/groups/{id:guid}/member-units", async (Guid id, AddMemberUnitInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.AddMemberUnitAsync(id, input, ct);
            return TypedResults.Created($"/api/joint-meetings/groups/{id}", created);
        }).RequirePermission(Manage);

        g.MapGet("/agenda-items/proposed", (JointMeetingsAppService s, CancellationToken ct) => s.ListProposedAsync(ct)).RequirePermission(Read);
        g.MapPost("/agenda-items", async (ProposeAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.ProposeAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/agenda-items/{created.Id}", created);
        }).RequirePermission(Manage);
        g.MapPost("/agenda-items/{id:guid}/decision", (Guid id, DecideAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.DecideAsync(id, input, ct)).RequirePermission(Manage);

        g.MapGet("/meetings", (DateOnly? from, DateOnly? to, JointMeetingsAppService s, CancellationToken ct) => s.ListMeetingsAsync(from, to, ct))
            .RequirePermission(Read);
        g.MapGet("/meetings/{id:guid}", (Guid id, JointMeetingsAppService s, CancellationToken ct) => s.GetMeetingAsync(id, ct)).RequirePermission(Read);
        g.MapPost("/meetings", async (ScheduleMeetingInput input, JointMeetingsAppService s, CancellationToken ct) =>
        {
            var created = await s.ScheduleAsync(input, ct);
            return TypedResults.Created($"/api/joint-meetings/meetings/{created.Id}", created);
        }).RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/agenda", (Guid id, PlaceOnAgendaInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.PlaceOnAgendaAsync(id, input, ct)).RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/agenda-items", (Guid id, ProposeAgendaItemInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.AddToAgendaAsync(id, input, ct)).RequirePermission(Manage);
        g.MapPost("/meetings/{id:guid}/held", (Guid id, RecordMeetingInput input, JointMeetingsAppService s, CancellationToken ct)
            => s.RecordHeldAsync(id, input, ct)).RequirePermission(Manage);

        g.MapPost("/meetings/{id:guid}/minutes", async (Guid id, JointMeetingDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueMinutesAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).RequirePermission(Manage);
        g.MapGet("/supervision-list.pdf", async (JointMeetingDocumentsAppService s, CancellationToken ct) =>
            TypedResults.File(await s.SupervisionListPdfAsync(ct), "application/pdf", "督办清单.pdf")).RequirePermission(Read);
        g.MapGet("/supervision-list.xlsx", async (JointMeetingDocumentsAppService s, CancellationToken ct) =>
            TypedResults.File(await s.SupervisionListExcelAsync(ct), Xlsx, "督办清单.xlsx"))
            .RequirePermission(Read);

        g.MapPost("/exports", async (RegisterExportAppService s, CancellationToken ct) =>
        {
            var requested = await s.RequestAsync(ct);
            return TypedResults.Accepted($"/api/joint-meetings/exports/{requested.Id}", requested);
        }).RequirePermission(Read);
        g.MapGet("/exports/{id:guid}", (Guid id, RegisterExportAppService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(Read);
        g.MapGet("/exports/{id:guid}/file", async (Guid id, RegisterExportAppService s, CancellationToken ct) =>
            TypedResults.File(await s.ContentAsync(id, ct), Xlsx, RegisterExportAppService.FileName)).RequirePermission(Read);

        g.MapGet("/tasks", (bool? openOnly, TaskAppService s, CancellationToken ct) => s.ListAsync(mine: false, openOnly ?? false, ct)).RequirePermission(Read);
        g.MapGet("/tasks/mine", (bool? openOnly, TaskAppService s, CancellationToken ct) => s.ListAsync(mine: true, openOnly ?? false, ct)).RequirePermission(Report);
        g.MapGet("/my-units", (TaskAppService s, CancellationToken ct) => s.MyUnitsAsync(ct)).RequirePermission(Report);
        g.MapGet("/tasks/{id:guid}", (Guid id, TaskAppService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MediationClaimTypes.Permission, Read, Report));
        g.MapPost("/tasks/{id:guid}/acknowledgement", (Guid id, AcknowledgeTaskInput input, TaskAppService s, CancellationToken ct)
            => s.AcknowledgeAsync(id, input, ct)).RequirePermission(Report);
        // The form is read by the service (not bound as IFormFile), so the size limit applies while the body is read.
        g.MapPost("/tasks/{id:guid}/attachments", async (Guid id, HttpRequest request, TaskAppService s, CancellationToken ct) =>
        {
            var added = await s.AddAttachmentAsync(id, await TaskAppService.ReadUploadAsync(request, ct), ct);
            return TypedResults.Created($"/api/joint-meetings/tasks/{id}/attachments/{added.Id}", added);
        }).RequirePermission(Report).DisableAntiforgery();
        g.MapGet("/tasks/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, TaskAppService s, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await s.AttachmentContentAsync(id, attachmentId, ct);
            return TypedResults.File(content, contentType, fileName);
        }).RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(MediationClaimTypes.Permission, Read, Report));
        g.MapPost("/tasks/{id:guid}/progress", (Guid id, ReportProgressInput input, TaskAppService s, CancellationToken ct)
            => s.ReportProgressAsync(id, input, ct)).RequirePermission(Report);
        g.MapPost("/tasks/{id:guid}/completion", (Guid id, ReportCompletionInput input, TaskAppService s, CancellationToken ct)
            => s.ReportCompletionAsync(id, input, ct)).RequirePermission(Report);
        g.MapPost("/tasks/{id:guid}/acceptance", (Guid id, AcceptCompletionInput input, TaskAppService s, CancellationToken ct)
            => s.AnswerCompletionAsync(id, input, ct)).RequirePermission(Manage);
        g.MapPost("/tasks/{id:guid}/measures", (Guid id, RecordMeasureInput input, TaskAppService s, CancellationToken ct)
            => s.RecordMeasureAsync(id, input, ct)).RequirePermission(Manage);
    }
}
