using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// Tells the unit above that a request was escalated to it (上报), from the outbox: written once the escalation committed, without the
/// escalating officer's data scope, and once per escalation (the inbox makes a repeated delivery a no-op).
/// </summary>
internal sealed class EscalationNoticeHandler(MediationDbContext db, IOrgUnitDirectory units, INoticeOutbox notices)
    : IIntegrationEventHandler<DeskRequestEscalatedEto>
{
    public const string NoticeTemplate = "service-desk-escalated";

    public async Task HandleAsync(DeskRequestEscalatedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        var request = await (
                from r in db.Set<DeskRequest>().IgnoreQueryFilters().AsNoTracking()
                join en in db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking() on r.EnterpriseId equals en.Id
                where r.Id == e.RequestId
                select new { r.Title, Enterprise = en.Name })
            .SingleOrDefaultAsync(ct);
        var from = await units.FindAsync(e.FromUnitId, ct);
        var to = await units.FindAsync(e.ToUnitId, ct);
        if (request is null || from is null || to is null) return;
        await notices.AddAsync(new NoticeRequest(NoticeTemplate, to.Id, new Dictionary<string, object?>
        {
            ["number"] = e.Number,
            ["title"] = request.Title,
            ["enterprise_name"] = request.Enterprise,
            ["from_unit_name"] = from.IssuingBodyName,
            ["to_unit_name"] = to.IssuingBodyName,
            ["officer"] = e.EscalatedBy,
            ["reason"] = e.Reason,
            ["escalated_on"] = ChinaTime.DateOf(e.EscalatedAt),
        }, $"{e.RequestId:N}:escalated:{context.MessageId:N}", $"/ServiceDesk/Requests/{e.RequestId}"), ct);
    }
}
