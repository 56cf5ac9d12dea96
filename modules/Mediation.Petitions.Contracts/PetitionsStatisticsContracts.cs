using Mediation.Core.Data;
using Mediation.Core.Messaging;

namespace Mediation.Petitions;

/// <summary>Petitions changed in one save; a reader that keeps figures re-reads them through <see cref="IPetitionStatisticsSource"/>.</summary>
public sealed record PetitionsChangedEto(IReadOnlyList<Guid> PetitionIds) : IIntegrationEvent
{
    public const string EventName = "petitions.petitions-changed";
}

/// <summary>
/// What the statistics count of one petition as it stands now. <paramref name="DecidedAt"/>: acceptance decided (accepted, not
/// accepted, linked as a repeat…), due by <paramref name="AcceptanceDueDate"/> (Art. 22, 15 days); <paramref name="RepliedAt"/>: the
/// reply opinion (处理意见书) issued, due by <paramref name="HandlingDueDate"/> (Art. 34, 60 days with an approved extension).
/// </summary>
public sealed record PetitionStatisticsRow(Guid PetitionId, string Number, Guid OrgUnitId, PetitionChannel Channel, PetitionStatus Status,
    PetitionCategory? Category, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, DateOnly? AcceptanceDueDate, DateTimeOffset? RepliedAt,
    DateOnly? HandlingDueDate);

/// <summary>
/// Reads petitions for the statistics whatever the caller's scope (the reader applies its own). 检举控告 items are left out: they
/// are the discipline body's, and never shown to the unit complained about (信访工作条例 Art. 30 ¶3).
/// </summary>
public interface IPetitionStatisticsSource
{
    Task<IReadOnlyList<PetitionStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct);

    /// <summary>
    /// The rows of the next <paramref name="count"/> petitions (检举控告 items read, but give no row) after <paramref name="after"/> (from the first without it) in the
    /// database's order of ids: a recount reads every record in large pages, each one projected query on the primary key.
    /// </summary>
    Task<KeysetPage<PetitionStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct);
}
