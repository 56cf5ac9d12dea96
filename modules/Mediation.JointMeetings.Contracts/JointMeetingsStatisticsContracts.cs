using Mediation.Core.Data;
using Mediation.Core.Messaging;

namespace Mediation.JointMeetings;

/// <summary>Assigned tasks changed in one save; a reader that keeps figures re-reads them through <see cref="ITaskStatisticsSource"/>.</summary>
public sealed record TasksChangedEto(IReadOnlyList<Guid> TaskIds) : IIntegrationEvent
{
    public const string EventName = "joint-meetings.tasks-changed";
}

/// <summary>What the statistics count of one 交办事项 as it stands now: assigned, due, and accepted as done by the convener.</summary>
public sealed record TaskStatisticsRow(Guid TaskId, string Number, Guid OrgUnitId, AssignedTaskStatus Status, DateTimeOffset AssignedAt,
    DateOnly? DueDate, DateTimeOffset? AcceptedAt);

/// <summary>Reads assigned tasks for the statistics whatever the caller's scope (the reader applies its own).</summary>
public interface ITaskStatisticsSource
{
    Task<IReadOnlyList<TaskStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct);

    /// <summary>
    /// The rows of the next <paramref name="count"/> tasks after <paramref name="after"/> (from the first without it) in the
    /// database's order of ids: a recount reads every record in large pages, each one projected query on the primary key.
    /// </summary>
    Task<KeysetPage<TaskStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct);
}
