using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// The way back of a referral: the case concluded, so the service record shows how. The inbox delivers each message once; a
/// record that already holds the outcome, or a case that did not come from a window, is left alone.
/// </summary>
internal sealed class ReferralConcludedHandler(MediationDbContext db) : IIntegrationEventHandler<CaseConcludedEto>
{
    public async Task HandleAsync(CaseConcludedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.Source is not CaseSource.LegalWindowReferral || !Guid.TryParse(e.SourceRecordId, out var recordId)) return;
        var record = await db.Set<ServiceRecord>().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null) return;
        var result = e.Outcome switch
        {
            CaseOutcome.Succeeded => ReferralResult.Succeeded,
            CaseOutcome.OralAgreement => ReferralResult.OralAgreement,
            CaseOutcome.Failed => ReferralResult.Failed,
            _ => ReferralResult.Terminated,
        };
        var detail = result is ReferralResult.Succeeded or ReferralResult.OralAgreement ? e.AgreementSummary : e.Reason;
        if (!record.RecordReferralOutcome(e.CaseId, result, detail, e.ConcludedAt == default ? context.OccurredAt : e.ConcludedAt)) return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
