using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Security;

/// <summary>A record that belongs to an org unit; users see it only from that unit or above.</summary>
public interface IOrgScoped
{
    Guid OrgUnitId { get; }
}

/// <summary>
/// The subtree the current caller may see, as an org-unit path prefix; null means unrestricted
/// (background jobs, and anonymous requests, which the endpoints' permission checks keep out).
/// </summary>
public interface IDataScope
{
    string? OrgUnitPath { get; }
}

internal sealed class CurrentUserDataScope(IHttpContextAccessor http, ICurrentUser user) : IDataScope
{
    // A signed-in user without a unit sees nothing rather than everything.
    public string? OrgUnitPath => http.HttpContext is null || !user.IsAuthenticated ? null : user.OrgUnitPath ?? "/none/";
}
