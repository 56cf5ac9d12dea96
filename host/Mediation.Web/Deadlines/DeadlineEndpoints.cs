using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Web.Deadlines;

internal static class DeadlineEndpoints
{
    public static void MapCalendarEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Calendar");
        g.RequireAuthorization();
        g.MapGet("/due", (string? policy, string? start, CalendarAppService s, CancellationToken ct) => s.DueAsync(policy, start, ct)).WithName("Calendar_PreviewDueDate").WithSummary("按期限政策预览到期日")
            ;
        g.MapGet("/policies", (CalendarAppService s) => s.Policies()).WithName("Calendar_ListPolicies").WithSummary("列出期限政策及其法律依据");
        g.MapGet("/{year:int}", (int year, CalendarAppService s, CancellationToken ct) => s.GetYearAsync(year, ct)).WithName("Calendar_GetYear").WithSummary("查询某年工作日历（法定节假日与调休）");
        g.MapPut("/{year:int}", (int year, PutCalendarYearInput input, CalendarAppService s, CancellationToken ct) => s.PutYearAsync(year, input, ct)).WithName("Calendar_PutYear").WithSummary("替换某年工作日历")
            .RequirePermission(CalendarPermissions.Manage);
    }

    public static void MapDeadlineEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Deadlines");
        // Read-only: a clock is started, paused, extended and stopped by its module's own action on its own record (IDeadlineClocks),
        // where the module's law applies (an extension's approval and notice, a hand-over's pause); an API to start a clock on any id
        // also told a caller whether a foreign record had one (409 vs 201).
        g.MapGet("/dashboard", (Guid? orgUnitId, int? withinDays, DashboardAppService s, CancellationToken ct) => s.GetAsync(orgUnitId, withinDays, ct)).WithName("Deadlines_GetDashboard").WithSummary("本单位及下级临期、超期事项看板")
            .RequirePermission(DeadlinesPermissions.Dashboard.Read);
        g.MapGet("/clocks", (string recordType, Guid recordId, Mediation.Core.Deadlines.IDeadlineClocks s, CancellationToken ct)
            => s.ForRecordAsync(recordType, recordId, ct)).WithName("Deadlines_ListClocksOfRecord").WithSummary("查询某一记录的期限计时").RequirePermission(DeadlinesPermissions.Clocks.Read);
        g.MapGet("/clocks/{id:guid}", (Guid id, IDeadlineClocks s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("Deadlines_GetClock").WithSummary("查询期限计时详情及历史").RequirePermission(DeadlinesPermissions.Clocks.Read);
    }
}
