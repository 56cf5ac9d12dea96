namespace Mediation.Cases;

/// <summary>A planned mediation session (调解安排): planned, then held (the recorded session fulfils it) or cancelled.</summary>
public enum SessionPlanStatus
{
    Planned,
    /// <summary>The session was held: recording its 调解笔录 fulfilled the plan (<see cref="SessionPlanDto.HeldSessionNumber"/>).</summary>
    Held,
    Cancelled,
}

/// <summary>
/// 安排调解: when and where the mediator meets the parties. <paramref name="MediatorId"/> must be one of the case's mediators;
/// none: the caller. The start may not be before today (China time): a session planned for this morning may be entered afterwards.
/// </summary>
public sealed record PlanSessionInput(DateTimeOffset? StartsAt, string? Place, Guid? MediatorId);

/// <summary>改期: a new start, and optionally another place or mediator (null keeps them).</summary>
public sealed record RescheduleSessionInput(DateTimeOffset? StartsAt, string? Place, Guid? MediatorId, string? ConcurrencyStamp);

/// <summary>取消: the reason is required.</summary>
public sealed record CancelSessionPlanInput(string? Reason, string? ConcurrencyStamp);

/// <summary>
/// A planned session. <paramref name="PlannedBy"/> is the login of who planned it, <paramref name="PlannedByName"/> and
/// <paramref name="PlannedByUnit"/> what a page prints; <paramref name="MediatorName"/> as the mediator was named when planned.
/// </summary>
public sealed record SessionPlanDto(Guid Id, Guid CaseId, string CaseNumber, DateTimeOffset StartsAt, DateOnly PlannedOn, string Place, Guid MediatorId,
    string MediatorName, SessionPlanStatus Status, int? HeldSessionNumber, string? CancelReason, string? PlannedBy, string? PlannedByName,
    string? PlannedByUnit, string ConcurrencyStamp);
