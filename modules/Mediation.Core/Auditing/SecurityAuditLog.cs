using System.Text.Json;
using Mediation.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Auditing;

/// <summary>Security events (sign-in, lockout, denial, reveal) are audited on their own, outside any business transaction.</summary>
public sealed class SecurityAuditLog(IServiceScopeFactory scopes, AuditContext context)
{
    public async Task WriteAsync(string action, object? details = null, Guid? userId = null, string? userName = null,
        string? entityType = null, string? entityId = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        db.Add(context.Entry(AuditCategory.Security, action, entityType, entityId,
            details is null ? null : JsonSerializer.Serialize(details), userId, userName));
        await db.SaveChangesAsync(ct);
    }
}
