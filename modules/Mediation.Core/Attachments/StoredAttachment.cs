using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mediation.Core.Attachments;

/// <summary>
/// A checked upload kept encrypted in the owning module's own table, scoped like the record it belongs to. The base is not
/// mapped: each subclass is one table with these columns and its own reference to the record.
/// </summary>
public abstract class StoredAttachment : IOrgScoped
{
    protected StoredAttachment() { }

    protected StoredAttachment(Guid id, Guid orgUnitId, CheckedUpload upload, string? uploadedBy, DateTimeOffset uploadedAt)
    {
        Id = id;
        OrgUnitId = orgUnitId;
        FileName = upload.FileName;
        ContentType = upload.ContentType;
        Content = upload.EncryptedContent;
        SizeBytes = upload.SizeBytes;
        Sha256 = upload.Sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public string? UploadedBy { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>A file stored in plain text by an older version, replaced by its cipher text; the size and SHA-256 stay the original's.</summary>
    public bool EncryptStoredPlainText(PersonalDataProtector protector)
    {
        if (PersonalDataProtector.IsEncryptedFile(Content)) return false;
        Content = protector.EncryptBytes(Content);
        return true;
    }

    public static void Configure<TAttachment>(EntityTypeBuilder<TAttachment> b, string table, string schema)
        where TAttachment : StoredAttachment
    {
        b.ToTable(table, schema);
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.UploadedBy).HasMaxLength(256);
        b.HasIndex(a => a.OrgUnitId);
    }
}

public static class StoredAttachmentQueries
{
    /// <summary>The decrypted file of one attachment the filter lets through; not found (404) otherwise.</summary>
    public static async Task<(string FileName, string ContentType, byte[] Content)> DecryptedFileAsync<TAttachment>(
        this IQueryable<TAttachment> attachments, Guid attachmentId, PersonalDataProtector protector, CancellationToken ct)
        where TAttachment : StoredAttachment
    {
        var found = await attachments.AsNoTracking().Where(a => a.Id == attachmentId)
            .Select(a => new { a.FileName, a.ContentType, a.Content })
            .SingleOrDefaultAsync(ct) ?? throw new EntityNotFoundException(typeof(TAttachment).Name, attachmentId);
        return (found.FileName, found.ContentType, protector.DecryptBytes(found.Content));
    }
}
