using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Integrations.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Integrations.Endpoints;

internal static class IntegrationsEndpoints
{
    // The registry is not in any org unit (an administrator's, like roles), so its routes name the system `systemId`, not `id`.
    public static void MapIntegrationsEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/systems", (int? page, int? pageSize, SystemAppService s, CancellationToken ct) => s.ListAsync(Paging.From(page, pageSize), ct))
            .WithName("Integrations_ListSystems").WithSummary("列出对接系统（按名称排序）").RequirePermission(IntegrationsPermissions.Systems.Manage);
        g.MapPost("/systems", async (RegisterSystemInput input, SystemAppService s, CancellationToken ct) =>
        {
            var registered = await s.RegisterAsync(input, ct);
            return TypedResults.Created($"{IntegrationsModuleInfo.ApiPrefix}/systems/{registered.System.Id}", registered);
        }).WithName("Integrations_RegisterSystem").WithSummary("登记对接系统（接口密钥与回调密钥仅此一次明文返回）")
            .RequirePermission(IntegrationsPermissions.Systems.Manage);
        g.MapGet("/systems/{systemId:guid}", (Guid systemId, SystemAppService s, CancellationToken ct) => s.GetAsync(systemId, ct))
            .WithName("Integrations_GetSystem").WithSummary("查询对接系统").RequirePermission(IntegrationsPermissions.Systems.Manage);
        g.MapPut("/systems/{systemId:guid}", (Guid systemId, UpdateSystemInput input, SystemAppService s, CancellationToken ct) => s.UpdateAsync(systemId, input, ct))
            .WithName("Integrations_UpdateSystem").WithSummary("修改对接系统的名称、回调地址、推送范围或启用状态")
            .RequirePermission(IntegrationsPermissions.Systems.Manage);
        g.MapGet("/deliveries", (Guid? systemId, int? page, int? pageSize, SystemAppService s, CancellationToken ct)
                => s.DeliveriesAsync(systemId, Paging.From(page, pageSize), ct))
            .WithName("Integrations_ListDeliveries").WithSummary("查询回调投递日志（最新在前，含每次尝试）").RequirePermission(IntegrationsPermissions.Systems.Manage);

        // Authenticated by the system's API key, not by a user session: open to the authorization middleware, refused in WorkOrderIntake.
        g.MapPost("/work-orders", async ([FromHeader(Name = IntegrationsModuleInfo.ApiKeyHeader)] string? apiKey, WorkOrderInput input, WorkOrderIntake s,
                CancellationToken ct) =>
            {
                var (workOrder, created) = await s.ReceiveAsync(apiKey, input, ct);
                return created
                    ? Results.Created($"{IntegrationsModuleInfo.ApiPrefix}/work-orders/{workOrder.Id}", workOrder)
                    : Results.Ok(workOrder);
            })
            .WithName("Integrations_PushWorkOrder").WithSummary("外部系统推送工单（以 X-Api-Key 认证；同一系统重复推送同一工单编号返回原记录）")
            .Produces<WorkOrderDto>(StatusCodes.Status201Created).Produces<WorkOrderDto>(StatusCodes.Status200OK)
            .AuthenticatedByApiKey(IntegrationsModuleInfo.ApiKeyHeader);
    }
}
