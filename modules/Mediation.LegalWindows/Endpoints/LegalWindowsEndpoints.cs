using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.LegalWindows.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.LegalWindows.Endpoints;

internal static class LegalWindowsEndpoints
{
    public static void MapLegalWindowsEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/windows", (WindowAppService s, CancellationToken ct) => s.ListWindowsAsync(ct)).WithName("LegalWindows_ListWindows").WithSummary("列出法律顾问服务窗口").RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/windows", async (CreateWindowInput input, WindowAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateWindowAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/windows/{created.Id}", created);
        }).WithName("LegalWindows_CreateWindow").WithSummary("新建服务窗口").RequirePermission(LegalWindowsPermissions.Windows.Manage).Idempotent();
        g.MapGet("/windows/{id:guid}", (Guid id, WindowAppService s, CancellationToken ct) => s.GetWindowAsync(id, ct)).WithName("LegalWindows_GetWindow").WithSummary("查询服务窗口")
            .RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/windows/{id:guid}/advisors", (Guid id, AttachAdvisorInput input, WindowAppService s, CancellationToken ct)
            => s.AttachAsync(id, input, ct)).WithName("LegalWindows_AttachAdvisor").WithSummary("为窗口配备法律顾问").RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapDelete("/windows/{id:guid}/advisors/{advisorId:guid}", (Guid id, Guid advisorId, string? concurrencyStamp, WindowAppService s, CancellationToken ct)
            => s.DetachAsync(id, advisorId, concurrencyStamp, ct)).WithName("LegalWindows_DetachAdvisor").WithSummary("解除窗口的法律顾问").RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapPost("/windows/{id:guid}/roster", (Guid id, GenerateRosterInput input, WindowAppService s, CancellationToken ct)
            => s.GenerateRosterAsync(id, input, ct)).WithName("LegalWindows_GenerateRoster").WithSummary("排定值班表").RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapGet("/windows/{id:guid}/shifts", (Guid id, DateOnly? from, DateOnly? to, WindowAppService s, CancellationToken ct)
            => s.ListShiftsAsync(id, from, to, ct)).WithName("LegalWindows_ListShifts").WithSummary("查询窗口值班").RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapGet("/windows/{id:guid}/on-duty", (Guid id, WindowAppService s, CancellationToken ct) => s.OnDutyAsync(id, ct)).WithName("LegalWindows_GetOnDuty").WithSummary("查询当前值班的法律顾问")
            .RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/shifts/{id:guid}/swap", (Guid id, SwapShiftInput input, WindowAppService s, CancellationToken ct) => s.SwapAsync(id, input, ct)).WithName("LegalWindows_SwapShift").WithSummary("调换值班")
            .RequirePermission(LegalWindowsPermissions.Windows.SwapShift);
        g.MapGet("/coverage", (Guid? orgUnitId, WindowAppService s, CancellationToken ct) => s.CoverageAsync(orgUnitId, ct)).WithName("LegalWindows_GetCoverage").WithSummary("查询法律顾问覆盖情况")
            .RequirePermission(LegalWindowsPermissions.Windows.Read);

        g.MapGet("/advisors", (WindowAppService s, CancellationToken ct) => s.ListAdvisorsAsync(ct)).WithName("LegalWindows_ListAdvisors").WithSummary("列出法律顾问").RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/advisors", async (RegisterAdvisorInput input, WindowAppService s, CancellationToken ct) =>
        {
            var created = await s.RegisterAdvisorAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/advisors/{created.Id}", created);
        }).WithName("LegalWindows_RegisterAdvisor").WithSummary("登记法律顾问").RequirePermission(LegalWindowsPermissions.Windows.Manage).Idempotent();

        g.MapGet("/records", async (ServiceKind? kind, ErrandStatus? errandStatus, DateOnly? from, DateOnly? to, DateOnly? on, Guid? orgUnitId,
                Guid? advisorId, Guid? windowId, ServiceRecordListSort? sort, int? page, int? pageSize, ServiceRecordListQuery s, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                return await s.PageAsync(await s.FilterAsync(
                    new ServiceRecordListCriteria(kind, errandStatus, from, to, orgUnitId, advisorId, windowId, sort, on), ct), paging, ct);
            }).WithName("LegalWindows_ListRecords").WithSummary("列出服务记录")
            .RequirePermission(LegalWindowsPermissions.Services.Read)
            .WithDescription("The window services the caller sees (an advisor: at his windows): kind, errand status, served from/to (China days) " +
                "or on one day, the unit's subtree, advisor, window; sort Newest (default), Oldest");
        g.MapPost("/records", async (RecordServiceInput input, ServiceRecordAppService s, CancellationToken ct) =>
        {
            var created = await s.RecordAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/records/{created.Id}", created);
        }).WithName("LegalWindows_RecordService").WithSummary("登记服务记录").RequirePermission(LegalWindowsPermissions.Services.Record).Idempotent();
        g.MapPost("/records/mediation-participation", async (ParticipateInMediationInput input, MediationParticipationAppService s, CancellationToken ct) =>
        {
            var created = await s.RecordAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/records/{created.Id}", created);
        }).WithName("LegalWindows_RecordMediationParticipation").WithSummary("登记律师参与调解").RequirePermission(LegalWindowsPermissions.Services.Record).Idempotent();
        g.MapGet("/records/{id:guid}", (Guid id, ServiceRecordAppService s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("LegalWindows_GetRecord").WithSummary("查询服务记录")
            .RequirePermission(LegalWindowsPermissions.Services.Read);
        g.MapPost("/records/{id:guid}/reveal", (Guid id, ServiceRecordAppService s, CancellationToken ct) => s.RevealAsync(id, ct)).WithName("LegalWindows_RevealRecord").WithSummary("查看服务对象完整个人信息（留痕）")
            .RequirePermission(LegalWindowsPermissions.Services.Read).RequirePermission(CorePermissions.Pii.Reveal);
        g.MapPost("/records/{id:guid}/errand/start", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.StartErrandAsync(id, input, ct)).WithName("LegalWindows_StartErrand").WithSummary("开始办理民事代办").RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapPost("/records/{id:guid}/errand/done", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.CloseErrandAsync(id, done: true, input, ct)).WithName("LegalWindows_CompleteErrand").WithSummary("民事代办办结").RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapPost("/records/{id:guid}/errand/cannot-be-done", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.CloseErrandAsync(id, done: false, input, ct)).WithName("LegalWindows_ErrandCannotBeDone").WithSummary("民事代办无法办理").RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapGet("/records/{id:guid}/referral", (Guid id, ReferralAppService s, CancellationToken ct) => s.CheckAsync(id, ct)).WithName("LegalWindows_CheckReferral").WithSummary("检查能否转交调解")
            .RequirePermission(LegalWindowsPermissions.Services.Refer);
        g.MapPost("/records/{id:guid}/referral", (Guid id, ReferToMediationInput input, ReferralAppService s, CancellationToken ct)
            => s.ReferAsync(id, input, ct)).WithName("LegalWindows_ReferToMediation").WithSummary("转交人民调解").RequirePermission(LegalWindowsPermissions.Services.Refer);
        g.MapPost("/records/{id:guid}/document", async (Guid id, ServiceDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).WithName("LegalWindows_IssueDocument").WithSummary("出具法律咨询登记表或代办事项回执").RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapGet("/ledger", async (string? month, Guid? windowId, Guid? advisorId, ServiceDocumentsAppService s, CancellationToken ct) =>
                TypedResults.File(await s.LedgerAsync(month, windowId, advisorId, ct),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"legal-window-ledger-{month}.xlsx")).WithName("LegalWindows_GetLedger").WithSummary("月度服务台账（Excel）")
            .RequirePermission(LegalWindowsPermissions.Services.Ledger);
    }
}
