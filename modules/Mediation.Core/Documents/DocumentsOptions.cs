namespace Mediation.Core.Documents;

public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>A CJK TrueType font (.ttf, or .ttc whose face 0 is used). Empty: the known locations.</summary>
    public string? FontPath { get; set; }

    /// <summary>The folder holding templates/documents/*.sbn. Empty: found by walking up from the app's folders.</summary>
    public string? TemplatesPath { get; set; }
}
