using Mediation.Core.Data;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

internal sealed class ServiceRecordStatusReader(MediationDbContext db) : IServiceRecordStatusReader
{
    public async Task<IReadOnlyList<ServiceRecordStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var found = await db.Set<ServiceRecord>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.Kind, r.ErrandStatus, r.CaseId, r.ReferralResult }).ToListAsync(ct);
        return found.Select(r => new ServiceRecordStatusDto(r.Id, r.Number, r.Kind, r.ErrandStatus, r.CaseId is not null, r.ReferralResult)).ToList();
    }
}
