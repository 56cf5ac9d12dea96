using System.Buffers.Binary;

namespace Mediation.Web.Documents.Fonts;

/// <summary>
/// Whether a font file can print our documents, read from its headers only (a few hundred bytes): face 0 of a collection, or the
/// file itself, must have TrueType outlines and the tables PDFsharp and the common face read. Readiness asks this instead of loading
/// the font: loading it read the 5 MB collection and kept the 4.6 MB face in every host, whether it ever printed or not (issue 17,
/// P5 names the fonts' lazy loading). The first document loads it.
/// </summary>
public static class FontFileCheck
{
    // The tables a TrueType face needs to be drawn and embedded (glyf/loca: outlines; cmap: characters; hmtx: widths), and the ones
    // the common face copies without asking whether they are there (name, post: CommonFace.Cut).
    private static readonly string[] RequiredTables = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"];

    /// <summary>The problem with the font at <paramref name="path"/> in words an operator can act on, or null if it will do.</summary>
    public static string? Problem(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var length = RandomAccess.GetLength(file);
            var faceOffset = 0L;
            Span<byte> header = stackalloc byte[16];
            if (Read(file, 0, header[..12], length) is { } truncated) return Unusable(path, truncated);
            if (TrueTypeCollection.IsCollection(header[..12]))
            {
                if (BinaryPrimitives.ReadInt32BigEndian(header[8..]) < 1) return Unusable(path, "the collection holds no face");
                if (Read(file, 12, header[..4], length) is { } noOffset) return Unusable(path, noOffset);
                faceOffset = BinaryPrimitives.ReadUInt32BigEndian(header);
                if (Read(file, faceOffset, header[..12], length) is { } noFace) return Unusable(path, noFace);
            }
            var version = BinaryPrimitives.ReadUInt32BigEndian(header);
            // "OTTO": CFF outlines (Noto CJK), which PDFsharp cannot embed; 0x00010000 and "true" are TrueType.
            if (version == 0x4F54544F)
                return Unusable(path, "its outlines are CFF (OpenType), which PDFsharp cannot embed; a TrueType CJK font is needed");
            if (version is not (0x00010000 or 0x74727565)) return Unusable(path, "it is not a TrueType font");

            var tableCount = BinaryPrimitives.ReadUInt16BigEndian(header[4..]);
            var records = new byte[16 * tableCount];
            if (Read(file, faceOffset + 12, records, length) is { } noTables) return Unusable(path, noTables);
            var missing = new HashSet<string>(RequiredTables, StringComparer.Ordinal);
            for (var i = 0; i < tableCount; i++)
            {
                var record = records.AsSpan(16 * i, 16);
                var offset = BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
                var size = BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
                if ((long)offset + size > length) return Unusable(path, "a table lies past the end of the file (a truncated copy?)");
                missing.Remove(System.Text.Encoding.ASCII.GetString(record[..4]));
            }
            return missing.Count == 0 ? null : Unusable(path, $"it has no {string.Join(", ", missing.Order(StringComparer.Ordinal))} table");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"The font {path} cannot be read ({ex.Message}). Install the Debian package {DocumentFonts.DebianPackage} or set Documents:FontPath.";
        }
    }

    private static string? Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, Span<byte> into, long length) =>
        offset < 0 || offset + into.Length > length || RandomAccess.Read(file, into, offset) < into.Length
            ? "the file ends inside its headers"
            : null;

    private static string Unusable(string path, string why) =>
        $"The font {path} cannot print documents: {why}. Install the Debian package {DocumentFonts.DebianPackage} or set Documents:FontPath.";
}
