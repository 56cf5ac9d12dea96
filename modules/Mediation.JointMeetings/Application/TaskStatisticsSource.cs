using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Mediation.JointMeetings.Application;

internal sealed class TaskStatisticsSource(MediationDbContext db) : ITaskStatisticsSource
{
    public async Task<IReadOnlyList<TaskStatisticsRow>> ReadAsync(IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        var ids = taskIds.Distinct().ToList();
        return await RowsAsync(Tasks().Where(t => ids.Contains(t.Id)), ct);
    }

    public async Task<KeysetPage<TaskStatisticsRow>> ReadPageAsync(Guid? after, int count, CancellationToken ct)
    {
        var page = after is { } start ? Tasks().Where(t => t.Id.CompareTo(start) > 0) : Tasks();
        var rows = await RowsAsync(page.OrderBy(t => t.Id).Take(count), ct);
        return new(rows, rows.Count, rows.Count > 0 ? rows[^1].TaskId : null);
    }

    private IQueryable<AssignedTask> Tasks() => db.Set<AssignedTask>().IgnoreQueryFilters().AsNoTracking();

    private static async Task<IReadOnlyList<TaskStatisticsRow>> RowsAsync(IQueryable<AssignedTask> query, CancellationToken ct)
    {
        var tasks = await query.Select(t => new { t.Id, t.Number, t.OrgUnitId, t.Status, t.AssignedAt, t.DueDate, t.AcceptedAt, t.LeadUnitName })
            .ToListAsync(ct);
        return tasks.Select(t => new TaskStatisticsRow(t.Id, $"交办事项第{t.Number}项（{t.LeadUnitName}牵头）", t.OrgUnitId, t.Status, t.AssignedAt, t.DueDate,
            t.Status is AssignedTaskStatus.Accepted ? t.AcceptedAt : null)).ToList();
    }

    public async Task<IReadOnlyList<Guid>> AllIdsAsync(CancellationToken ct) =>
        await db.Set<AssignedTask>().IgnoreQueryFilters().AsNoTracking().Select(t => t.Id).ToListAsync(ct);
}

internal sealed class TaskChangeFeed(IServiceProvider services) : RecordChangeFeed<TasksChangedEto>(services)
{
    protected override TasksChangedEto? Describe(ChangeTracker changes)
    {
        var ids = changes.Entries<AssignedTask>().Where(IsChanged).Select(e => e.Entity.Id).Distinct().ToList();
        return ids.Count > 0 ? new TasksChangedEto(ids) : null;
    }
}
