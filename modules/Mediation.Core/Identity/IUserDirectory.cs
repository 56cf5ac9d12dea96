using System.Linq.Expressions;
using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Identity;

public sealed record UserInfo(Guid Id, string UserName, string DisplayName, Guid OrgUnitId, bool IsActive);

/// <summary>How modules read user accounts (in the caller's data scope): they never open the kernel's table.</summary>
public interface IUserDirectory
{
    Task<UserInfo?> FindAsync(Guid id, CancellationToken ct);

    Task<UserInfo?> FindByUserNameAsync(string userName, CancellationToken ct);
}
