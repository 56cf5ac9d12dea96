namespace Mediation.Integrations;

/// <summary>Where a work order lands: the petition office (信访事项, 转送) or the 接诉即办 desk (an enterprise's 服务诉求).</summary>
public enum WorkOrderKind
{
    Petition,
    DeskRequest,
}

/// <summary>How far the record a work order became has come, as the integrating system is told; it only moves forward.</summary>
public enum WorkOrderStage
{
    /// <summary>Registered here; no callback is sent for it (the push's own answer says so).</summary>
    Received,
    /// <summary>受理 / 签收: the petition was accepted, or a desk officer took the request.</summary>
    Acknowledged,
    /// <summary>答复: the written reply was issued (处理意见书…), or the desk gave 办结告知; the reply text travels with it.</summary>
    Replied,
    /// <summary>办结: the matter is closed here (not accepted, led into another procedure, or the desk closed the request).</summary>
    Closed,
}

public sealed record RegisterSystemInput(string? Name, string? CallbackUrl, IReadOnlyList<string>? OrgUnitCodes, bool? Enabled);

public sealed record UpdateSystemInput(string? Name, string? CallbackUrl, IReadOnlyList<string>? OrgUnitCodes, bool? Enabled, string? ConcurrencyStamp);

/// <summary>A unit the system may deliver to, with every unit below it.</summary>
public sealed record ScopeUnitDto(Guid OrgUnitId, string Code, string Name);

/// <summary><paramref name="ApiKeyPrefix"/>: the key's first characters, to tell keys apart; the key itself is shown once, at registration.
/// <paramref name="CreatedBy"/> is the administrator's login; <paramref name="CreatedByName"/> and <paramref name="CreatedByUnit"/> what a page prints.</summary>
public sealed record IntegratingSystemDto(Guid Id, string Name, string ApiKeyPrefix, string CallbackUrl, IReadOnlyList<ScopeUnitDto> Scope, bool Enabled,
    DateTimeOffset CreatedAt, string? CreatedBy, string ConcurrencyStamp, string? CreatedByName = null, string? CreatedByUnit = null);

/// <summary>The API key and the callback secret, in clear this once; the server keeps the key's hash and the secret encrypted.</summary>
public sealed record RegisteredSystemDto(IntegratingSystemDto System, string ApiKey, string CallbackSecret);

public sealed record WorkOrderCallerInput(string? Name, string? Phone);

/// <summary>
/// A 12345 work order (工单): <paramref name="Number"/> is the platform's own number — pushing it again answers the same record;
/// <paramref name="DueAt"/> is the dispatcher's due time; <paramref name="OrgUnitCode"/> the receiving unit (within the system's scope);
/// <paramref name="EnterpriseCreditCode"/> names the enterprise for a desk request (it must be registered at that unit's desk).
/// </summary>
public sealed record WorkOrderInput(string? Number, string? Channel, WorkOrderCallerInput? Caller, string? Content, string? Category,
    string? OrgUnitCode, DateTimeOffset? DueAt, WorkOrderKind? Kind, string? EnterpriseCreditCode = null, bool? Urgent = null);

/// <summary>The work order as registered; <paramref name="CallerPhone"/> masked; <paramref name="RecordNumber"/> the petition's or desk request's number.</summary>
public sealed record WorkOrderDto(Guid Id, string Number, WorkOrderKind Kind, string Channel, string CallerName, string CallerPhone, string Category,
    string OrgUnitCode, DateTimeOffset DueAt, Guid RecordId, string RecordNumber, WorkOrderStage Stage, DateTimeOffset ReceivedAt);

/// <summary>
/// The callback's JSON body. <paramref name="DeliveryId"/> is the same on every retry of one message, so a receiver can drop repeats;
/// <paramref name="StatusText"/> names the record's status in Chinese; <paramref name="Reply"/> is the reply or decision text, when there is one.
/// </summary>
public sealed record WorkOrderCallbackBody(Guid DeliveryId, string WorkOrderNumber, WorkOrderStage Stage, string RecordNumber, string StatusText,
    string? Reply, DateTimeOffset OccurredAt);

public sealed record CallbackAttemptDto(int Number, DateTimeOffset At, int? StatusCode, string? Error, DateTimeOffset? NextRetryAt);

/// <summary>One status message to a system's callback URL and its attempts; <paramref name="Abandoned"/> after the last allowed attempt failed.</summary>
public sealed record CallbackDeliveryDto(Guid Id, Guid SystemId, string SystemName, string WorkOrderNumber, WorkOrderStage Stage, DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt, bool Abandoned, DateTimeOffset? NextAttemptAt, IReadOnlyList<CallbackAttemptDto> Attempts);
