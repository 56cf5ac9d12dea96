using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Mediation.Web.Documents.Fonts;
using Mediation.Web.Documents.Layout;
using Mediation.Web.Documents.Templates;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Documents.Templates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mediation.Benchmarks;

/// <summary>
/// A 2-page mediation agreement (template → layout → PDF), a 6-page statistics report with two
/// charts, and as the baseline one bare PDFsharp page drawing the agreement's text with no layout.
/// </summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private PdfDocumentWriter _writer = null!;
    private string _family = "";
    private string _agreementTemplate = "";
    private Dictionary<string, object?> _agreementModel = [];
    private DocumentSpec _report = null!;
    private string[] _agreementLines = [];

    [GlobalSetup]
    public void Setup()
    {
        var font = DocumentFonts.Locate(null);
        if (!font.Found) throw new InvalidOperationException(font.Problem);
        _family = DocumentFonts.FamilyFor(font.Path!);
        _writer = new PdfDocumentWriter(_family);
        var folder = TemplateFolder.Find(null, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
                     ?? throw new InvalidOperationException("templates/documents not found");
        _agreementTemplate = File.ReadAllText(Path.Combine(folder, "mediation-agreement.sbn"));
        _agreementModel = Samples.AgreementModel();
        _report = Samples.StatisticsReport();
        var spec = DocumentTemplateRenderer.Render("mediation-agreement", _agreementTemplate, _agreementModel);
        _agreementLines = spec.Blocks.SelectMany(Samples.TextOf).SelectMany(t => t.Chunk(36).Select(c => new string(c))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "bare PDFsharp page, same text")]
    public byte[] BarePage()
    {
        using var document = new PdfDocument();
        var page = document.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var font = new XFont(_family, 10, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
            var y = 40.0;
            foreach (var line in _agreementLines)
            {
                gfx.DrawString(line, font, XBrushes.Black, 40, y);
                y += 12;
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    [Benchmark(Description = "2-page agreement (template + layout)")]
    public byte[] Agreement() => _writer.Write(DocumentTemplateRenderer.Render("mediation-agreement", _agreementTemplate, _agreementModel));

    [Benchmark(Description = "6-page statistics report, 2 charts")]
    public byte[] StatisticsReport() => _writer.Write(_report);

    public void PrintSizes()
    {
        Setup();
        foreach (var (name, bytes) in new[] { ("bare PDFsharp page", BarePage()), ("2-page agreement", Agreement()), ("6-page statistics report", StatisticsReport()) })
        {
            using var read = new MemoryStream(bytes);
            var pages = PdfSharp.Pdf.IO.PdfReader.Open(read, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import).PageCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-26} {pages} page(s) {bytes.Length,9:N0} bytes ({bytes.Length / 1024.0:0.0} KB)"));
        }
    }

    public string Family => _family;

    public DocumentSpec ReportSpec => _report;

    public DocumentSpec AgreementSpec() => DocumentTemplateRenderer.Render("mediation-agreement", _agreementTemplate, _agreementModel);

    internal static string Json(object value) => JsonSerializer.Serialize(value);
}
