using Mediation.Core.Attachments;
using Mediation.Core.Security;

namespace Mediation.JointMeetings.Domain;

/// <summary>
/// A file the lead unit gives as evidence of its work on a task (工资支付凭证, 签收表, photos), kept encrypted in the database like a
/// petition's attachments; scoped like its task.
/// </summary>
public sealed class TaskAttachment : IOrgScoped
{
    private TaskAttachment() { }

    public TaskAttachment(Guid id, AssignedTask task, CheckedUpload upload, string? uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        TaskId = task.Id;
        OrgUnitId = task.OrgUnitId;
        FileName = upload.FileName;
        ContentType = upload.ContentType;
        Content = upload.EncryptedContent;
        SizeBytes = upload.SizeBytes;
        Sha256 = upload.Sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string? UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
