using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.ServiceDesk.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.ServiceDesk.Endpoints;

/// <summary>
/// Two sides that never mix: /portal for an enterprise's own users (Portal.Use, which no staff role holds), everything else for
/// the desk's staff (Desk.*, which no enterprise account holds).
/// </summary>
internal static class ServiceDeskEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string RatesDescription =
        "For requests filed in the period (China dates, inclusive; default: this year to today): "
        + "响应率 (responseRate) = requests an officer took (human acknowledgement) within the acknowledgement limit "
        + "(1 hour urgent / 24 hours ordinary, policies desk.acknowledgement-urgent and desk.acknowledgement) ÷ requests filed; "
        + "解决率 (resolutionRate) = requests concluded with 办结告知 (awaiting rating, under review or closed; a reopened request counts again only when concluded again) ÷ requests filed; "
        + "满意率 (satisfactionRate) = requests rated 满意 or 基本满意 ÷ requests rated. Rates are fractions rounded to 4 places; null when nothing is in the denominator.";

    public static void MapServiceDeskEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/checklist", () => Enum.GetValues<RequestKind>().ToDictionary(k => k.ToString(), MaterialsChecklist.For)).WithName("ServiceDesk_GetChecklist").WithSummary("各类诉求的材料清单")
            .AllowAnonymous().WithDescription("The materials checklist of each request kind");
        g.MapPost("/enterprises/sign-up", async (EnterpriseSignUpInput input, EnterpriseAppService s, CancellationToken ct) =>
        {
            var created = await s.SignUpAsync(input, ct);
            return TypedResults.Created($"/api/service-desk/portal/enterprise", created);
        }).WithName("ServiceDesk_SignUpEnterprise").WithSummary("企业注册").AllowAnonymous().RequireSignInThrottle().WithDescription("An enterprise signs up; a desk officer approves it before it files");

        var portal = g.MapGroup("/portal");
        portal.MapGet("/enterprise", (EnterpriseAppService s, CancellationToken ct) => s.MineAsync(ct)).WithName("ServiceDesk_Portal_GetEnterprise").WithSummary("查询本企业信息").RequirePermission(ServiceDeskPermissions.Portal.Use);
        portal.MapPost("/enterprise/colleagues", (AddColleagueInput input, EnterpriseAppService s, CancellationToken ct) => s.AddColleagueAsync(input, ct)).WithName("ServiceDesk_Portal_AddColleague").WithSummary("添加本企业用户")
            .RequirePermission(ServiceDeskPermissions.Portal.Use);
        portal.MapGet("/requests", (int? page, int? pageSize, RequestAppService s, CancellationToken ct) => s.PortalListAsync(Paging.From(page, pageSize), ct)).WithName("ServiceDesk_Portal_ListRequests").WithSummary("列出本企业的诉求").RequirePermission(ServiceDeskPermissions.Portal.Use);
        portal.MapPost("/requests", async (FileRequestInput input, RequestAppService s, CancellationToken ct) =>
        {
            var created = await s.FileAsync(input, ct);
            return TypedResults.Created($"/api/service-desk/portal/requests/{created.Id}", created);
        }).WithName("ServiceDesk_Portal_FileRequest").WithSummary("提交诉求").RequirePermission(ServiceDeskPermissions.Portal.Use).Idempotent().WithDescription("File a request: the response is the automatic acknowledgement with its number");
        portal.MapGet("/requests/{id:guid}", (Guid id, RequestAppService s, CancellationToken ct) => s.PortalGetAsync(id, ct)).WithName("ServiceDesk_Portal_GetRequest").WithSummary("查询本企业的诉求")
            .RequirePermission(ServiceDeskPermissions.Portal.Use);
        portal.MapPost("/requests/{id:guid}/materials", (Guid id, SupplyMaterialsInput input, RequestAppService s, CancellationToken ct) => s.SupplyAsync(id, input, ct)).WithName("ServiceDesk_Portal_SupplyMaterials").WithSummary("补充材料")
            .RequirePermission(ServiceDeskPermissions.Portal.Use);
        portal.MapGet("/requests/{id:guid}/documents/{documentId:guid}", async (Guid id, Guid documentId, RequestAppService s, CancellationToken ct) =>
            {
                var (number, content) = await s.PortalDocumentAsync(id, documentId, ct);
                return TypedResults.File(content, "application/pdf", number + ".pdf");
            }).WithName("ServiceDesk_Portal_GetDocument").WithSummary("下载窗口出具的告知书").RequirePermission(ServiceDeskPermissions.Portal.Use)
            .WithDescription("A notice the desk issued on the enterprise's own request: 受理回执, 一次性告知书 or 办结告知书, as archived");
        // The form is read by the service (not bound as IFormFile), so the size limit applies while the body is read.
        portal.MapPost("/requests/{id:guid}/attachments", async (Guid id, HttpRequest request, AttachmentAppService s, CancellationToken ct) =>
            {
                var added = await s.PortalAddAsync(id, await AttachmentAppService.ReadUploadAsync(request, ct), ct);
                return TypedResults.Created($"/api/service-desk/portal/requests/{id}/attachments/{added.Id}", added);
            }).WithName("ServiceDesk_Portal_AddAttachment").WithSummary("上传诉求材料").RequirePermission(ServiceDeskPermissions.Portal.Use).DisableAntiforgery()
            .WithDescription("The enterprise uploads a material (form field \"file\", optional \"material\": a checklist or notice item) while the request is open");
        portal.MapGet("/requests/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, AttachmentAppService s, CancellationToken ct) =>
            {
                var (fileName, contentType, content) = await s.PortalContentAsync(id, attachmentId, ct);
                return TypedResults.File(content, contentType, fileName);
            }).WithName("ServiceDesk_Portal_GetAttachment").WithSummary("下载本企业诉求的材料").RequirePermission(ServiceDeskPermissions.Portal.Use)
            .WithDescription("A file of the enterprise's own request; the download is audited");
        portal.MapPost("/requests/{id:guid}/rating", (Guid id, RateInput input, RequestAppService s, CancellationToken ct) => s.RateAsync(id, input, ct)).WithName("ServiceDesk_Portal_Rate").WithSummary("评价办理结果")
            .RequirePermission(ServiceDeskPermissions.Portal.Use);

        g.MapGet("/enterprises", (EnterpriseStatus? status, int? page, int? pageSize, EnterpriseAppService s, CancellationToken ct) => s.ListAsync(status, Paging.From(page, pageSize), ct)).WithName("ServiceDesk_ListEnterprises").WithSummary("列出企业")
            .RequirePermission(ServiceDeskPermissions.Desk.Read);
        g.MapGet("/enterprises/{id:guid}", (Guid id, EnterpriseAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("ServiceDesk_GetEnterprise").WithSummary("查询企业")
            .RequirePermission(ServiceDeskPermissions.Desk.Read);
        g.MapPost("/enterprises/{id:guid}/decision", (Guid id, DecideEnterpriseInput input, EnterpriseAppService s, CancellationToken ct) => s.DecideAsync(id, input, ct)).WithName("ServiceDesk_DecideEnterprise").WithSummary("审核企业注册")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle);
        g.MapPost("/enterprises/{id:guid}/reveal", async (Guid id, EnterpriseAppService s, CancellationToken ct) => new RevealedPhoneDto(await s.RevealPhoneAsync(id, ct))).WithName("ServiceDesk_RevealEnterprise").WithSummary("查看企业联系人完整电话（留痕）")
            .RequirePermission(ServiceDeskPermissions.Desk.Read).RequirePermission(CorePermissions.Pii.Reveal);

        g.MapGet("/requests", async (QueueView? view, RequestStatus? status, RequestKind? kind, DateOnly? from, DateOnly? to, Guid? orgUnitId,
                DeskRequestListSort? sort, int? page, int? pageSize, DeskRequestListQuery s, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                return await s.PageAsync(await s.FilterAsync(new DeskRequestListCriteria(view ?? QueueView.All, status, kind, from, to, orgUnitId, sort), ct),
                    paging, ct);
            }).WithName("ServiceDesk_ListRequests").WithSummary("查询诉求队列")
            .RequirePermission(ServiceDeskPermissions.Desk.Read)
            .WithDescription("The officer's queue: Mine (owned or first received), Unassigned, Overdue, All, Escalated; filed from/to (China days), " +
                "the unit's subtree, kind, status; sort Newest (default), Oldest, Due");
        g.MapGet("/requests/{id:guid}", (Guid id, RequestAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("ServiceDesk_GetRequest").WithSummary("查询诉求详情").RequirePermission(ServiceDeskPermissions.Desk.Read);
        g.MapPost("/requests/{id:guid}/attachments", async (Guid id, HttpRequest request, AttachmentAppService s, CancellationToken ct) =>
            {
                var added = await s.StaffAddAsync(id, await AttachmentAppService.ReadUploadAsync(request, ct), ct);
                return TypedResults.Created($"/api/service-desk/requests/{id}/attachments/{added.Id}", added);
            }).WithName("ServiceDesk_AddAttachment").WithSummary("上传诉求附件").RequirePermission(ServiceDeskPermissions.Desk.Handle).DisableAntiforgery()
            .WithDescription("An officer attaches a file (form field \"file\", optional \"material\") to a request in scope");
        g.MapGet("/requests/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, AttachmentAppService s, CancellationToken ct) =>
            {
                var (fileName, contentType, content) = await s.StaffContentAsync(id, attachmentId, ct);
                return TypedResults.File(content, contentType, fileName);
            }).WithName("ServiceDesk_GetAttachment").WithSummary("下载诉求附件").RequirePermission(ServiceDeskPermissions.Desk.Read)
            .WithDescription("A file of a request in scope; the download is audited");
        g.MapPost("/requests/{id:guid}/take", (Guid id, TakeInput input, RequestAppService s, CancellationToken ct) => s.TakeAsync(id, input, ct)).WithName("ServiceDesk_Take").WithSummary("首问负责：签收诉求")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("首问负责: the human acknowledgement; the officer becomes first responder and owner");
        g.MapPost("/requests/{id:guid}/transfer", (Guid id, TransferInput input, RequestAppService s, CancellationToken ct) => s.TransferAsync(id, input, ct)).WithName("ServiceDesk_Transfer").WithSummary("转办诉求")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle);
        g.MapPost("/requests/{id:guid}/escalate", (Guid id, EscalateInput input, EscalationAppService s, CancellationToken ct) => s.EscalateAsync(id, input, ct)).WithName("ServiceDesk_Escalate").WithSummary("上报上级单位")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("上报: the owner escalates the request, with the reason, to the unit above the one holding it; that unit gets a notice");
        g.MapPost("/requests/{id:guid}/escalation/accept", (Guid id, AcceptEscalationInput input, EscalationAppService s, CancellationToken ct) => s.AcceptAsync(id, input, ct)).WithName("ServiceDesk_AcceptEscalation").WithSummary("接收上报的诉求")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("An officer of the unit the request was escalated to takes it over and becomes its owner; the first responder stays accountable");
        g.MapPost("/requests/{id:guid}/materials-notice", async (Guid id, MaterialsNoticeInput input, RequestAppService s, CancellationToken ct) =>
        {
            var (request, _) = await s.MaterialsNoticeAsync(id, input, ct);
            return await s.ToDtoAsync(request, ct);
        }).WithName("ServiceDesk_NotifyMissingMaterials").WithSummary("一次性告知所缺材料").RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("一次性告知: lists every missing item at once and pauses the feedback clock");
        g.MapPost("/requests/{id:guid}/conclude", async (Guid id, ConcludeInput input, RequestAppService s, CancellationToken ct) =>
            await s.ToDtoAsync(await s.ConcludeAsync(id, input, ct), ct)).WithName("ServiceDesk_Conclude").WithSummary("办结告知").RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("办结告知");
        g.MapPost("/requests/{id:guid}/review", (Guid id, ReviewInput input, RequestAppService s, CancellationToken ct) => s.ReviewAsync(id, input, ct)).WithName("ServiceDesk_Review").WithSummary("复核不满意评价")
            .RequirePermission(ServiceDeskPermissions.Desk.Supervise).WithDescription("The desk head reviews a request rated 不满意: reopen or uphold");
        g.MapPost("/requests/{id:guid}/route", (Guid id, LegalRouteInput input, RequestAppService s, CancellationToken ct) => s.RouteAsync(id, input, ct)).WithName("ServiceDesk_Route").WithSummary("引导至法定途径")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle);
        g.MapPost("/requests/{id:guid}/route/outcome", (Guid id, RouteOutcomeInput input, RequestAppService s, CancellationToken ct) => s.RouteOutcomeAsync(id, input, ct)).WithName("ServiceDesk_RecordRouteOutcome").WithSummary("登记法定途径的结果")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle);
        g.MapGet("/requests/{id:guid}/committees", (Guid id, HandOffAppService s, CancellationToken ct) => s.CommitteesAsync(id, ct)).WithName("ServiceDesk_ListCommittees").WithSummary("列出可转交的调解委员会")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle);
        g.MapPost("/requests/{id:guid}/mediation", (Guid id, HandOffToMediationInput input, HandOffAppService s, CancellationToken ct) => s.HandOffAsync(id, input, ct)).WithName("ServiceDesk_HandOffToMediation").WithSummary("转交人民调解")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("Hand a 涉法案件 to a mediation committee through the Cases contract");

        g.MapPost("/requests/{id:guid}/petition", (Guid id, HandOffToPetitionInput input, PetitionHandOffAppService s, CancellationToken ct) => s.HandOffAsync(id, input, ct)).WithName("ServiceDesk_HandOffToPetition").WithSummary("转送信访部门")
            .RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("Hand a 涉法案件 that is a complaint about a body to the petition office through the Petitions contract (转送), with the enterprise's consent; the petition's status and conclusion come back onto the request");

        g.MapGet("/visits", (Guid? enterpriseId, int? page, int? pageSize, VisitAppService s, CancellationToken ct) => s.ListAsync(enterpriseId, Paging.From(page, pageSize), ct)).WithName("ServiceDesk_ListVisits").WithSummary("列出走访记录").RequirePermission(ServiceDeskPermissions.Desk.Read);
        g.MapPost("/visits", async (RecordEnterpriseVisitInput input, VisitAppService s, CancellationToken ct) =>
        {
            var created = await s.RecordAsync(input, ct);
            return TypedResults.Created($"/api/service-desk/visits/{created.Id}", created);
        }).WithName("ServiceDesk_RecordVisit").WithSummary("登记走访").RequirePermission(ServiceDeskPermissions.Desk.Handle).Idempotent();
        g.MapPost("/visits/{id:guid}/problems/{sequence:int}/request", (Guid id, int sequence, RaiseProblemInput input, VisitAppService s, CancellationToken ct)
            => s.RaiseAsync(id, sequence, input, ct)).WithName("ServiceDesk_RaiseProblem").WithSummary("将走访发现的问题登记为诉求").RequirePermission(ServiceDeskPermissions.Desk.Handle).WithDescription("大走访: a problem raised becomes a request in one step");

        g.MapGet("/ledger", async (DateOnly? from, DateOnly? to, Guid? enterpriseId, RequestKind? kind, RequestStatus? status, LedgerAppService s, CancellationToken ct) =>
                TypedResults.File(await s.ExportAsync(from, to, enterpriseId, kind, status, ct), Xlsx, "service-desk-ledger.xlsx")).WithName("ServiceDesk_GetLedger").WithSummary("工作台账（Excel）")
            .RequirePermission(ServiceDeskPermissions.Desk.Ledger).WithDescription("工作台账: every request of the period with its timeline, in Excel");
        g.MapGet("/rates", (DateOnly? from, DateOnly? to, Guid? enterpriseId, LedgerAppService s, CancellationToken ct) => s.RatesAsync(from, to, enterpriseId, ct)).WithName("ServiceDesk_GetRates").WithSummary("响应率、解决率、满意率")
            .RequirePermission(ServiceDeskPermissions.Desk.Ledger).WithDescription("The desk's three rates: 响应率, 解决率, 满意率\n\n" + RatesDescription);
    }
}
