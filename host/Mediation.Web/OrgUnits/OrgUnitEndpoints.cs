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
            => s.ListAsync(parentId, kind, search, ct)).WithName("OrgUnits_List").WithSummary("列出组织机构")
            .RequirePermission(CorePermissions.OrgUnits.Read);
        g.MapGet("/tree", (OrgUnitAppService s, CancellationToken ct) => s.TreeAsync(ct)).WithName("OrgUnits_GetTree").WithSummary("查询组织机构树")
            .RequirePermission(CorePermissions.OrgUnits.Read);
        g.MapGet("/{id:guid}", (Guid id, OrgUnitAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("OrgUnits_Get").WithSummary("查询组织机构")
            .RequirePermission(CorePermissions.OrgUnits.Read);
        g.MapPost("/", async (CreateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/org-units/{created.Id}", created);
        }).WithName("OrgUnits_Create").WithSummary("新建组织机构").RequirePermission(CorePermissions.OrgUnits.Manage).Idempotent();
        g.MapPut("/{id:guid}", (Guid id, UpdateOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.UpdateAsync(id, input, ct)).WithName("OrgUnits_Update").WithSummary("修改组织机构名称、发文机关或启用状态").RequirePermission(CorePermissions.OrgUnits.Manage);
        g.MapPost("/{id:guid}/move", (Guid id, MoveOrgUnitInput input, OrgUnitAppService s, CancellationToken ct)
            => s.MoveAsync(id, input, ct)).WithName("OrgUnits_Move").WithSummary("连同下级移动组织机构").RequirePermission(CorePermissions.OrgUnits.Manage);
        g.MapDelete("/{id:guid}", async (Guid id, string? concurrencyStamp, OrgUnitAppService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, concurrencyStamp, ct);
            return TypedResults.NoContent();
        }).WithName("OrgUnits_Delete").WithSummary("删除无下级的组织机构").RequirePermission(CorePermissions.OrgUnits.Manage);
    }
}
