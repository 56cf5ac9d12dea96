using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.JointMeetings;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>
/// The way back from the joint meeting a petition asked for (信访工作条例 Art. 24): when the convener accepts a task decided on the
/// petition as done, the petition's timeline shows it. Tasks on other records, and unknown petitions, are not this module's.
/// </summary>
internal sealed class JointMeetingTaskAcceptedHandler(MediationDbContext db) : IIntegrationEventHandler<JointMeetingTaskAcceptedEto>
{
    public async Task HandleAsync(JointMeetingTaskAcceptedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var e = integrationEvent;
        if (e.LinkedRecordType is not LinkedRecordType.Petition || e.LinkedRecordId is not { } petitionId) return;
        var petition = await db.Set<Petition>().SingleOrDefaultAsync(p => p.Id == petitionId, cancellationToken);
        if (petition is null || !petition.RecordJointMeetingTaskAccepted(e.LeadUnit, e.Requirement, e.AcceptedAt)) return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
