using Mediation.Core.Web;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Petitions.Endpoints;

internal static class PetitionsEndpoints
{
    public static void MapPetitionsEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/", async (PetitionStatus? status, PetitionCategory? category, PetitionDueFilter? due, DateOnly? from, DateOnly? to, Guid? orgUnitId,
            PetitionListSort? sort, int? page, int? pageSize, PetitionListQuery s, CancellationToken ct) =>
        {
            var paging = Paging.From(page, pageSize);
            return await s.PageAsync(await s.FilterAsync(new PetitionListCriteria(status, category, due, from, to, orgUnitId, sort), ct), paging, ct);
        }).WithName("Petitions_List").WithSummary("列出信访事项").RequirePermission(PetitionsPermissions.Petitions.Read);
        g.MapGet("/{id:guid}", (Guid id, PetitionAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Petitions_Get").WithSummary("查询信访事项详情").RequirePermission(PetitionsPermissions.Petitions.Read);
        g.MapPost("/", async (RegisterPetitionInput input, PetitionAppService s, CancellationToken ct) =>
        {
            var created = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/petitions/{created.Id}", created);
        }).WithName("Petitions_Register").WithSummary("登记信访事项").RequirePermission(PetitionsPermissions.Petitions.Register).Idempotent();
        g.MapPost("/duplicates", (DuplicateQueryInput input, PetitionAppService s, CancellationToken ct) => s.FindDuplicatesAsync(input, ct)).WithName("Petitions_FindDuplicates").WithSummary("查找重复信访")
            .RequirePermission(PetitionsPermissions.Petitions.Register);
        g.MapPost("/{id:guid}/petitioners/reveal", (Guid id, PetitionAppService s, CancellationToken ct) => s.RevealPetitionersAsync(id, ct)).WithName("Petitions_RevealPetitioners").WithSummary("查看信访人完整个人信息（留痕）")
            .RequirePermission(PetitionsPermissions.Petitions.Read).RequirePermission(CorePermissions.Pii.Reveal);
        g.MapPost("/{id:guid}/link", (Guid id, LinkAsRepeatInput input, PetitionAppService s, CancellationToken ct) => s.LinkAsRepeatAsync(id, input, ct)).WithName("Petitions_LinkAsRepeat").WithSummary("关联为重复信访")
            .RequirePermission(PetitionsPermissions.Petitions.Decide);

        // The form is read by the service (not bound as IFormFile), so the size limit applies while the body is read.
        g.MapPost("/{id:guid}/attachments", async (Guid id, HttpRequest request, PetitionAppService s, CancellationToken ct) =>
        {
            var added = await s.AddAttachmentAsync(id, await PetitionAppService.ReadUploadAsync(request, ct), ct);
            return TypedResults.Created($"/api/petitions/{id}/attachments/{added.Id}", added);
        }).WithName("Petitions_AddAttachment").WithSummary("上传附件").RequirePermission(PetitionsPermissions.Petitions.Register).DisableAntiforgery();
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, PetitionAppService s, CancellationToken ct) =>
        {
            var (fileName, contentType, content) = await s.AttachmentContentAsync(id, attachmentId, ct);
            return TypedResults.File(content, contentType, fileName);
        }).WithName("Petitions_GetAttachment").WithSummary("下载附件").RequirePermission(PetitionsPermissions.Petitions.Read);

        g.MapPost("/{id:guid}/accept", (Guid id, AcceptPetitionInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.AcceptAsync(id, input, ct)).WithName("Petitions_Accept").WithSummary("受理")
            .RequirePermission(PetitionsPermissions.Petitions.Decide);
        g.MapPost("/{id:guid}/not-accept", (Guid id, NotAcceptPetitionInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.NotAcceptAsync(id, input, ct)).WithName("Petitions_NotAccept").WithSummary("不予受理")
            .RequirePermission(PetitionsPermissions.Petitions.Decide);
        g.MapPost("/{id:guid}/transfer-objection", (Guid id, ObjectToTransferInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.ObjectToTransferAsync(id, input, ct)).WithName("Petitions_ObjectToTransfer").WithSummary("对转送、交办提出异议").RequirePermission(PetitionsPermissions.Petitions.Decide);
        g.MapPost("/{id:guid}/transfer-objection/answer", (Guid id, AnswerTransferObjectionInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.AnswerTransferObjectionAsync(id, input, ct)).WithName("Petitions_AnswerTransferObjection").WithSummary("登记转送机关对异议的答复").RequirePermission(PetitionsPermissions.Petitions.Decide);
        g.MapPost("/{id:guid}/pause", (Guid id, PauseHandlingInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.PauseAsync(id, input, ct)).WithName("Petitions_PauseHandling").WithSummary("暂停办理期限（依地方规定）")
            .RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/resume", (Guid id, ResumeHandlingInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.ResumeAsync(id, input, ct)).WithName("Petitions_ResumeHandling").WithSummary("恢复办理期限")
            .RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/extension", (Guid id, ExtendHandlingInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.ExtendAsync(id, input, ct)).WithName("Petitions_ExtendHandling").WithSummary("延长办理期限")
            .RequirePermission(PetitionsPermissions.Extensions.Approve);
        g.MapPost("/{id:guid}/reply", (Guid id, IssueOpinionInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.ReplyAsync(id, input, ct)).WithName("Petitions_Reply").WithSummary("拟制处理意见书报请签发")
            .RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/opinion/sign-off", (Guid id, SignOffOpinionInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.SignOffAsync(id, input, ct)).WithName("Petitions_SignOffOpinion").WithSummary("单位负责人签发意见书（签发即印发）")
            .RequirePermission(PetitionsPermissions.Opinions.SignOff);
        g.MapPost("/{id:guid}/opinion/return", (Guid id, ReturnOpinionInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.ReturnOpinionAsync(id, input, ct)).WithName("Petitions_ReturnOpinion").WithSummary("单位负责人退回意见书修改")
            .RequirePermission(PetitionsPermissions.Opinions.SignOff);
        g.MapPost("/{id:guid}/review", (Guid id, RequestReviewInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.RequestReviewAsync(id, input, ct)).WithName("Petitions_RequestReview").WithSummary("登记复查请求")
            .RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/review/answer", (Guid id, IssueOpinionInput input, PetitionProceedingsAppService s, CancellationToken ct) => s.AnswerReviewAsync(id, input, ct)).WithName("Petitions_AnswerReview").WithSummary("拟制复查意见书报请签发")
            .RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/reexamination", (Guid id, RequestReviewInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.RequestReexaminationAsync(id, input, ct)).WithName("Petitions_RequestReexamination").WithSummary("登记复核请求").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/reexamination/answer", (Guid id, IssueOpinionInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.AnswerReexaminationAsync(id, input, ct)).WithName("Petitions_AnswerReexamination").WithSummary("拟制复核意见书报请签发").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/reexamination/hearing", (Guid id, ReexaminationHearingInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.RecordReexaminationHearingAsync(id, input, ct)).WithName("Petitions_RecordReexaminationHearing").WithSummary("登记复核听证").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/service", (Guid id, RecordServiceInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.RecordServiceAsync(id, input, ct)).WithName("Petitions_RecordService").WithSummary("登记书面答复的送达").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/suggestion-reply", (Guid id, SuggestionReplyInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.AnswerSuggestionAsync(id, input, ct)).WithName("Petitions_AnswerSuggestion").WithSummary("答复建议意见").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapPost("/{id:guid}/petitioner-details", (Guid id, PetitionerDetailsInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.PetitionerDetailsKnownAsync(id, input, ct)).WithName("Petitions_PetitionerDetailsKnown").WithSummary("补正信访人姓名、住址").RequirePermission(PetitionsPermissions.Petitions.Register);
        g.MapPost("/{id:guid}/joint-meeting", (Guid id, RequestJointMeetingInput input, PetitionProceedingsAppService s, CancellationToken ct)
            => s.RequestJointMeetingAsync(id, input, ct)).WithName("Petitions_RequestJointMeeting").WithSummary("提请联席会议").RequirePermission(PetitionsPermissions.Petitions.Handle);
        g.MapGet("/{id:guid}/hand-over", (Guid id, PetitionHandOverAppService s, CancellationToken ct) => s.CheckAsync(id, ct)).WithName("Petitions_CheckHandOver").WithSummary("检查能否转交人民调解")
            .RequirePermission(PetitionsPermissions.Petitions.HandOver);
        g.MapPost("/{id:guid}/hand-over", (Guid id, HandOverPetitionInput input, PetitionHandOverAppService s, CancellationToken ct) => s.HandOverAsync(id, input, ct)).WithName("Petitions_HandOver").WithSummary("转交人民调解（访调对接）")
            .RequirePermission(PetitionsPermissions.Petitions.HandOver);
    }
}
