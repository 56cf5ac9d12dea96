using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

internal sealed class CaseStatusReader(MediationDbContext db) : ICaseStatusReader
{
    public async Task<IReadOnlyList<CaseStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        return await db.Set<MediationCase>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new CaseStatusDto(c.Id, c.Number, c.Status, c.Outcome)).ToListAsync(ct);
    }
}
