using Mediation.Core.Attachments;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// Materials filed with a request, checked by content like every upload. The enterprise reaches only its own requests' files (another
/// enterprise's ids are not found), staff those of the requests in their scope; every download is written to the audit log, since
/// the files carry licences, contracts and ID documents.
/// </summary>
internal sealed class AttachmentAppService(MediationDbContext db, DeskScope scope, PersonalDataProtector protector, SecurityAuditLog auditLog,
    ICurrentUser user, TimeProvider clock, IUserDirectory users)
{
    public const string Downloaded = "AttachmentDownloaded";

    /// <summary>
    /// The uploaded "file" part and the optional "material" field (which checklist or notice item it answers); a body over the limit
    /// is refused before it is read whole, a malformed form counts as no file.
    /// </summary>
    public static async Task<DeskUpload> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        var file = await Uploads.ReadFileAsync(request, ServiceDeskErrorCodes.AttachmentTooLarge, ct);
        var material = file is null ? null : request.Form["material"].ToString().Trim();
        return new DeskUpload(file, string.IsNullOrEmpty(material) ? null : material);
    }

    public async Task<DeskAttachmentDto> PortalAddAsync(Guid requestId, DeskUpload upload, CancellationToken ct) =>
        await AddAsync(() => scope.MyEnterpriseRequestAsync(requestId, ct), upload, fromEnterprise: true, ct);

    public async Task<DeskAttachmentDto> StaffAddAsync(Guid requestId, DeskUpload upload, CancellationToken ct) =>
        await AddAsync(() => scope.StaffRequestAsync(requestId, ct), upload, fromEnterprise: false, ct);

    public async Task<(string FileName, string ContentType, byte[] Content)> PortalContentAsync(Guid requestId, Guid attachmentId, CancellationToken ct)
    {
        var request = await scope.MyEnterpriseRequestAsync(requestId, ct);
        return await DownloadAsync(db.Set<DeskAttachment>().IgnoreQueryFilters().Where(a => a.RequestId == request.Id), attachmentId, ct);
    }

    public async Task<(string FileName, string ContentType, byte[] Content)> StaffContentAsync(Guid requestId, Guid attachmentId, CancellationToken ct)
    {
        var request = await scope.StaffRequestAsync(requestId, ct);
        return await DownloadAsync(db.Set<DeskAttachment>().Where(a => a.RequestId == request.Id), attachmentId, ct);
    }

    /// <summary>A file with its uploader named from the response's one directory answer.</summary>
    internal static DeskAttachmentDto Named(DeskAttachmentDto file, IReadOnlyDictionary<string, ActorInfo> actors) =>
        file with { UploadedByName = actors.Named(file.UploadedBy)?.DisplayName, UploadedByUnit = actors.Named(file.UploadedBy)?.UnitName };

    /// <summary>The request's files, their uploaders not yet named; the request itself was already found within the caller's reach.</summary>
    public async Task<IReadOnlyList<DeskAttachmentDto>> ListAsync(DeskRequest request, CancellationToken ct) =>
        (await db.Set<DeskAttachment>().IgnoreQueryFilters().AsNoTracking().Where(a => a.RequestId == request.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy, a.FromEnterprise, a.Material })
            .ToListAsync(ct))
        .Select(a => new DeskAttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedAt, a.UploadedBy, a.FromEnterprise, a.Material,
            a.Material is null ? null : MaterialsChecklist.NameOf(a.Material))).ToList();

    private async Task<DeskAttachmentDto> AddAsync(Func<Task<DeskRequest>> find, DeskUpload form, bool fromEnterprise, CancellationToken ct)
    {
        var (file, material) = form;
        new InputValidator().Add(file is null ? "file" : null, ServiceDeskErrorCodes.AttachmentMissing).MaxLength(material, 100, "material").ThrowIfInvalid();
        Uploads.EnsureSize(file!, ServiceDeskErrorCodes.AttachmentTooLarge);
        var request = await find();
        var now = clock.GetUtcNow();
        var actor = user.DisplayName ?? user.UserName;
        if (await db.Set<DeskAttachment>().IgnoreQueryFilters().CountAsync(a => a.RequestId == request.Id, ct) >= DeskAttachment.MaxPerRequest)
            throw new BusinessException(ServiceDeskErrorCodes.TooManyAttachments, new Dictionary<string, object?> { ["max"] = DeskAttachment.MaxPerRequest });
        // Checked before the file is read: a closed request or an unknown item costs no encryption work.
        request.AttachmentAdded(AttachmentTypes.SafeFileName(file!.FileName), material, fromEnterprise, actor, now);
        var upload = await Uploads.ReadCheckedAsync(file, ServiceDeskErrorCodes.AttachmentTypeNotAllowed, protector, ct);
        var attachment = new DeskAttachment(Guid.CreateVersion7(), request, upload, user.UserName, fromEnterprise, material, now);
        db.Add(attachment);
        await db.SaveChangesAsync(ct);
        return Named(new DeskAttachmentDto(attachment.Id, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256,
            attachment.UploadedAt, attachment.UploadedBy, fromEnterprise, material, material is null ? null : MaterialsChecklist.NameOf(material)),
            await users.DescribeActorsAsync([attachment.UploadedBy], ct));
    }

    private async Task<(string FileName, string ContentType, byte[] Content)> DownloadAsync(IQueryable<DeskAttachment> attachments, Guid attachmentId,
        CancellationToken ct)
    {
        var file = await attachments.DecryptedFileAsync(attachmentId, protector, ct);
        await auditLog.WriteAsync(Downloaded, new { fileName = file.FileName }, entityType: nameof(DeskAttachment), entityId: attachmentId.ToString(), ct: ct);
        return file;
    }
}

internal sealed record DeskUpload(IFormFile? File, string? Material);
