using Mediation.Core.OrgUnits.Application;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Core.OrgUnits.Endpoints;

internal static class OrgUnitEndpoints
{
    public static void MapOrgUnitEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("OrgUnits");
        g.MapGet("/", (Guid? parentId, OrgUnitKind? kind, string? search, OrgUnitAppService s, CancellationToken ct)
            => s.ListAsync(parentId, kind, search, ct)).WithName("ListOrgUnits");
        g.MapGet("/tree", (OrgUnitAppService s, CancellationToken ct) => s.TreeAsync(ct)).WithName("GetOrgUnitTree");
        g.MapGet("/{id:guid}", (Guid id, OrgUnitAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("GetOrgUnit");
        g.MapPost("/", async (CreateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/org-units/{created.Id}", created);
        }).WithName("CreateOrgUnit");
        g.MapPut("/{id:guid}", (Guid id, UpdateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.UpdateAsync(id, input, ct)).WithName("UpdateOrgUnit");
        g.MapPost("/{id:guid}/move", (Guid id, MoveOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.MoveAsync(id, input, ct)).WithName("MoveOrgUnit");
        g.MapDelete("/{id:guid}", async (Guid id, string? concurrencyStamp, OrgUnitAppService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, concurrencyStamp, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteOrgUnit");
    }
}
