using System.Security.Claims;

namespace Mediation.Core.Identity;

/// <summary>
/// A user's principal as a request of his would carry it now (unit, scope, current permissions), for background work done
/// on his behalf; null when the account is gone or inactive. Admin duties are left out: a job has no second factor.
/// </summary>
public interface IUserPrincipals
{
    Task<ClaimsPrincipal?> ForBackgroundWorkAsync(Guid userId, CancellationToken ct);
}
