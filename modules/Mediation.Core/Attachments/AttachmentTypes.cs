using System.IO.Compression;

namespace Mediation.Core.Attachments;

/// <summary>
/// The allow-list of attachment types, recognised by their content (magic bytes), not by the name the
/// client sent: a renamed executable is refused, and the name's extension must agree with the content.
/// </summary>
public static class AttachmentTypes
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The content type, or null when the content is not an allowed type or does not match the extension.</summary>
    public static string? Detect(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var span = content.AsSpan();
        return extension switch
        {
            ".pdf" when span.StartsWith(Pdf) => "application/pdf",
            ".jpg" or ".jpeg" when span.StartsWith(Jpeg) => "image/jpeg",
            ".png" when span.StartsWith(Png) => "image/png",
            ".docx" when span.StartsWith(Zip) && IsWordDocument(content) => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => null,
        };
    }

    /// <summary>
    /// The name shown on download: no folders, no control or path characters, bounded length. Invisible format characters go too:
    /// a right-to-left override shows "材料\u202Egpj.pdf" as "材料fdp.jpg", a name that lies about its type to whoever opens it.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        var cleaned = new string(name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) is not System.Globalization.UnicodeCategory.Format
            && !invalid.Contains(c) && c is not ('"' or '/' or '\\' or ':')).ToArray()).Trim().TrimStart('.');
        if (cleaned.Length > 120) cleaned = cleaned[..(120 - Path.GetExtension(cleaned).Length)] + Path.GetExtension(cleaned);
        return cleaned.Length == 0 ? "attachment" : cleaned;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null && zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
