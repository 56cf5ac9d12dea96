using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.JointMeetings.Application;

internal sealed class TaskStatisticsSource(MediationDbContext db) : ITaskStatisticsSource
{
    public Task<IReadOnlyList<TaskStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct) =>
        RowsAsync(EveryRecord.Named<AssignedTask>(db, taskIds), ct);

    public async Task<KeysetPage<TaskStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct) =>
        KeysetPage.Of(await RowsAsync(EveryRecord.PageAfter<AssignedTask>(db, after, count), ct), row => row.TaskId);

    private static async Task<IReadOnlyList<TaskStatisticsRow>> RowsAsync(IQueryable<AssignedTask> query, CancellationToken ct)
    {
        var tasks = await query.Select(t => new { t.Id, t.Number, t.OrgUnitId, t.Status, t.AssignedAt, t.DueDate, t.AcceptedAt, t.LeadUnitName })
            .ToListAsync(ct);
        return tasks.Select(t => new TaskStatisticsRow(t.Id, $"交办事项第{t.Number}项（{t.LeadUnitName}牵头）", t.OrgUnitId, t.Status, t.AssignedAt, t.DueDate,
            t.Status is AssignedTaskStatus.Accepted ? t.AcceptedAt : null)).ToList();
    }

    public Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) => EveryRecord.IdsAsync<AssignedTask>(db, ct);
}

internal sealed class TaskChangeFeed(IServiceProvider services) : RecordChangeFeed<TasksChangedEto>(services)
{
    protected override TasksChangedEto? Describe(ChangeTracker changes)
    {
        var ids = ChangedIds<AssignedTask>(changes);
        return ids.Count > 0 ? new TasksChangedEto(ids) : null;
    }
}
