using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.Cases.Application;

internal sealed class CaseStatisticsSource(MediationDbContext db, IDeadlineClocks clocks) : ICaseStatisticsSource
{
    public Task<IReadOnlyList<CaseStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct) =>
        RowsAsync(EveryRecord.Named<MediationCase>(db, caseIds), ct);

    public async Task<KeysetPage<CaseStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct) =>
        KeysetPage.Of(await RowsAsync(EveryRecord.PageAfter<MediationCase>(db, after, count), ct), row => row.CaseId);

    /// <summary>The rows of the cases <paramref name="query"/> selects, in its order: one projected query, then their visits and clocks.</summary>
    private async Task<IReadOnlyList<CaseStatisticsRow>> RowsAsync(IQueryable<MediationCase> query, CancellationToken ct)
    {
        var cases = await query
            .Select(c => new
            {
                c.Id, c.Number, c.OrgUnitId, c.DisputeType, c.Source, c.RegisteredAt, c.Status, c.ConcludedAt, c.Outcome,
                c.BecameCriminalOn, c.JudicialAppliedOn, c.CourtDecision, c.CourtDecidedOn,
            })
            .ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var visits = await db.Set<FollowUpVisit>().IgnoreQueryFilters().AsNoTracking()
            .Where(v => ids.Contains(v.CaseId) && v.Status == FollowUpVisitStatus.Recorded && v.Satisfactions.Any())
            .Select(v => new { v.CaseId, v.VisitedAt, v.RecordedAt, Dissatisfied = v.Satisfactions.Any(s => s.Satisfaction == PartySatisfaction.Dissatisfied) })
            .ToListAsync(ct);
        var latestVisit = visits.GroupBy(v => v.CaseId)
            .ToDictionary(g => g.Key, g => g.OrderBy(v => v.VisitedAt ?? v.RecordedAt).Last());

        var terms = (await clocks.DueDatesAsync(CaseAppService.RecordType, ids, ct)).Where(k => k.Policy == CasesPolicies.Term)
            .GroupBy(k => k.RecordId).ToDictionary(g => g.Key, g => g.First());

        var rows = new List<CaseStatisticsRow>(cases.Count);
        foreach (var c in cases)
        {
            var term = terms.GetValueOrDefault(c.Id);
            var visit = latestVisit.GetValueOrDefault(c.Id);
            // A reopened case is in mediation again: its earlier conclusion no longer counts.
            var concluded = c.Status is CaseStatus.Concluded;
            rows.Add(new CaseStatisticsRow(c.Id, c.Number, c.OrgUnitId, c.DisputeType, c.Source, c.RegisteredAt,
                concluded ? c.ConcludedAt : null, concluded ? c.Outcome : null, term?.DueDate, visit is not null, visit is { Dissatisfied: false },
                c.BecameCriminalOn, c.JudicialAppliedOn, c.CourtDecision, c.CourtDecidedOn));
        }
        return rows;
    }

    public Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) => EveryRecord.IdsAsync<MediationCase>(db, ct);
}

/// <summary>Any change to a case or its 回访 — also a reopened case or a rating given months later — names the case.</summary>
internal sealed class CaseChangeFeed(IServiceProvider services) : RecordChangeFeed<CasesChangedEto>(services)
{
    protected override CasesChangedEto? Describe(ChangeTracker changes)
    {
        var ids = ChangedIds<MediationCase>(changes)
            .Concat(changes.Entries<FollowUpVisit>().Where(IsChanged).Select(e => e.Entity.CaseId))
            .Distinct().ToList();
        return ids.Count > 0 ? new CasesChangedEto(ids) : null;
    }
}
