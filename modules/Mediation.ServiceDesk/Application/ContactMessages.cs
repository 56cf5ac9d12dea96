using Mediation.Core.Data;
using Mediation.Core.Notifications;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// 即收即复 and 办结告知 by SMS to the enterprise's contact, through the kernel's notification channels: queued in the unit of work of the
/// filing or the conclusion (a message exists exactly when that change committed), delivered by the dispatcher. The number goes in as
/// the enterprise keeps it, encrypted; only the sender sees it in clear, and the log shows it masked.
/// </summary>
internal sealed class ContactMessages(MediationDbContext db, INoticeOutbox notices, IOrgUnitDirectory units)
{
    public const string AcknowledgedTemplate = "service-desk-acknowledged";
    public const string ConcludedTemplate = "service-desk-concluded";
    private const int MaxResultInMessage = 120;

    public Task AcknowledgedAsync(DeskRequest request, Enterprise enterprise, CancellationToken ct) =>
        QueueAsync(AcknowledgedTemplate, request, enterprise, "filed", new Dictionary<string, object?>
        {
            ["kind"] = LedgerAppService.KindName(request.Kind),
            ["filed_at"] = request.SubmittedAt,
            ["due_at"] = request.AcknowledgementDueAt,
        }, ct);

    /// <summary>Each conclusion has its own message: a request reopened after review and concluded again is told again.</summary>
    public async Task ConcludedAsync(DeskRequest request, CancellationToken ct)
    {
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId, ct);
        var result = request.Result ?? "";
        await QueueAsync(ConcludedTemplate, request, enterprise, $"concluded:{request.Events.Count(e => e.Kind == "Concluded")}", new Dictionary<string, object?>
        {
            ["concluded_at"] = request.ConcludedAt,
            ["result"] = result.Length > MaxResultInMessage ? result[..MaxResultInMessage] + "……" : result,
        }, ct);
    }

    private async Task QueueAsync(string template, DeskRequest request, Enterprise enterprise, string key, Dictionary<string, object?> model, CancellationToken ct)
    {
        model["office"] = DeskDocuments.IssuingBody(await units.GetAsync(request.OrgUnitId, ct));
        model["enterprise_name"] = enterprise.Name;
        model["number"] = request.Number;
        model["title"] = request.Title;
        await notices.AddToPersonAsync(new PersonNoticeRequest(template, request.OrgUnitId, NoticeChannel.Sms, enterprise.ContactPhoneCipher, model,
            $"{request.Id:N}:{key}"), ct);
    }
}
