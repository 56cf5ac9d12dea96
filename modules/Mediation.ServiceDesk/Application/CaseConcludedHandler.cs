using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>The desk follows a handed-off matter to the end: the mediation case's conclusion is written on the request, once.</summary>
internal sealed class CaseConcludedHandler(MediationDbContext db) : IIntegrationEventHandler<CaseConcludedEto>
{
    public async Task HandleAsync(CaseConcludedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        if (e.Source is not CaseSource.ServiceDeskReferral || !Guid.TryParse(e.SourceRecordId, out var requestId)) return;
        var request = await db.Set<DeskRequest>().IgnoreQueryFilters().SingleOrDefaultAsync(r => r.Id == requestId && r.CaseId == e.CaseId, ct);
        if (request is null) return;
        if (request.RecordRouteOutcome(Describe(e), "人民调解委员会", (e.ConcludedAt == default ? context.OccurredAt : e.ConcludedAt).ToUniversalTime())) await db.SaveChangesAsync(ct);
    }

    private static string Describe(CaseConcludedEto e) => e.Outcome switch
    {
        CaseOutcome.Succeeded => $"调解成功（{e.Number}）：{e.AgreementSummary}",
        CaseOutcome.OralAgreement => $"达成口头协议（{e.Number}）：{e.AgreementSummary}",
        CaseOutcome.Failed => $"调解不成（{e.Number}）：{e.Reason}",
        _ => $"终止调解（{e.Number}）：{e.Reason}",
    };
}
