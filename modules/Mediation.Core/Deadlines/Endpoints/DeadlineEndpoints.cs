using Mediation.Core.Deadlines.Application;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Core.Deadlines.Endpoints;

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
        g.MapGet("/dashboard", (Guid? orgUnitId, int? withinDays, DashboardAppService s, CancellationToken ct) => s.GetAsync(orgUnitId, withinDays, ct))
            .WithName("GetDeadlineDashboard").RequirePermission(DeadlinesPermissions.Dashboard.Read);
        g.MapGet("/clocks", (string recordType, Guid recordId, Mediation.Core.Deadlines.IDeadlineClocks s, CancellationToken ct)
            => s.ForRecordAsync(recordType, recordId, ct)).WithName("ListClocksOfRecord").RequirePermission(DeadlinesPermissions.Clocks.Read);
        g.MapGet("/clocks/{id:guid}", (Guid id, IDeadlineClocks s, CancellationToken ct) => s.GetAsync(id, ct)).WithName("GetClock").RequirePermission(DeadlinesPermissions.Clocks.Read);
        g.MapPost("/clocks", async (StartClockInput input, IDeadlineClocks s, CancellationToken ct) =>
        {
            var started = await s.StartAsync(input, ct);
            return TypedResults.Created($"/api/deadlines/clocks/{started.Id}", started);
        }).WithName("StartClock").RequirePermission(DeadlinesPermissions.Clocks.Manage);
        g.MapPost("/clocks/{id:guid}/pause", (Guid id, PauseClockInput input, IDeadlineClocks s, CancellationToken ct) => s.PauseAsync(id, input, ct))
            .WithName("PauseClock").RequirePermission(DeadlinesPermissions.Clocks.Manage);
        g.MapPost("/clocks/{id:guid}/resume", (Guid id, ResumeClockInput input, IDeadlineClocks s, CancellationToken ct) => s.ResumeAsync(id, input, ct))
            .WithName("ResumeClock").RequirePermission(DeadlinesPermissions.Clocks.Manage);
        g.MapPost("/clocks/{id:guid}/extend", (Guid id, ExtendClockInput input, IDeadlineClocks s, CancellationToken ct) => s.ExtendAsync(id, input, ct))
            .WithName("ExtendClock").RequirePermission(DeadlinesPermissions.Clocks.Extend);
        g.MapPost("/clocks/{id:guid}/stop", (Guid id, StopClockInput input, IDeadlineClocks s, CancellationToken ct) => s.StopAsync(id, input, ct))
            .WithName("StopClock").RequirePermission(DeadlinesPermissions.Clocks.Manage);
    }
}
