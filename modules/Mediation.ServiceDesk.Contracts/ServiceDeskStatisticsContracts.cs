using Mediation.Core.Data;
using Mediation.Core.Messaging;

namespace Mediation.ServiceDesk;

/// <summary>Desk requests changed in one save; a reader that keeps figures re-reads them through <see cref="IDeskRequestStatisticsSource"/>.</summary>
public sealed record DeskRequestsChangedEto(IReadOnlyList<Guid> RequestIds) : IIntegrationEvent
{
    public const string EventName = "service-desk.requests-changed";
}

/// <summary>
/// What the statistics count of one desk request as it stands now: when it was filed, when an officer took it and when that was
/// due (响应), when 办结告知 was given (none after a reopening until it is concluded again) and the enterprise's rating, if any.
/// </summary>
public sealed record DeskRequestStatisticsRow(Guid RequestId, string Number, Guid OrgUnitId, RequestKind Kind, RequestStatus Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset AcknowledgementDueAt, DateTimeOffset? ConcludedAt, ServiceRating? Rating)
{
    /// <summary>响应: an officer took it within the acknowledgement limit (24 hours, 1 hour if urgent).</summary>
    public bool RespondedOnTime => AcknowledgedAt is { } at && at <= AcknowledgementDueAt;

    /// <summary>满意率's numerator: 满意 or 基本满意.</summary>
    public bool Satisfied => Rating is ServiceRating.Satisfied or ServiceRating.BasicallySatisfied;
}

/// <summary>Reads desk requests for the statistics whatever the caller's scope (the reader applies its own).</summary>
public interface IDeskRequestStatisticsSource
{
    Task<IReadOnlyList<DeskRequestStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> requestIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct);

    /// <summary>
    /// The rows of the next <paramref name="count"/> requests after <paramref name="after"/> (from the first without it) in the
    /// database's order of ids: a recount reads every record in large pages, each one projected query on the primary key.
    /// </summary>
    Task<KeysetPage<DeskRequestStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct);
}
