using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Messaging;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.Petitions.Application;

internal sealed class PetitionStatisticsSource(MediationDbContext db, IDeadlineClocks clocks) : IPetitionStatisticsSource
{
    public async Task<IReadOnlyList<PetitionStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct) =>
        (await RowsAsync(EveryRecord.Named<Petition>(db, petitionIds), ct)).Rows;

    public Task<KeysetPage<PetitionStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct) =>
        RowsAsync(EveryRecord.PageAfter<Petition>(db, after, count), ct);

    /// <summary>
    /// The rows of the petitions <paramref name="query"/> selects, in its order (one projected query, then their clocks); 检举控告
    /// items are read but give no row, so a page of them still moves the reader on.
    /// </summary>
    private async Task<KeysetPage<PetitionStatisticsRow>> RowsAsync(IQueryable<Petition> query, CancellationToken ct)
    {
        var read = await query
            .Select(p => new
            {
                p.Id, p.Number, p.OrgUnitId, p.Channel, p.Status, p.Category, p.ReceivedAt, p.DecidedAt,
                RepliedAt = p.Opinions.Where(o => o.Kind == OpinionKind.Reply).Max(o => (DateTimeOffset?)o.IssuedAt),
            })
            .ToListAsync(ct);
        var petitions = read.Where(p => p.Category != PetitionCategory.Accusation).ToList();
        var clocksOf = (await clocks.DueDatesAsync(Petition.RecordType, petitions.Select(p => p.Id).ToList(), ct)).ToLookup(c => c.RecordId);
        var rows = new List<PetitionStatisticsRow>(petitions.Count);
        foreach (var p in petitions)
        {
            var petitionClocks = clocksOf[p.Id];
            rows.Add(new PetitionStatisticsRow(p.Id, p.Number, p.OrgUnitId, p.Channel, p.Status, p.Category, p.ReceivedAt, p.DecidedAt,
                petitionClocks.FirstOrDefault(c => c.Policy == PetitionPolicies.AcceptanceNotice)?.DueDate, p.RepliedAt,
                petitionClocks.FirstOrDefault(c => c.Policy == PetitionPolicies.Handling)?.DueDate));
        }
        return new(rows, read.Count, read.Count > 0 ? read[^1].Id : null);
    }

    public Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) => EveryRecord.IdsAsync<Petition>(db, ct);
}

internal sealed class PetitionChangeFeed(IServiceProvider services) : RecordChangeFeed<PetitionsChangedEto>(services)
{
    protected override PetitionsChangedEto? Describe(ChangeTracker changes)
    {
        var ids = ChangedIds<Petition>(changes);
        return ids.Count > 0 ? new PetitionsChangedEto(ids) : null;
    }
}
