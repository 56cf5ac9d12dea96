using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Security;

public static class MediationClaimTypes
{
    public const string UserId = ClaimTypes.NameIdentifier;
    public const string UserName = ClaimTypes.Name;
    public const string DisplayName = "mediation:display_name";
    public const string OrgUnitId = "mediation:org_unit_id";
    public const string OrgUnitPath = "mediation:org_unit_path";
    public const string OrgUnitName = "mediation:org_unit_name";
    public const string IssuedAt = "mediation:issued_at";
    public const string Permission = "mediation:permission";

    /// <summary>Present when the sign-in included a verified TOTP code; admin-duty permissions need it.</summary>
    public const string SecondFactor = "mediation:second_factor";
}

/// <summary>Who is calling, his unit, and what he may do. Anonymous callers have no scope and no permissions.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    Guid? Id { get; }
    string? UserName { get; }
    string? DisplayName { get; }
    Guid? OrgUnitId { get; }
    string? OrgUnitName { get; }

    /// <summary>Materialized path of the user's unit: records whose unit path starts with it are in scope.</summary>
    string? OrgUnitPath { get; }

    bool HasPermission(string permission);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
    public Guid? Id => Guid.TryParse(Find(MediationClaimTypes.UserId), out var id) ? id : null;
    public string? UserName => Find(MediationClaimTypes.UserName);
    public string? DisplayName => Find(MediationClaimTypes.DisplayName) ?? UserName;
    public Guid? OrgUnitId => Guid.TryParse(Find(MediationClaimTypes.OrgUnitId), out var id) ? id : null;
    public string? OrgUnitName => Find(MediationClaimTypes.OrgUnitName);
    public string? OrgUnitPath => Find(MediationClaimTypes.OrgUnitPath);

    public bool HasPermission(string permission) =>
        IsAuthenticated && Principal!.HasClaim(MediationClaimTypes.Permission, permission);

    private string? Find(string type) => IsAuthenticated ? Principal!.FindFirst(type)?.Value : null;
}
