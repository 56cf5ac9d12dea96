using Mediation.Core.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Application;

/// <summary>What the pages show beside the services' answers: petitioners' names for the queue, the units an officer may file for.</summary>
internal sealed class PetitionPageQuery(MediationDbContext db, ICurrentUser user, IOrgUnitDirectory orgUnits)
{
    /// <summary>The active units in the officer's scope (his own and those below it), the responsible-unit choices of the intake form.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsInScopeAsync(CancellationToken ct)
    {
        var units = await orgUnits.SubtreeAsync(user.OrgUnitPath, ct);
        return units.Where(u => u.IsActive).Select(u => (u.Id, u.Name)).ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> PetitionerNamesAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var rows = await db.Set<Petition>().AsNoTracking()
            .Where(p => petitionIds.Contains(p.Id))
            .Select(p => new { p.Id, Names = p.Petitioners.OrderBy(x => x.Position).Select(x => x.Name).ToList() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => (IReadOnlyList<string>)r.Names);
    }
}
