using Mediation.Core.OrgUnits.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Web;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Web.OrgUnits;

internal static class OrgUnitEndpoints
{
    public static void MapOrgUnitEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("OrgUnits");
        g.RequireAuthorization();
        g.MapGet("/", (Guid? parentId, OrgUnitKind? kind, string? search, OrgUnitAppService s, CancellationToken ct)
            => s.ListAsync(parentId, kind, search, ct)).WithName("ListOrgUnits");
        g.MapGet("/tree", (OrgUnitAppService s, CancellationToken ct) => s.TreeAsync(ct)).WithName("GetOrgUnitTree");
        g.MapGet("/{id:guid}", (Guid id, OrgUnitAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("GetOrgUnit");
        g.MapPost("/", async (CreateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/org-units/{created.Id}", created);
        }).WithName("CreateOrgUnit").RequirePermission(CorePermissions.OrgUnits.Manage).Idempotent();
        g.MapPut("/{id:guid}", (Guid id, UpdateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.UpdateAsync(id, input, ct)).WithName("UpdateOrgUnit").RequirePermission(CorePermissions.OrgUnits.Manage);
        g.MapPost("/{id:guid}/move", (Guid id, MoveOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.MoveAsync(id, input, ct)).WithName("MoveOrgUnit").RequirePermission(CorePermissions.OrgUnits.Manage);
        g.MapDelete("/{id:guid}", async (Guid id, string? concurrencyStamp, OrgUnitAppService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, concurrencyStamp, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteOrgUnit").RequirePermission(CorePermissions.OrgUnits.Manage);
    }
}
