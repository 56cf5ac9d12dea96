using Mediation.Core.Documents.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Mediation.Web.Documents.Fonts;
using Mediation.Web.Documents.Layout;

namespace Mediation.Tests.Documents;

/// <summary>Writes documents with the installed CJK font and reads them back the way a reader's PDF viewer would.</summary>
internal static class PdfText
{
    public static readonly Lazy<PdfDocumentWriter> Writer = new(() =>
    {
        var font = DocumentFonts.Locate(null);
        if (!font.Found) throw new InvalidOperationException(font.Problem);
        return new PdfDocumentWriter(DocumentFonts.FamilyFor(font.Path!));
    });

    public static byte[] Write(DocumentSpec spec) => Writer.Value.Write(spec);

    /// <summary>Each page's text, lines rebuilt from the letters' baselines (top to bottom).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> PageLines(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(Lines).ToList();
    }

    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(Lines(p))).ToList();
    }

    public static string AllText(byte[] pdf) => string.Concat(PageTexts(pdf));

    private static IReadOnlyList<string> Lines(Page page) =>
        page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)))
            .ToList();
}
