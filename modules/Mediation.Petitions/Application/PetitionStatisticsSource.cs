using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Messaging;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.Petitions.Application;

internal sealed class PetitionStatisticsSource(MediationDbContext db, IDeadlineClocks clocks) : IPetitionStatisticsSource
{
    public async Task<IReadOnlyList<PetitionStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var ids = petitionIds.Distinct().ToList();
        var petitions = await db.Set<Petition>().IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.Category != PetitionCategory.Accusation)
            .Select(p => new
            {
                p.Id, p.Number, p.OrgUnitId, p.Channel, p.Status, p.Category, p.ReceivedAt, p.DecidedAt,
                RepliedAt = p.Opinions.Where(o => o.Kind == OpinionKind.Reply).Max(o => (DateTimeOffset?)o.IssuedAt),
            })
            .ToListAsync(ct);
        var clocksOf = (await clocks.DueDatesAsync(Petition.RecordType, ids, ct)).ToLookup(c => c.RecordId);
        var rows = new List<PetitionStatisticsRow>(petitions.Count);
        foreach (var p in petitions)
        {
            var petitionClocks = clocksOf[p.Id];
            rows.Add(new PetitionStatisticsRow(p.Id, p.Number, p.OrgUnitId, p.Channel, p.Status, p.Category, p.ReceivedAt, p.DecidedAt,
                petitionClocks.FirstOrDefault(c => c.Policy == PetitionPolicies.AcceptanceNotice)?.DueDate, p.RepliedAt,
                petitionClocks.FirstOrDefault(c => c.Policy == PetitionPolicies.Handling)?.DueDate));
        }
        return rows;
    }

    public async Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) =>
        await db.Set<Petition>().IgnoreQueryFilters().AsNoTracking().Select(p => p.Id).ToListAsync(ct);
}

internal sealed class PetitionChangeFeed(IServiceProvider services) : RecordChangeFeed<PetitionsChangedEto>(services)
{
    protected override PetitionsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = changes.Entries<Petition>().Where(IsChanged).Select(e => e.Entity.Id).Distinct().ToList();
        return ids.Count > 0 ? new PetitionsChangedEto(ids) : null;
    }
}
