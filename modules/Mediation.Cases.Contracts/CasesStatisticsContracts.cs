using Mediation.Core.Data;
using Mediation.Core.Messaging;

namespace Mediation.Cases;

/// <summary>
/// Cases changed in one save (registered, concluded, reopened, 民转刑, 司法确认, a 回访 recorded…). Published from the change's own
/// transaction, so a reader that keeps figures re-reads exactly these cases through <see cref="ICaseStatisticsSource"/>.
/// </summary>
public sealed record CasesChangedEto(IReadOnlyList<Guid> CaseIds) : IIntegrationEvent
{
    public const string EventName = "cases.cases-changed";
}

/// <summary>
/// What the statistics count of one case, as it stands now. <paramref name="TermDueDate"/>: the mediation term's due date with its
/// continuations; <paramref name="Rated"/>: a 回访 recorded every party's satisfaction; <paramref name="Satisfied"/>: in the latest
/// such visit no party was dissatisfied (满意 or 基本满意).
/// </summary>
public sealed record CaseStatisticsRow(Guid CaseId, string Number, Guid OrgUnitId, DisputeType DisputeType, CaseSource Source,
    DateTimeOffset RegisteredAt, DateTimeOffset? ConcludedAt, CaseOutcome? Outcome, DateOnly? TermDueDate, bool Rated, bool Satisfied,
    DateOnly? BecameCriminalOn, DateOnly? JudicialAppliedOn, CourtDecision? CourtDecision, DateOnly? CourtDecidedOn);

/// <summary>Reads cases for the statistics whatever the caller's scope (the reader applies its own).</summary>
public interface ICaseStatisticsSource
{
    /// <summary>The rows of the cases that exist among <paramref name="caseIds"/>.</summary>
    Task<IReadOnlyList<CaseStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> caseIds, CancellationToken ct);

    /// <summary>Every case id, for a recount.</summary>
    Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct);

    /// <summary>
    /// The rows of the next <paramref name="count"/> cases after <paramref name="after"/> (from the first without it) in the
    /// database's order of ids: a recount reads every record in large pages, each one projected query on the primary key.
    /// </summary>
    Task<KeysetPage<CaseStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct);
}
