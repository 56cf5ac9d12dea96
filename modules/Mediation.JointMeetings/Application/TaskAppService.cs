using Mediation.Core.Attachments;
using Mediation.Core.Identity;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.JointMeetings.Data;
using Mediation.JointMeetings.Domain;
using Microsoft.AspNetCore.Http;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// Assigned tasks as a member unit and the convener see them. A member unit's liaison sees only the tasks his unit leads or
/// cooperates on, and reports only on those it leads; another unit's task is not found for him at all.
/// </summary>
internal sealed class TaskAppService(MediationDbContext db, ICurrentUser user, IDeadlineClocks clocks, IIntegrationEventPublisher events,
    LinkedRecordReader linkedRecords, PersonalDataProtector protector, IUserDirectory users, TimeProvider clock)
{
    public const string ClosedByAcceptance = "联席会议验收办结";

    private bool SeesWholeGroup => user.HasPermission(JointMeetingsPermissions.Meetings.Read);

    /// <summary>The member units the caller is a liaison of.</summary>
    public async Task<IReadOnlyList<MemberUnitDto>> MyUnitsAsync(CancellationToken ct)
    {
        var id = user.Id ?? Guid.Empty;
        return (await db.Set<MemberUnit>().AsNoTracking().Where(u => u.Liaisons.Any(l => l.UserId == id)).OrderBy(u => u.Name).ToListAsync(ct))
            .Select(u => new MemberUnitDto(u.Id, u.GroupId, u.Name, u.Order, u.Liaisons.Select(l => new LiaisonDto(l.Name, l.Title, l.UserId)).ToList())).ToList();
    }

    /// <summary><paramref name="mine"/>: only the caller's units' tasks, even for a convener; a liaison always gets only those.</summary>
    public async Task<PagedList<AssignedTaskDto>> ListAsync(bool mine, bool openOnly, Paging paging, CancellationToken ct)
    {
        var tasks = await TasksFor(mine).Where(t => !openOnly || t.Status != AssignedTaskStatus.Accepted)
            .OrderBy(t => t.DueAt).ThenBy(t => t.Number).ThenBy(t => t.Id).ToPagedListAsync(paging, ct);
        return new PagedList<AssignedTaskDto>(await ToDtosAsync([.. tasks.Items], ct), tasks.Page, tasks.PageSize, tasks.Total);
    }

    public async Task<AssignedTaskDto> GetAsync(Guid id, CancellationToken ct)
    {
        var task = await TasksFor(mine: false).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AssignedTask), id);
        return (await ToDtosAsync([task], ct))[0];
    }

    public async Task<AssignedTaskDto> AcknowledgeAsync(Guid id, AcknowledgeTaskInput input, CancellationToken ct)
    {
        var task = await LeadUnitsTaskToChangeAsync(id, input.ConcurrencyStamp, ct);
        task.Acknowledge(Signature(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Evidence as a file (PDF, JPG, PNG, DOCX judged by content, 10 MB), added by the lead unit while the task is open.</summary>
    public async Task<TaskAttachmentDto> AddAttachmentAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        new InputValidator().Add(file is null ? "file" : null, JointMeetingsErrorCodes.AttachmentMissing).ThrowIfInvalid();
        Uploads.EnsureSize(file!, JointMeetingsErrorCodes.AttachmentTooLarge);
        var task = await LeadUnitsTaskAsync(id, ct); // the attachment is a record of its own: the task does not change
        if (!task.IsOpen) throw new BusinessException(JointMeetingsErrorCodes.TaskClosed);
        var upload = await Uploads.ReadCheckedAsync(file!, JointMeetingsErrorCodes.AttachmentTypeNotAllowed, protector, ct);
        var attachment = new TaskAttachment(Guid.CreateVersion7(), task, upload, Signature(), clock.GetUtcNow());
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        var uploader = TaskDtos.LoginOf(attachment.UploadedBy);
        var named = (await users.DescribeActorsAsync([uploader], ct)).Named(uploader);
        return ToDto(attachment) with { UploadedByName = named?.DisplayName, UploadedByUnit = named?.UnitName };
    }

    public static Task<IFormFile?> ReadUploadAsync(HttpRequest request, CancellationToken ct) =>
        Uploads.ReadFileAsync(request, JointMeetingsErrorCodes.AttachmentTooLarge, ct);

    /// <summary>The file, for whoever may see the task (its units' liaisons, the working group's office).</summary>
    public Task<(string FileName, string ContentType, byte[] Content)> AttachmentContentAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var visible = TasksFor(mine: false).Select(t => t.Id);
        return db.Set<TaskAttachment>().Where(a => a.TaskId == id && visible.Contains(a.TaskId)).DecryptedFileAsync(attachmentId, protector, ct);
    }

    public async Task<AssignedTaskDto> ReportProgressAsync(Guid id, ReportProgressInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Text, "text").MaxLength(input.Text, 2000, "text").ThrowIfInvalid();
        var task = await LeadUnitsTaskToChangeAsync(id, input.ConcurrencyStamp, ct);
        task.ReportProgress(input.Text!.Trim(), Signature(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<AssignedTaskDto> ReportCompletionAsync(Guid id, ReportCompletionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Text, "text").MaxLength(input.Text, 2000, "text")
            .Required(input.Evidence, "evidence").MaxLength(input.Evidence, 2000, "evidence").ThrowIfInvalid();
        var task = await LeadUnitsTaskToChangeAsync(id, input.ConcurrencyStamp, ct);
        task.ReportCompletion(input.Text!.Trim(), input.Evidence!.Trim(), Signature(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// The convener accepts the completion (the task's clock stops and the linked record's module is told) or returns it to the
    /// lead unit with the reason.
    /// </summary>
    public async Task<AssignedTaskDto> AnswerCompletionAsync(Guid id, AcceptCompletionInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Accepted, "accepted").MaxLength(input.Note, 500, "note");
        if (input.Accepted is false) check.Required(input.Note, "note");
        check.ThrowIfInvalid();
        var task = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(task, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        task.AnswerCompletion(input.Accepted!.Value, input.Note?.Trim(), user.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (task.Status is AssignedTaskStatus.Accepted)
        {
            var item = await db.Set<AgendaItem>().AsNoTracking().SingleAsync(i => i.Id == task.AgendaItemId, ct);
            events.Publish(new JointMeetingTaskAcceptedEto(task.Id, task.MeetingId, item.LinkedRecordType, item.LinkedRecordId, task.LeadUnitName,
                task.Requirement, now));
        }
        await db.SaveChangesAsync(ct);
        if (task.Status is AssignedTaskStatus.Accepted)
            foreach (var running in (await clocks.ForRecordAsync(AssignedTask.RecordType, task.Id, ct)).Where(c => c.Status is not ClockStatus.Stopped))
                await clocks.StopAsync(running.Id, new StopClockInput(ClosedByAcceptance, user.UserName, running.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>约谈 or 挂牌督办, decided by the joint meeting (信访工作条例 Art. 39 ¶3) and recorded by its office.</summary>
    public async Task<AssignedTaskDto> RecordMeasureAsync(Guid id, RecordMeasureInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var check = new InputValidator().Required(input.Kind, "kind").Required(input.On, "on").Happened(input.On, now, "on").MaxLength(input.Note, 500, "note");
        if (input.Kind is not (null or SupervisionKind.Interview or SupervisionKind.ListedSupervision)) check.Add("kind", CoreErrorCodes.Validation.OutOfRange);
        check.ThrowIfInvalid();
        var task = await FindAsync(id, ct);
        db.ExpectConcurrencyStamp(task, input.ConcurrencyStamp);
        task.RecordMeasure(input.Kind!.Value, ChinaTime.StartOfDay(input.On!.Value), input.Note?.Trim(), user.UserName);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private IQueryable<AssignedTask> TasksFor(bool mine)
    {
        if (SeesWholeGroup && !mine) return db.Tasks();
        var id = user.Id ?? Guid.Empty;
        var units = db.Set<MemberUnit>().Where(u => u.Liaisons.Any(l => l.UserId == id)).Select(u => u.Id);
        return db.Tasks().Where(t => units.Contains(t.LeadUnitId) || t.Cooperating.Any(c => units.Contains(c.MemberUnitId)));
    }

    /// <summary>Only the lead unit's liaison reports; a cooperating unit is told so, any other caller does not learn the task exists.</summary>
    private async Task<AssignedTask> LeadUnitsTaskAsync(Guid id, CancellationToken ct)
    {
        var task = await TasksFor(mine: true).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AssignedTask), id);
        var userId = user.Id ?? Guid.Empty;
        if (!await db.Set<MemberUnit>().AnyAsync(u => u.Id == task.LeadUnitId && u.Liaisons.Any(l => l.UserId == userId), ct))
            throw new ForbiddenException(JointMeetingsErrorCodes.OnlyLeadUnitReports);
        return task;
    }

    private async Task<AssignedTask> LeadUnitsTaskToChangeAsync(Guid id, string? stamp, CancellationToken ct)
    {
        var task = await LeadUnitsTaskAsync(id, ct);
        db.ExpectConcurrencyStamp(task, stamp);
        return task;
    }

    private async Task<AssignedTask> FindAsync(Guid id, CancellationToken ct) =>
        await db.Tasks().SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new EntityNotFoundException(nameof(AssignedTask), id);

    private static TaskAttachmentDto ToDto(TaskAttachment a) => new(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy);

    private string? Signature() => user.DisplayName is { } name && name != user.UserName ? $"{name}（{user.UserName}）" : user.UserName;

    private async Task<IReadOnlyList<AssignedTaskDto>> ToDtosAsync(IReadOnlyList<AssignedTask> tasks, CancellationToken ct)
    {
        var itemIds = tasks.Select(t => t.AgendaItemId).Distinct().ToList();
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var now = clock.GetUtcNow();
        var live = await linkedRecords.ReadAsync(items.Values, ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var files = (await db.Set<TaskAttachment>().AsNoTracking().Where(a => taskIds.Contains(a.TaskId)).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.TaskId, Dto = new TaskAttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy) })
                .ToListAsync(ct))
            .ToLookup(a => a.TaskId, a => a.Dto);
        var actors = await users.DescribeActorsAsync(tasks.SelectMany(TaskDtos.People).Concat(files.SelectMany(f => f).Select(a => TaskDtos.LoginOf(a.UploadedBy))), ct);
        return tasks.Select(t => TaskDtos.ToDto(t, items.GetValueOrDefault(t.AgendaItemId), now, live, actors) with
        {
            Attachments = files[t.Id].Select(a => actors.Named(TaskDtos.LoginOf(a.UploadedBy)) is { } named
                ? a with { UploadedByName = named.DisplayName, UploadedByUnit = named.UnitName } : a).ToList(),
        }).ToList();
    }
}
