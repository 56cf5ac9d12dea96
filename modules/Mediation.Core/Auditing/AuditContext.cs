using System.Runtime.CompilerServices;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Auditing;

/// <summary>Who made a change and from where, taken from the request that asked for it.</summary>
public sealed record AuditActor(Guid? UserId, string? UserName, string? IpAddress, string? CorrelationId);

/// <summary>Who and from where, for the audit row; outside a request (jobs) it is the system.</summary>
public sealed class AuditContext(ICurrentUser user, IHttpContextAccessor http, ICorrelationIdAccessor correlation, TimeProvider clock, AuditSignal signal)
{
    private ConditionalWeakTable<object, AuditActor>? _onBehalfOf;

    public Guid? UserId => user.Id;
    public string? UserName => user.UserName ?? (http.HttpContext is null ? "system" : null);
    public string? IpAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();
    public string? CorrelationId => correlation.CorrelationId;
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>This scope's caller, kept for a writer that saves on the caller's behalf in a scope of its own.</summary>
    public AuditActor Actor => new(UserId, UserName, IpAddress, CorrelationId);

    /// <summary>
    /// The audit row of <paramref name="entity"/>'s change names <paramref name="actor"/> instead of this scope's caller:
    /// a group commit saves the registrations of several requests at once, each row attributed to its own request (issue 17).
    /// </summary>
    public void AttributeTo(object entity, AuditActor actor) => (_onBehalfOf ??= []).AddOrUpdate(entity, actor);

    internal AuditActor? ActorFor(object entity) => _onBehalfOf is { } map && map.TryGetValue(entity, out var actor) ? actor : null;

    /// <summary>
    /// Every audit row is made here (the save's interceptor, bulk inserts, security events, exports), so here the idle sealer is
    /// woken: it seals the row once it has settled (<see cref="AuditOptions.SealDelay"/>). A row that does not commit costs it one
    /// empty round; one that commits later than that is found by the rounds that follow, their waits growing again from the interval.
    /// </summary>
    internal AuditEntry Entry(AuditCategory category, string action, string? entityType = null, string? entityId = null,
        string? details = null, Guid? userId = null, string? userName = null, AuditActor? actor = null)
    {
        signal.Notify();
        return new()
        {
            OccurredAt = Now,
            Category = category,
            Action = action,
            UserId = userId ?? (actor is null ? UserId : actor.UserId),
            UserName = userName ?? (actor is null ? UserName : actor.UserName),
            IpAddress = actor is null ? IpAddress : actor.IpAddress,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
            CorrelationId = actor is null ? CorrelationId : actor.CorrelationId,
        };
    }
}
