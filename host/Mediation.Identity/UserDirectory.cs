using Mediation.Core.Identity;
using System.Linq.Expressions;
using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

internal sealed class UserDirectory(MediationDbContext db, ICurrentUser currentUser) : IUserDirectory
{
    public Task<UserInfo?> FindAsync(Guid id, CancellationToken ct) => Find(u => u.Id == id, ct);

    public Task<UserInfo?> FindByUserNameAsync(string userName, CancellationToken ct) => Find(u => u.UserName == userName, ct);

    public async Task<IReadOnlyDictionary<Guid, UserInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, UserInfo>();
        return await db.Set<AppUser>().AsNoTracking().Where(u => wanted.Contains(u.Id))
            .Select(u => new UserInfo(u.Id, u.UserName!, u.DisplayName, u.OrgUnitId, u.IsActive)).ToDictionaryAsync(u => u.Id, ct);
    }

    public async Task<IReadOnlyDictionary<string, ActorInfo>> DescribeActorsAsync(IEnumerable<string?> userNames, CancellationToken ct)
    {
        var names = userNames.OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return new Dictionary<string, ActorInfo>();
        // A record just written names only its writer, whose name the request already carries: registration stays one query shorter.
        if (names is [var only] && only == currentUser.UserName && currentUser.DisplayName is { Length: > 0 } displayName)
            return new Dictionary<string, ActorInfo> { [only] = new(only, displayName, currentUser.OrgUnitName) };
        var rows = await (from u in db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking()
                          where names.Contains(u.UserName!)
                          join o in db.Set<OrgUnit>().IgnoreQueryFilters().AsNoTracking() on u.OrgUnitId equals o.Id into units
                          from o in units.DefaultIfEmpty()
                          select new { u.UserName, u.DisplayName, UnitName = o == null ? null : o.Name }).ToListAsync(ct);
        return rows.ToDictionary(r => r.UserName!, r => new ActorInfo(r.UserName!, r.DisplayName.Length > 0 ? r.DisplayName : r.UserName!, r.UnitName),
            StringComparer.Ordinal);
    }

    // The filter goes on the entity before the projection: EF cannot translate a filter on a positional record.
    private Task<UserInfo?> Find(Expression<Func<AppUser, bool>> filter, CancellationToken ct) => db.Set<AppUser>().AsNoTracking().Where(filter)
        .Select(u => new UserInfo(u.Id, u.UserName!, u.DisplayName, u.OrgUnitId, u.IsActive)).SingleOrDefaultAsync(ct);
}
