using Mediation.Core.Attachments;

namespace Mediation.JointMeetings.Domain;

/// <summary>Evidence of the lead unit's work on a task (工资支付凭证, 签收表, photos); scoped like its task.</summary>
public sealed class TaskAttachment : StoredAttachment
{
    private TaskAttachment() { }

    public TaskAttachment(Guid id, AssignedTask task, CheckedUpload upload, string? uploadedBy, DateTimeOffset uploadedAt)
        : base(id, task.OrgUnitId, upload, uploadedBy, uploadedAt) => TaskId = task.Id;

    public Guid TaskId { get; private set; }
}
