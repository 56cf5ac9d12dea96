using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>
/// 访调对接: the handed-over case's agreement took effect (cases.agreement-effective) — the day the reply opinion names as the day
/// the matter was resolved (信访工作条例 Arts. 33, 37). A repeated delivery, or a case not from a petition, changes nothing.
/// </summary>
internal sealed class AgreementEffectiveHandler(MediationDbContext db, TimeProvider clock) : IIntegrationEventHandler<CaseAgreementEffectiveEto>
{
    public async Task HandleAsync(CaseAgreementEffectiveEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.Source is not CaseSource.PetitionHandover || !Guid.TryParse(e.SourceRecordId, out var petitionId)) return;
        var petition = await db.Set<Petition>().SingleOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null || !petition.RecordAgreementEffective(e.CaseId, e.EffectiveOn, clock.GetUtcNow())) return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
