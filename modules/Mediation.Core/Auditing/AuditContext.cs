using Mediation.Core.Security;
using Mediation.Core.Web;
using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Auditing;

/// <summary>Who and from where, for the audit row; outside a request (jobs) it is the system.</summary>
public sealed class AuditContext(ICurrentUser user, IHttpContextAccessor http, ICorrelationIdAccessor correlation, TimeProvider clock)
{
    public Guid? UserId => user.Id;
    public string? UserName => user.UserName ?? (http.HttpContext is null ? "system" : null);
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? CorrelationId => correlation.CorrelationId;
    public DateTimeOffset Now => clock.GetUtcNow();

    internal AuditEntry Entry(AuditCategory category, string action, string? entityType = null, string? entityId = null,
        string? details = null, Guid? userId = null, string? userName = null) => new()
    {
        OccurredAt = Now,
        Category = category,
        Action = action,
        UserId = userId ?? UserId,
        UserName = userName ?? UserName,
        IpAddress = IpAddress,
        EntityType = entityType,
        EntityId = entityId,
        Details = details,
        CorrelationId = CorrelationId,
    };
}
