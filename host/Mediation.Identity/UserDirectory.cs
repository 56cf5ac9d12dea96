using Mediation.Core.Identity;
using System.Linq.Expressions;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Identity;

internal sealed class UserDirectory(MediationDbContext db) : IUserDirectory
{
    public Task<UserInfo?> FindAsync(Guid id, CancellationToken ct) => Find(u => u.Id == id, ct);

    public Task<UserInfo?> FindByUserNameAsync(string userName, CancellationToken ct) => Find(u => u.UserName == userName, ct);

    // The filter goes on the entity before the projection: EF cannot translate a filter on a positional record.
    private Task<UserInfo?> Find(Expression<Func<AppUser, bool>> filter, CancellationToken ct) => db.Set<AppUser>().AsNoTracking().Where(filter)
        .Select(u => new UserInfo(u.Id, u.UserName!, u.DisplayName, u.OrgUnitId, u.IsActive)).SingleOrDefaultAsync(ct);
}
