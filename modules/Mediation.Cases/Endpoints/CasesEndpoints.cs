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
        g.MapGet("/committees", (CaseAppService s, CancellationToken ct) => s.ListCommitteesAsync(ct)).RequirePermission(CasesPermissions.Committees.Read);
        g.MapPost("/committees", async (CreateCommitteeInput input, CaseAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateCommitteeAsync(input, ct);
            return TypedResults.Created($"/api/cases/committees/{created.Id}", created);
        }).RequirePermission(CasesPermissions.Committees.Manage);
        g.MapPost("/committees/{id:guid}/mediators", (Guid id, AddMediatorInput input, CaseAppService s, CancellationToken ct)
            => s.AddMediatorAsync(id, input, ct)).RequirePermission(CasesPermissions.Committees.Manage);

        g.MapGet("/", (CaseAppService s, CancellationToken ct) => s.ListCasesAsync(ct)).RequirePermission(CasesPermissions.Cases.Read);
        g.MapGet("/{id:guid}", (Guid id, CaseAppService s, CancellationToken ct) => s.GetCaseAsync(id, ct)).RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/", async (RegisterCaseInput input, CaseAppService s, CancellationToken ct) =>
        {
            var created = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"/api/cases/{created.Id}", created);
        }).RequirePermission(CasesPermissions.Cases.Register).Idempotent();
        g.MapPost("/{id:guid}/risk", (Guid id, AssessRiskInput input, CaseAppService s, CancellationToken ct)
            => s.AssessRiskAsync(id, input, ct)).RequirePermission(CasesPermissions.Cases.AssessRisk);
        g.MapPost("/{id:guid}/sessions", (Guid id, RecordSessionInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordSessionAsync(id, input, ct)).RequirePermission(CasesPermissions.Sessions.Record);
        g.MapPost("/{id:guid}/conclude", (Guid id, ConcludeCaseInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.ConcludeAsync(id, input, ct)).RequirePermission(CasesPermissions.Cases.Conclude);
        g.MapPost("/{id:guid}/agreement", async (Guid id, CaseProceedingsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueAgreementAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapGet("/{id:guid}/agreement/office-copy", async (Guid id, CaseProceedingsAppService s, CancellationToken ct) =>
                TypedResults.File(await s.OfficeCopyAsync(id, ct), "application/pdf"))
            .RequirePermission(CasesPermissions.Agreements.Manage).RequirePermission(CorePermissions.Pii.Reveal);
        g.MapPost("/{id:guid}/agreement/signed", (Guid id, MarkAgreementSignedInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.MarkAgreementSignedAsync(id, input, ct)).RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/agreement/judicial-application", (Guid id, RecordJudicialApplicationInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordJudicialApplicationAsync(id, input, ct)).RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/reopen", (Guid id, ReopenCaseInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.ReopenAsync(id, input, ct)).RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapPost("/{id:guid}/became-criminal", (Guid id, RecordBecameCriminalInput input, CaseAppService s, CancellationToken ct)
            => s.RecordBecameCriminalAsync(id, input, ct)).RequirePermission(CasesPermissions.Cases.AssessRisk);
        g.MapPost("/{id:guid}/agreement/court-decision", (Guid id, RecordCourtDecisionInput input, CaseProceedingsAppService s, CancellationToken ct)
            => s.RecordCourtDecisionAsync(id, input, ct)).RequirePermission(CasesPermissions.Agreements.Manage);
        g.MapGet("/{id:guid}/term", (Guid id, CaseTermAppService s, CancellationToken ct) => s.GetAsync(id, ct)).RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/{id:guid}/term/continue", (Guid id, ContinueMediationInput input, CaseTermAppService s, CancellationToken ct)
            => s.ContinueAsync(id, input, ct)).RequirePermission(CasesPermissions.Cases.ContinueTerm);
        g.MapPost("/{id:guid}/termination-notice", async (Guid id, CaseDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueTerminationNoticeAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).RequirePermission(CasesPermissions.Documents.Issue);
        g.MapPost("/{id:guid}/sessions/{number:int}/minutes", async (Guid id, int number, CaseDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueMinutesAsync(id, number, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).RequirePermission(CasesPermissions.Documents.Issue);
        g.MapGet("/visits/due", (int? withinDays, FollowUpAppService s, CancellationToken ct) => s.ListDueAsync(withinDays, ct))
            .RequirePermission(CasesPermissions.Visits.Record);
        g.MapGet("/{id:guid}/visits", (Guid id, FollowUpAppService s, CancellationToken ct) => s.ListForCaseAsync(id, ct))
            .RequirePermission(CasesPermissions.Cases.Read);
        g.MapPost("/{id:guid}/visits/{visitId:guid}", (Guid id, Guid visitId, RecordVisitInput input, FollowUpAppService s, CancellationToken ct)
            => s.RecordAsync(id, visitId, input, ct)).RequirePermission(CasesPermissions.Visits.Record);
        g.MapPost("/assign", (AssignMediatorsInput input, CaseAppService s, CancellationToken ct)
            => s.AssignMediatorsAsync(input, ct)).RequirePermission(CasesPermissions.Cases.Assign);
    }
}
