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
        }).RequirePermission(CasesPermissions.Cases.Register);
        g.MapPost("/{id:guid}/risk", (Guid id, AssessRiskInput input, CaseAppService s, CancellationToken ct)
            => s.AssessRiskAsync(id, input, ct)).RequirePermission(CasesPermissions.Cases.AssessRisk);
        g.MapPost("/assign", (AssignMediatorsInput input, CaseAppService s, CancellationToken ct)
            => s.AssignMediatorsAsync(input, ct)).RequirePermission(CasesPermissions.Cases.Assign);
    }
}
