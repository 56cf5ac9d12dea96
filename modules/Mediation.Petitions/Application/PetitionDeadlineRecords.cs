using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Identity;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>Names a petition in deadline notices: "信访事项泰山信〔2026〕12号", its page and the officer handling it.</summary>
internal sealed class PetitionDeadlineRecords(MediationDbContext db, IUserDirectory users) : IDeadlineRecordDescriber
{
    public IReadOnlyCollection<string> RecordTypes { get; } = [Petition.RecordType];

    public async Task<IReadOnlyDictionary<Guid, DeadlineRecordDescription>> DescribeAsync(
        string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var rows = await db.Set<Petition>().IgnoreQueryFilters().AsNoTracking().Where(p => recordIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Number, p.OrgUnitId, Holder = p.HandledBy ?? p.RecordedBy }).ToListAsync(ct);
        // One query for every holder: a sweep after a long outage names thousands of petitions at once.
        var holders = await users.DescribeActorsAsync(rows.Select(r => r.Holder), ct);
        var result = new Dictionary<Guid, DeadlineRecordDescription>();
        foreach (var row in rows)
        {
            var holder = holders.Named(row.Holder)?.DisplayName;
            result[row.Id] = new DeadlineRecordDescription($"信访事项{row.Number}", $"/Petitions/{row.Id}", holder, row.OrgUnitId,
                PetitionsPermissions.Petitions.Read);
        }
        return result;
    }
}
