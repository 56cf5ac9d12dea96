using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>
/// A case raised to red (四色预警) goes at once to the 综治中心 of the township and of the county above
/// the committee, asking for the police liaison: the 民转刑 prevention the seed article measures.
/// Runs from the outbox, so the alert is sent even if the host stops right after the assessment.
/// </summary>
internal sealed class RedAlertHandler(MediationDbContext db, INoticeOutbox notices) : IIntegrationEventHandler<CaseRaisedToRedEto>
{
    public const string NoticeTemplate = "case-red-alert";

    public async Task HandleAsync(CaseRaisedToRedEto alert, IntegrationEventContext context, CancellationToken ct)
    {
        var owner = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Id == alert.OrgUnitId)
            .Select(u => new { u.Id, u.Name, u.Kind, u.Path }).SingleOrDefaultAsync(ct);
        if (owner is null) return;
        var pathIds = owner.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList();
        var supervisors = await db.Set<OrgUnit>().AsNoTracking()
            .Where(u => pathIds.Contains(u.Id) && (u.Kind == OrgUnitKind.Township || u.Kind == OrgUnitKind.County))
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);

        foreach (var supervisor in supervisors)
        {
            await notices.AddAsync(new NoticeRequest(NoticeTemplate, supervisor.Id, new Dictionary<string, object?>
            {
                ["number"] = alert.Number,
                ["reason"] = alert.Reason ?? "",
                ["case_unit_name"] = owner.Name,
                ["supervisor_name"] = supervisor.Name,
                ["case_id"] = alert.CaseId.ToString(),
            }, $"{alert.CaseId:N}:red:{context.MessageId:N}"), ct);
        }
    }
}
