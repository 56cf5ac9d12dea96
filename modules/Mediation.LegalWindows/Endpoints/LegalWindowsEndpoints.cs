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
        g.MapGet("/windows", (WindowAppService s, CancellationToken ct) => s.ListWindowsAsync(ct)).RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/windows", async (CreateWindowInput input, WindowAppService s, CancellationToken ct) =>
        {
            var created = await s.CreateWindowAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/windows/{created.Id}", created);
        }).RequirePermission(LegalWindowsPermissions.Windows.Manage).Idempotent();
        g.MapGet("/windows/{id:guid}", (Guid id, WindowAppService s, CancellationToken ct) => s.GetWindowAsync(id, ct))
            .RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/windows/{id:guid}/advisors", (Guid id, AttachAdvisorInput input, WindowAppService s, CancellationToken ct)
            => s.AttachAsync(id, input, ct)).RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapDelete("/windows/{id:guid}/advisors/{advisorId:guid}", (Guid id, Guid advisorId, string? concurrencyStamp, WindowAppService s, CancellationToken ct)
            => s.DetachAsync(id, advisorId, concurrencyStamp, ct)).RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapPost("/windows/{id:guid}/roster", (Guid id, GenerateRosterInput input, WindowAppService s, CancellationToken ct)
            => s.GenerateRosterAsync(id, input, ct)).RequirePermission(LegalWindowsPermissions.Windows.Manage);
        g.MapGet("/windows/{id:guid}/shifts", (Guid id, DateOnly? from, DateOnly? to, WindowAppService s, CancellationToken ct)
            => s.ListShiftsAsync(id, from, to, ct)).RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapGet("/windows/{id:guid}/on-duty", (Guid id, WindowAppService s, CancellationToken ct) => s.OnDutyAsync(id, ct))
            .RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/shifts/{id:guid}/swap", (Guid id, SwapShiftInput input, WindowAppService s, CancellationToken ct) => s.SwapAsync(id, input, ct))
            .RequirePermission(LegalWindowsPermissions.Windows.SwapShift);
        g.MapGet("/coverage", (Guid? orgUnitId, WindowAppService s, CancellationToken ct) => s.CoverageAsync(orgUnitId, ct))
            .RequirePermission(LegalWindowsPermissions.Windows.Read);

        g.MapGet("/advisors", (WindowAppService s, CancellationToken ct) => s.ListAdvisorsAsync(ct)).RequirePermission(LegalWindowsPermissions.Windows.Read);
        g.MapPost("/advisors", async (RegisterAdvisorInput input, WindowAppService s, CancellationToken ct) =>
        {
            var created = await s.RegisterAdvisorAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/advisors/{created.Id}", created);
        }).RequirePermission(LegalWindowsPermissions.Windows.Manage).Idempotent();

        g.MapGet("/records", (Guid? windowId, DateOnly? on, ServiceRecordAppService s, CancellationToken ct) => s.ListAsync(windowId, on, ct))
            .RequirePermission(LegalWindowsPermissions.Services.Read);
        g.MapPost("/records", async (RecordServiceInput input, ServiceRecordAppService s, CancellationToken ct) =>
        {
            var created = await s.RecordAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/records/{created.Id}", created);
        }).RequirePermission(LegalWindowsPermissions.Services.Record).Idempotent();
        g.MapPost("/records/mediation-participation", async (ParticipateInMediationInput input, MediationParticipationAppService s, CancellationToken ct) =>
        {
            var created = await s.RecordAsync(input, ct);
            return TypedResults.Created($"/api/legal-windows/records/{created.Id}", created);
        }).RequirePermission(LegalWindowsPermissions.Services.Record).Idempotent();
        g.MapGet("/records/{id:guid}", (Guid id, ServiceRecordAppService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(LegalWindowsPermissions.Services.Read);
        g.MapPost("/records/{id:guid}/reveal", (Guid id, ServiceRecordAppService s, CancellationToken ct) => s.RevealAsync(id, ct))
            .RequirePermission(LegalWindowsPermissions.Services.Read).RequirePermission(CorePermissions.Pii.Reveal);
        g.MapPost("/records/{id:guid}/errand/start", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.StartErrandAsync(id, input, ct)).RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapPost("/records/{id:guid}/errand/done", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.CloseErrandAsync(id, done: true, input, ct)).RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapPost("/records/{id:guid}/errand/cannot-be-done", (Guid id, ErrandStepInput input, ServiceRecordAppService s, CancellationToken ct)
            => s.CloseErrandAsync(id, done: false, input, ct)).RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapGet("/records/{id:guid}/referral", (Guid id, ReferralAppService s, CancellationToken ct) => s.CheckAsync(id, ct))
            .RequirePermission(LegalWindowsPermissions.Services.Refer);
        g.MapPost("/records/{id:guid}/referral", (Guid id, ReferToMediationInput input, ReferralAppService s, CancellationToken ct)
            => s.ReferAsync(id, input, ct)).RequirePermission(LegalWindowsPermissions.Services.Refer);
        g.MapPost("/records/{id:guid}/document", async (Guid id, ServiceDocumentsAppService s, CancellationToken ct) =>
        {
            var issued = await s.IssueAsync(id, ct);
            return TypedResults.Created($"/api/documents/{issued.DocumentId}", issued);
        }).RequirePermission(LegalWindowsPermissions.Services.Record);
        g.MapGet("/ledger", async (string? month, Guid? windowId, Guid? advisorId, ServiceDocumentsAppService s, CancellationToken ct) =>
                TypedResults.File(await s.LedgerAsync(month, windowId, advisorId, ct),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"legal-window-ledger-{month}.xlsx"))
            .RequirePermission(LegalWindowsPermissions.Services.Ledger);
    }
}
