using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>
/// Names a case and its follow-up visits in deadline notices: "调解案件泰山调〔2026〕3号" (its term, its 司法确认 window),
/// "调解案件泰山调〔2026〕3号的回访"; the case page and its mediators.
/// </summary>
internal sealed class CaseDeadlineRecords(MediationDbContext db, IUserDirectory users) : IDeadlineRecordDescriber
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [CaseAppService.RecordType, FollowUpAppService.RecordType];

    public async Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(
        string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var visits = recordType == FollowUpAppService.RecordType
            ? await db.Set<FollowUpVisit>().AsNoTracking().Where(v => recordIds.Contains(v.Id)).Select(v => new { v.Id, v.CaseId }).ToListAsync(ct)
            : [];
        var caseIds = recordType == FollowUpAppService.RecordType ? visits.Select(v => v.CaseId).Distinct().ToList() : recordIds.ToList();
        var cases = await db.Set<MediationCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, Mediators = c.Mediators.Select(m => m.UserId).ToList() }).ToListAsync(ct);

        // One query for every mediator of every case: a sweep after a long outage names thousands of cases at once.
        var mediators = await users.FindManyAsync(cases.SelectMany(c => c.Mediators), ct);
        var byCase = new Dictionary<Guid, DeadlineRecordDescription>();
        foreach (var mediationCase in cases)
        {
            var names = mediationCase.Mediators.Select(id => mediators.GetValueOrDefault(id)?.DisplayName).OfType<string>().ToList();
            byCase[mediationCase.Id] = new DeadlineRecordDescription(
                $"调解案件{mediationCase.Number}", $"/Cases/{mediationCase.Id}", names.Count == 0 ? null : "调解员" + string.Join("、", names));
        }
        if (recordType != FollowUpAppService.RecordType) return byCase;

        var result = new Dictionary<Guid, DeadlineRecordDescription>();
        foreach (var visit in visits)
        {
            if (byCase.TryGetValue(visit.CaseId, out var owner))
                result[visit.Id] = owner with { Label = owner.Label + "的回访", Link = "/Cases/Visits" };
        }
        return result;
    }
}
