using Mediation.Core.Domain;

namespace Mediation.Integrations.Domain;

/// <summary>
/// One status message to a system's callback URL, queued in the transaction that learned of the change and sent by the dispatcher
/// until the receiver answers 2xx: each attempt is logged with its status code or error and the time of the next one, the wait doubling
/// from the first retry. After the last allowed attempt it is abandoned, and the log shows it.
/// </summary>
public sealed class CallbackDelivery : Entity<Guid>
{
    public const int ErrorMaxLength = 1000;

    private readonly List<CallbackAttempt> _attempts = [];

    private CallbackDelivery() { }

    public static CallbackDelivery Queue(Guid id, Guid systemId, Guid workOrderId, string workOrderNumber, WorkOrderStage stage, string payload, DateTimeOffset now) => new()
    {
        Id = id, SystemId = systemId, WorkOrderId = workOrderId, WorkOrderNumber = workOrderNumber, Stage = stage, Payload = payload, CreatedAt = now,
        NextAttemptAt = now,
    };

    public Guid SystemId { get; private set; }
    public Guid WorkOrderId { get; private set; }
    public string WorkOrderNumber { get; private set; } = "";
    public WorkOrderStage Stage { get; private set; }
    /// <summary>The JSON body, fixed at queueing, so every retry sends the same bytes (signed afresh with its own timestamp).</summary>
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public bool Abandoned { get; private set; }
    public IReadOnlyList<CallbackAttempt> Attempts => _attempts;

    public bool Pending => DeliveredAt is null && !Abandoned;

    /// <summary>Records one attempt: <paramref name="statusCode"/> 2xx delivers it; otherwise the next try waits per <paramref name="backoff"/>.</summary>
    public CallbackAttempt Record(int? statusCode, string? error, DateTimeOffset at, CallbackBackoff backoff)
    {
        var number = _attempts.Count + 1;
        var delivered = statusCode is >= 200 and < 300 && error is null;
        DateTimeOffset? next = null;
        if (delivered) DeliveredAt = at;
        else if (number >= backoff.MaxAttempts) Abandoned = true;
        else next = at + backoff.DelayAfter(number);
        NextAttemptAt = next;
        ClaimedUntil = null;
        var attempt = new CallbackAttempt(number, at, statusCode, error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error, next);
        _attempts.Add(attempt);
        return attempt;
    }
}

public sealed class CallbackAttempt
{
    private CallbackAttempt() { }

    public CallbackAttempt(int number, DateTimeOffset at, int? statusCode, string? error, DateTimeOffset? nextRetryAt)
    {
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error;
        NextRetryAt = nextRetryAt;
    }

    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset? NextRetryAt { get; private set; }
}

/// <summary>Exponential backoff: the first retry after <see cref="FirstRetryAfter"/>, each later wait doubled, capped at <see cref="MaxDelay"/>.</summary>
public sealed record CallbackBackoff(TimeSpan FirstRetryAfter, TimeSpan MaxDelay, int MaxAttempts)
{
    public TimeSpan DelayAfter(int failedAttempts)
    {
        var ticks = FirstRetryAfter.Ticks * Math.Pow(2, Math.Max(0, failedAttempts - 1));
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
