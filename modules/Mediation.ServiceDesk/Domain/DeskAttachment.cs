using Mediation.Core.Attachments;

namespace Mediation.ServiceDesk.Domain;

/// <summary>
/// A material filed with a request: uploaded by the enterprise when filing or supplying (补正), or by an officer. Kept encrypted, scoped
/// like its request; <see cref="Material"/> names the checklist item or notice item it answers, when the uploader said so.
/// </summary>
public sealed class DeskAttachment : StoredAttachment
{
    public const int MaxPerRequest = 30;

    private DeskAttachment() { }

    public DeskAttachment(Guid id, DeskRequest request, CheckedUpload upload, string? uploadedBy, bool fromEnterprise, string? material, DateTimeOffset uploadedAt)
        : base(id, request.OrgUnitId, upload, uploadedBy, uploadedAt)
    {
        RequestId = request.Id;
        FromEnterprise = fromEnterprise;
        Material = material;
    }

    public Guid RequestId { get; private set; }
    public bool FromEnterprise { get; private set; }
    public string? Material { get; private set; }
}
