using Mediation.Core.Data;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

internal sealed class PetitionStatusReader(MediationDbContext db) : IPetitionStatusReader
{
    private static readonly PetitionStatus[] Pending =
    [
        PetitionStatus.Registered, PetitionStatus.TransferObjected, PetitionStatus.Accepted, PetitionStatus.HandedOverToMediation,
        PetitionStatus.SuggestionUnderStudy, PetitionStatus.UnderReview, PetitionStatus.UnderReexamination,
    ];

    public async Task<IReadOnlyList<PetitionStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var found = await db.Set<Petition>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Number, p.Status }).ToListAsync(ct);
        return found.Select(p => new PetitionStatusDto(p.Id, p.Number, p.Status, !Pending.Contains(p.Status))).ToList();
    }
}
