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
        g.MapGet("/due", (string? policy, string? start, CalendarAppService s, CancellationToken ct) => s.DueAsync(policy, start, ct))
            .WithName("PreviewDueDate");
        g.MapGet("/policies", (CalendarAppService s) => s.Policies()).WithName("ListDeadlinePolicies");
        g.MapGet("/{year:int}", (int year, CalendarAppService s, CancellationToken ct) => s.GetYearAsync(year, ct)).WithName("GetCalendarYear");
        g.MapPut("/{year:int}", (int year, PutCalendarYearInput input, CalendarAppService s, CancellationToken ct) => s.PutYearAsync(year, input, ct))
            .WithName("PutCalendarYear").RequirePermission(CalendarPermissions.Manage);
    }

    public static void MapDeadlineEndpoints(this RouteGroupBuilder g)
    {
        g.WithTags("Deadlines");
        // Read-only: a clock is started, paused, extended and stopped by its module's own action on its own record (IDeadlineClocks),
        // where the module's law applies (an extension's approval and notice, a hand-over's pause); an API to start a clock on any id
        // also told a caller whether a foreign record had one (409 vs 201).
        g.MapGet("/dashboard", (Guid? orgUnitId, int? withinDays, DashboardAppService s, CancellationToken ct) => s.GetAsync(orgUnitId, withinDays, ct))
            .WithName("GetDeadlineDashboard").RequirePermission(DeadlinesPermissions.Dashboard.Read);
        g.MapGet("/clocks", (string recordType, Guid recordId, Mediation.Core.Deadlines.IDeadlineClocks s, CancellationToken ct)
            => s.ForRecordAsync(recordType, recordId, ct)).WithName("ListClocksOfRecord").RequirePermission(DeadlinesPermissions.Clocks.Read);
        g.MapGet("/clocks/{id:guid}", (Guid id, IDeadlineClocks s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("GetClock").RequirePermission(DeadlinesPermissions.Clocks.Read);
    }
}
