using Mediation.Core.Messaging;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.Core.OrgUnits.Domain;

namespace Mediation.Cases.Application;

/// <summary>
/// A case raised to red (四色预警) goes at once to the 综治中心 of the township and of the county above
/// the committee, asking for the police liaison: the 民转刑 prevention the seed article measures.
/// Runs from the outbox, so the alert is sent even if the host stops right after the assessment.
/// </summary>
internal sealed class RedAlertHandler(IOrgUnitDirectory orgUnits, INoticeOutbox notices) : IIntegrationEventHandler<CaseRaisedToRedEto>
{
    public const string NoticeTemplate = "case-red-alert";

    public async Task HandleAsync(CaseRaisedToRedEto alert, IntegrationEventContext context, CancellationToken ct)
    {
        var owner = await orgUnits.FindAsync(alert.OrgUnitId, ct);
        if (owner is null) return;
        var supervisors = (await orgUnits.PathAsync(owner.Id, ct)).Where(u => u.Kind is OrgUnitKind.Township or OrgUnitKind.County);

        foreach (var supervisor in supervisors)
        {
            await notices.AddAsync(new NoticeRequest(NoticeTemplate, supervisor.Id, new Dictionary<string, object?>
            {
                ["number"] = alert.Number,
                ["reason"] = alert.Reason ?? "",
                ["case_unit_name"] = owner.Name,
                ["supervisor_name"] = supervisor.Name,
                ["case_id"] = alert.CaseId.ToString(),
            }, $"{alert.CaseId:N}:red:{context.MessageId:N}", $"/Cases/{alert.CaseId}"), ct);
        }
    }
}
