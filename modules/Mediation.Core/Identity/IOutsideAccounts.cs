using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Identity;

namespace Mediation.Core.Identity;

/// <summary>
/// Accounts for people outside the organisation (an enterprise's staff at the 接诉即办 desk), created by a module without a
/// user administrator: only the outside roles can be given this way, so no staff permission can be reached through it.
/// </summary>
public interface IOutsideAccounts
{
    /// <summary>Refuses a taken user name or a password the policy rejects, before the caller writes anything.</summary>
    Task ValidateAsync(string userName, string password, string passwordField, CancellationToken ct);

    /// <summary>Creates the account in the caller's transaction, with the one outside role.</summary>
    Task<Guid> CreateAsync(string userName, string displayName, string password, Guid orgUnitId, string role, CancellationToken ct);
}
