using Mediation.Core.Data;
using Mediation.Core.Messaging;

namespace Mediation.LegalWindows;

/// <summary>Service records changed in one save; a reader that keeps figures re-reads them through <see cref="IServiceStatisticsSource"/>.</summary>
public sealed record ServiceRecordsChangedEto(IReadOnlyList<Guid> RecordIds) : IIntegrationEvent
{
    public const string EventName = "legal-windows.service-records-changed";
}

/// <summary>
/// What the statistics count of one legal-window service as it stands now; a 民事代办 errand also has its due date
/// (<paramref name="ErrandDueDate"/>) and the time it was closed.
/// </summary>
public sealed record ServiceStatisticsRow(Guid RecordId, string Number, Guid OrgUnitId, ServiceKind Kind, DateTimeOffset ServedAt,
    DateTimeOffset? ErrandClosedAt, DateOnly? ErrandDueDate, bool ReferredToMediation);

/// <summary>Reads service records for the statistics whatever the caller's scope (the reader applies its own).</summary>
public interface IServiceStatisticsSource
{
    Task<IReadOnlyList<ServiceStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> recordIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct);

    /// <summary>
    /// The rows of the next <paramref name="count"/> service records after <paramref name="after"/> (from the first without it) in the
    /// database's order of ids: a recount reads every record in large pages, each one projected query on the primary key.
    /// </summary>
    Task<KeysetPage<ServiceStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct);
}
