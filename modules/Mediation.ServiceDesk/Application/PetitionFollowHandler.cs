using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Petitions;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// The desk follows a matter it handed to the petition office to the end: when the petition is concluded (answered, not accepted, led
/// into another procedure…), the request records it on its timeline, once. Petitions tells every change by
/// <see cref="PetitionsChangedEto"/>; only the petitions a desk request awaits are read, through the Petitions contract.
/// </summary>
internal sealed class PetitionFollowHandler(MediationDbContext db, IPetitionReferralIntegrationService petitions)
    : IIntegrationEventHandler<PetitionsChangedEto>, IIntegrationEventFilter<PetitionsChangedEto>
{
    /// <summary>Most petitions changed are none a desk request awaits: those events are not delivered, no transaction for them.</summary>
    public Task<bool> ConcernsAsync(PetitionsChangedEto e, CancellationToken ct) => Awaiting(e).AnyAsync(ct);

    public async Task HandleAsync(PetitionsChangedEto e, IntegrationEventContext context, CancellationToken ct)
    {
        var awaiting = await Awaiting(e).ToListAsync(ct);
        if (awaiting.Count == 0) return;
        var concluded = (await petitions.FollowAsync(awaiting.Select(r => r.PetitionId!.Value).ToList(), ct)).Where(p => p.Handled)
            .ToDictionary(p => p.PetitionId);
        var recorded = false;
        foreach (var request in awaiting)
            if (concluded.TryGetValue(request.PetitionId!.Value, out var petition))
                recorded |= request.RecordRouteOutcome($"信访事项{petition.Number}{petition.StatusText}", "信访部门", context.OccurredAt.ToUniversalTime());
        if (recorded) await db.SaveChangesAsync(ct);
    }

    private IQueryable<DeskRequest> Awaiting(PetitionsChangedEto e)
    {
        var ids = e.PetitionIds.ToList();
        return db.Set<DeskRequest>().IgnoreQueryFilters().Where(r => r.PetitionId != null && ids.Contains(r.PetitionId.Value) && r.RouteOutcome == null);
    }
}
