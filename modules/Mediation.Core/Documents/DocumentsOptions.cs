namespace Mediation.Core.Documents;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>A CJK TrueType font (.ttf, or .ttc whose face 0 is used). Empty: the known locations.</summary>
    public string? FontPath { get; set; }

    /// <summary>The folder holding templates/documents/*.sbn. Empty: found by walking up from the app's folders.</summary>
    public string? TemplatesPath { get; set; }

    /// <summary>
    /// How the PDFs' streams (mostly the embedded font subset) are deflated: Smaller (zlib's default level, 77 KB per agreement) or
    /// Faster (its fastest level: about a third of the deflate's CPU, 115 KB). Smaller by default: an archived copy is kept, and
    /// backed up, for good, while the CPU is spent once (issue 17, P4; README "Documents over HTTP").
    /// </summary>
    public PdfCompression PdfCompression { get; set; } = PdfCompression.Smaller;
}

public enum PdfCompression
{
    Smaller,
    Faster,
}
