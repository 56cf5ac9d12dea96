using Mediation.Core.Web;
using Mediation.Cases.Application;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Cases.Endpoints;

internal static class CasesEndpoints
{
    public static void MapCasesEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/committees", (CaseAppService s, CancellationToken ct) => s.ListCommitteesAsync(ct)).WithName("Cases_ListCommittees").WithSummary("列出人民调解委员会").RequirePermission(CasesPermissions.Committees.Read);
        g.MapPost("/committees", async (CreateCommitteeInput input, CaseAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateCommitteeAsync(input, ct);
            return TypedResults.Created($"/api/cases/committees/{created.Id}", created);
        }).WithName("Cases_CreateCommittee").WithSummary("新建人民调解委员会").RequirePermission(CasesPermissions.Committees.Manage);
        g.MapPost("/committees/{id:guid}/mediators", (Guid id, AddMediatorInput input, CaseAppService s, CancellationToken ct)
            => s.AddMediatorAsync(id, input, ct)).WithName("Cases_AddMediator").WithSummary("为调解委员会添加调解员").RequirePermission(CasesPermissions.Committees.Manage);

        g.MapGet("/", (CaseStatus? status, RiskGrade? riskGrade, Guid? committeeId, CaseDueFilter? due, DateOnly? from, DateOnly? to, Guid? orgUnitId,
                DisputeType? disputeType, CaseListSort? sort, int? page, int? pageSize, CaseAppService s, CancellationToken ct)
            => s.ListCasesAsync(new CaseListCriteria(status, riskGrade, due, from, to, orgUnitId, disputeType, sort), committeeId, Paging.From(page, pageSize), ct)).WithName("Cases_List").WithSummary("列出调解案件").RequirePermission(CasesPermissions.Cases.Read);
        g.MapGet("/{id:guid}", (Guid id, CaseAppService s, CancellationToken ct) => s.GetCaseAsync(id, ct)).WithName("Cases_Get").WithSummary("查询调解案件详情").RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/", async (RegisterCaseInput input, CaseAppService s, CancellationToken ct) =>
        {
            var created = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/cases/{created.Id}", created);
        }).WithName("Cases_Register").WithSummary("登记调解案件").RequirePermission(CasesPermissions.Cases.Register).Idempotent();
        g.MapPost("/{id:guid}/risk", (Guid id, AssessRiskInput input, CaseAppService s, CancellationToken ct)
            => s.AssessRiskAsync(id, input, ct)).WithName("Cases_AssessRisk").WithSummary("评定风险等级（四色预警）").RequirePermission(CasesPermissions.Cases.AssessRisk);
        g.MapPost("/{id:guid}/sessions", (Guid id, RecordSessionInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordSessionAsync(id, input, ct)).WithName("Cases_RecordSession").WithSummary("记录调解笔录").RequirePermission(CasesPermissions.Sessions.Record);
        g.MapPost("/{id:guid}/conclude", (Guid id, ConcludeCaseInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.ConcludeAsync(id, input, ct)).WithName("Cases_Conclude").WithSummary("调解结案").RequirePermission(CasesPermissions.Cases.Conclude);
        g.MapPost("/{id:guid}/agreement", async (Guid id, CaseProceedingsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueAgreementAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).WithName("Cases_IssueAgreement").WithSummary("出具调解协议书").RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapGet("/{id:guid}/agreement/office-copy", async (Guid id, CaseProceedingsAppService s, CancellationToken ct) =>
                TypedResults.File(await s.OfficeCopyAsync(id, ct), "application/pdf")).WithName("Cases_GetAgreementOfficeCopy").WithSummary("打印调解委员会存档的协议书（完整证件号，留痕）")
            .RequirePermission(CasesPermissions.Agreements.Manage).RequirePermission(CorePermissions.Pii.Reveal);
        g.MapPost("/{id:guid}/agreement/signed", (Guid id, MarkAgreementSignedInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.MarkAgreementSignedAsync(id, input, ct)).WithName("Cases_MarkAgreementSigned").WithSummary("登记协议签署日期（协议生效）").RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/agreement/judicial-application", (Guid id, RecordJudicialApplicationInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordJudicialApplicationAsync(id, input, ct)).WithName("Cases_RecordJudicialApplication").WithSummary("登记司法确认申请").RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/reopen", (Guid id, ReopenCaseInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.ReopenAsync(id, input, ct)).WithName("Cases_Reopen").WithSummary("司法确认被驳回后重新调解").RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/became-criminal", (Guid id, RecordBecameCriminalInput input, CaseAppService s, CancellationToken ct)
            => s.RecordBecameCriminalAsync(id, input, ct)).WithName("Cases_RecordBecameCriminal").WithSummary("登记民转刑").RequirePermission(CasesPermissions.Cases.AssessRisk);
        g.MapPost("/{id:guid}/agreement/court-decision", (Guid id, RecordCourtDecisionInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordCourtDecisionAsync(id, input, ct)).WithName("Cases_RecordCourtDecision").WithSummary("登记法院司法确认结果").RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapGet("/{id:guid}/term", (Guid id, CaseTermAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Cases_GetTerm").WithSummary("查询调解期限").RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/{id:guid}/term/continue", (Guid id, ContinueMediationInput input, CaseTermAppService s, CancellationToken ct)
            => s.ContinueAsync(id, input, ct)).WithName("Cases_ContinueTerm").WithSummary("经当事人同意延续调解期限").RequirePermission(CasesPermissions.Cases.ContinueTerm);
        g.MapPost("/{id:guid}/termination-notice", async (Guid id, CaseDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueTerminationNoticeAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).WithName("Cases_IssueTerminationNotice").WithSummary("出具终止调解告知书").RequirePermission(CasesPermissions.Documents.Issue);
        g.MapPost("/{id:guid}/sessions/{number:int}/minutes", async (Guid id, int number, CaseDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueMinutesAsync(id, number, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).WithName("Cases_IssueMinutes").WithSummary("出具调解笔录（PDF）").RequirePermission(CasesPermissions.Documents.Issue);
        g.MapGet("/visits/due", (int? withinDays, FollowUpAppService s, CancellationToken ct) => s.ListDueAsync(withinDays, ct)).WithName("Cases_ListDueVisits").WithSummary("列出待回访事项")
            .RequirePermission(CasesPermissions.Visits.Record);
        g.MapGet("/{id:guid}/visits", (Guid id, FollowUpAppService s, CancellationToken ct) => s.ListForCaseAsync(id, ct)).WithName("Cases_ListVisits").WithSummary("列出案件的回访")
            .RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/{id:guid}/visits/{visitId:guid}", (Guid id, Guid visitId, RecordVisitInput input, FollowUpAppService s, CancellationToken ct)
            => s.RecordAsync(id, visitId, input, ct)).WithName("Cases_RecordVisit").WithSummary("记录回访").RequirePermission(CasesPermissions.Visits.Record);
        g.MapGet("/session-plans", (bool? today, SessionPlanAppService s, CancellationToken ct) => s.ListPlannedAsync(today is true, ct))
            .WithName("Cases_ListPlannedSessions").WithSummary("列出待举行的调解安排（today=true：仅今日）").RequirePermission(CasesPermissions.Sessions.Record);
        g.MapGet("/{id:guid}/session-plans", (Guid id, SessionPlanAppService s, CancellationToken ct) => s.ListForCaseAsync(id, ct))
            .WithName("Cases_ListSessionPlans").WithSummary("列出案件的调解安排").RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/{id:guid}/session-plans", async (Guid id, PlanSessionInput input, SessionPlanAppService s, CancellationToken ct) =>
        {
            var planned = await s.PlanAsync(id, input, ct);
            return TypedResults.Created($"/api/cases/{id}/session-plans", planned);
        }).WithName("Cases_PlanSession").WithSummary("安排调解（时间、地点、调解员）").RequirePermission(CasesPermissions.Sessions.Record);
        g.MapPost("/{id:guid}/session-plans/{planId:guid}/reschedule", (Guid id, Guid planId, RescheduleSessionInput input, SessionPlanAppService s, CancellationToken ct)
            => s.RescheduleAsync(id, planId, input, ct)).WithName("Cases_RescheduleSession").WithSummary("调解改期").RequirePermission(CasesPermissions.Sessions.Record);
        g.MapPost("/{id:guid}/session-plans/{planId:guid}/cancel", (Guid id, Guid planId, CancelSessionPlanInput input, SessionPlanAppService s, CancellationToken ct)
            => s.CancelAsync(id, planId, input, ct)).WithName("Cases_CancelSessionPlan").WithSummary("取消调解安排").RequirePermission(CasesPermissions.Sessions.Record);
        g.MapPost("/assign", (AssignMediatorsInput input, CaseAppService s, CancellationToken ct)
            => s.AssignMediatorsAsync(input, ct)).WithName("Cases_AssignMediators").WithSummary("批量指派调解员").RequirePermission(CasesPermissions.Cases.Assign);
    }
}
