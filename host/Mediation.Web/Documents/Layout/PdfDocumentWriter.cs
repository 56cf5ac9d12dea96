using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Mediation.Core.Documents.Layout;
using Mediation.Web.Documents.Fonts;

namespace Mediation.Web.Documents.Layout;

/// <summary>
/// Flows a <see cref="DocumentSpec"/> onto A4 pages with PDFsharp, in the CJK font registered under
/// <paramref name="fontFamily"/> (embedded as a subset; the common characters from its common face, see <see cref="DocumentFaces"/>).
/// Thread-safe: each call has its own state.
/// </summary>
public sealed class PdfDocumentWriter(string fontFamily)
{
    public string FontFamily { get; } = fontFamily;

    /// <summary>
    /// PDFsharp's own Flate compression. Measured (etc/bench.sh --compression, 2026-11-29, CPU per document on a busy
    /// 2-core machine) for the 2-page agreement / 6-page report: Default 77,370 / 73,688 bytes, 15 / 20 ms; BestSpeed
    /// 115,452 / 113,242 bytes, 5 / 16 ms; BestCompression 75,317 / 72,780 bytes, 71 / 54 ms. The hand-written stream
    /// compressor this replaced gave 83,785 / 81,580 bytes in 14 / 21 ms at zlib level 2 (76,626 / 72,972 at level 6),
    /// so it was removed: Default is as small for the same time.
    /// </summary>
    public PdfFlateEncodeMode Compression { get; init; } = PdfFlateEncodeMode.Default;

    public byte[] Write(DocumentSpec spec)
    {
        using var document = new PdfDocument();
        document.Info.Title = spec.Title;
        document.Info.Creator = "Mediation";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = Compression;

        var faces = new DocumentFaces(FontFamily);
        using (var canvas = new PageFlow(document, spec, faces))
        {
            foreach (var block in spec.Blocks)
                canvas.Add(block);
        }
        DecoratePages(document, spec, faces);

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void DecoratePages(PdfDocument document, DocumentSpec spec, DocumentFaces faces)
    {
        if (spec.HeaderText is null && !spec.PageNumbers) return;
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = page.Width.Point;
            var height = page.Height.Point;
            if (spec.HeaderText is { } header)
            {
                gfx.DrawString(header, faces.For(header, 9), XBrushes.DimGray, new XRect(PageFlow.Margin, PageFlow.TopMargin - 30, width - 2 * PageFlow.Margin, 12), XStringFormats.Center);
                gfx.DrawLine(PageFlow.Rule, PageFlow.Margin, PageFlow.TopMargin - 14, width - PageFlow.Margin, PageFlow.TopMargin - 14);
            }
            if (spec.PageNumbers)
            {
                var text = string.Create(CultureInfo.InvariantCulture, $"第 {i + 1} 页 / 共 {total} 页");
                gfx.DrawString(text, faces.For(text, 9), XBrushes.Black, new XRect(0, height - PageFlow.BottomMargin + 18, width, 12), XStringFormats.Center);
            }
        }
    }
}

/// <summary>
/// The fonts one document draws with: the full face, and the common face cut from it (<see cref="CommonFace"/>) for the characters
/// it holds (issue 17, P4): a document whose text is all common embeds only the common face's subset, whose glyph tables are about
/// a quarter of the full face's. Both faces have the same advances, so text is measured in the full face whichever draws it.
/// </summary>
internal sealed class DocumentFaces(string family)
{
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private readonly CommonFamily? _common = DocumentFonts.CommonFamilyOf(family);
    private readonly Dictionary<(string Family, double Size, bool Bold), XFont> _fonts = [];

    public string Family => family;

    /// <summary>The full face's font: it draws every character the font has.</summary>
    public XFont Full(double size, bool bold = false) => Get(family, size, bold);

    /// <summary>The common face's font if it draws every character of <paramref name="text"/>, else the full face's.</summary>
    public XFont For(string text, double size, bool bold = false)
    {
        if (_common is null) return Full(size, bold);
        for (var i = 0; i < text.Length; i += CharsAt(text, i))
            if (!InCommon(text, i)) return Full(size, bold);
        return Get(_common.Family, size, bold);
    }

    /// <summary><paramref name="text"/> cut where the face that draws it changes: each run and its font, in order.</summary>
    public IEnumerable<(string Run, XFont Font)> Runs(string text, double size, bool bold)
    {
        if (_common is null)
        {
            yield return (text, Full(size, bold));
            yield break;
        }
        var start = 0;
        while (start < text.Length)
        {
            var common = InCommon(text, start);
            var end = start + CharsAt(text, start);
            while (end < text.Length && InCommon(text, end) == common) end += CharsAt(text, end);
            yield return (start == 0 && end == text.Length ? text : text[start..end], common ? Get(_common.Family, size, bold) : Full(size, bold));
            start = end;
        }
    }

    private bool InCommon(string text, int index) =>
        !char.IsSurrogate(text[index]) && _common!.Face.Covers(text[index]);

    private static int CharsAt(string text, int index) => char.IsSurrogatePair(text, index) ? 2 : 1;

    private XFont Get(string face, double size, bool bold)
    {
        if (!_fonts.TryGetValue((face, size, bold), out var font))
        {
            font = new XFont(face, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
            _fonts[(face, size, bold)] = font;
        }
        return font;
    }
}

/// <summary>The cursor that places blocks top-down and opens pages as they fill.</summary>
internal sealed class PageFlow : IDisposable
{
    public const double Margin = 62;        // ≈ 22 mm
    public const double TopMargin = 72;
    public const double BottomMargin = 64;
    public static readonly XPen Rule = new(XColors.Gray, 0.5);

    private static readonly XPen CellBorder = new(XColor.FromArgb(0x80, 0x80, 0x80), 0.6);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE));
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<int, double>> UnitWidthsByFamily = new(StringComparer.Ordinal);

    private readonly PdfDocument _document;
    private readonly PaperOrientation _orientation;
    private readonly ConcurrentDictionary<int, double> _unitWidths;
    private readonly DocumentFaces _faces;
    private XGraphics? _gfx;

    public PageFlow(PdfDocument document, DocumentSpec spec, DocumentFaces faces)
    {
        _document = document;
        _orientation = spec.Orientation;
        _faces = faces;
        _unitWidths = UnitWidthsByFamily.GetOrAdd(faces.Family, _ => new ConcurrentDictionary<int, double>());
        NewPage();
    }

    public double PageWidth => _orientation is PaperOrientation.Portrait ? 595.28 : 841.89;
    public double PageHeight => _orientation is PaperOrientation.Portrait ? 841.89 : 595.28;
#pragma warning disable CA1822 // an instance member, so a future per-document margin changes one line
    public double Left => Margin;
#pragma warning restore CA1822
    public double ContentWidth => PageWidth - 2 * Margin;
    public double Bottom => PageHeight - BottomMargin;
    public double Y { get; set; }
    public XGraphics Gfx => _gfx!;

    public void Dispose() => _gfx?.Dispose();

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        Y = TopMargin;
    }

    /// <summary>Opens a new page unless <paramref name="height"/> still fits (or the page is empty anyway).</summary>
    public void EnsureSpace(double height)
    {
        if (Y + height > Bottom && Y > TopMargin + 0.01) NewPage();
    }

    /// <summary>
    /// Draws <paramref name="text"/> with its baseline's left end at (<paramref name="x"/>, <paramref name="baseline"/>), each run in
    /// the face that draws it (<see cref="DocumentFaces.Runs"/>), a run starting where the one before it ends.
    /// </summary>
    public void DrawText(string text, double size, bool bold, XBrush brush, double x, double baseline)
    {
        foreach (var (run, font) in _faces.Runs(text, size, bold))
        {
            Gfx.DrawString(run, font, brush, x, baseline);
            if (run.Length < text.Length) x += MeasureWidth(run, size);
        }
    }

    public Func<Rune, double> WidthOf(double size)
    {
        return rune => (_unitWidths.TryGetValue(rune.Value, out var unit) ? unit : _unitWidths.GetOrAdd(rune.Value, Measure)) * size;

        double Measure(int codePoint) => Gfx.MeasureString(char.ConvertFromUtf32(codePoint), _faces.Full(100)).Width / 100;
    }

    public double MeasureWidth(string text, double size)
    {
        var widthOf = WidthOf(size);
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes()) width += widthOf(rune);
        return width;
    }

    public IReadOnlyList<TextLine> Wrap(string text, double width, double size, double firstLineIndent = 0) =>
        ChineseLineBreaker.Wrap(text, width, WidthOf(size), firstLineIndent);

    public void DrawLine(TextLine line, double x, double width, double baseline, double size, bool bold, TextAlign align, XBrush? brush = null)
    {
        if (line.Text.Length == 0) return;
        var left = align switch
        {
            TextAlign.Center => x + (width - line.Width) / 2,
            TextAlign.Right => x + width - line.Width,
            _ => x,
        };
        DrawText(line.Text, size, bold, brush ?? XBrushes.Black, left, baseline);
    }

    public static double LineHeight(double size) => size * 1.6;

    private static double Ascent(double size) => size * 1.1;

    public void Add(DocumentBlock block)
    {
        switch (block)
        {
            case Heading h: AddHeading(h); break;
            case Paragraph p: AddParagraph(p); break;
            case KeyValueBlock kv: AddKeyValues(kv); break;
            case TableBlock t: AddTable(t); break;
            case SignatureBlock s: AddSignatures(s); break;
            case ChartBlock c: ChartPainter.Paint(this, c); break;
            case Spacer s: Y += s.Points; break;
            case PageBreak: NewPage(); break;
            default: throw new NotSupportedException($"Block {block.GetType().Name} has no layout.");
        }
    }

    private void AddHeading(Heading heading)
    {
        var (size, before, after, align) = heading.Level switch
        {
            1 => (22.0, 0.0, 14.0, TextAlign.Center),
            2 => (14.0, 8.0, 4.0, TextAlign.Left),
            _ => (12.0, 6.0, 2.0, TextAlign.Left),
        };
        var lines = Wrap(heading.Text, ContentWidth, size);
        // Keep a heading with at least two lines of what follows.
        EnsureSpace(before + lines.Count * LineHeight(size) + 2 * LineHeight(12));
        if (Y > TopMargin + 0.01) Y += before;
        foreach (var line in lines)
        {
            DrawLine(line, Left, ContentWidth, Y + Ascent(size), size, bold: true, align);
            Y += LineHeight(size);
        }
        Y += after;
    }

    private void AddParagraph(Paragraph paragraph)
    {
        var size = paragraph.FontSize;
        var indent = paragraph.IndentFirstLine && paragraph.Align is TextAlign.Left ? 2 * size : 0;
        var lines = Wrap(paragraph.Text, ContentWidth, size, indent);
        for (var i = 0; i < lines.Count; i++)
        {
            EnsureSpace(LineHeight(size));
            DrawLine(lines[i], Left + (i == 0 ? indent : 0), ContentWidth - (i == 0 ? indent : 0), Y + Ascent(size), size, bold: false, paragraph.Align);
            Y += LineHeight(size);
        }
        Y += size * 0.3;
    }

    private void AddKeyValues(KeyValueBlock block)
    {
        var columns = new[] { new TableColumn("", 1), new TableColumn("", 3) };
        var rows = block.Items.Select(kv => (IReadOnlyList<string>)[kv.Key, kv.Value]).ToList();
        DrawGrid(columns, rows, header: false, keyColumn: true);
    }

    private void AddTable(TableBlock table) => DrawGrid(table.Columns, table.Rows, header: true, keyColumn: false, table.RepeatHeader);

    private const double CellPadding = 4;
    private const double CellFont = 10.5;

    private void DrawGrid(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<string>> rows, bool header, bool keyColumn, bool repeatHeader = true)
    {
        var total = columns.Sum(c => c.Width);
        var widths = columns.Select(c => ContentWidth * c.Width / total).ToArray();
        var headerCells = columns.Select(c => c.Header).ToArray();
        var headerLines = WrapCells(headerCells, widths);
        var headerHeight = header ? RowHeight(headerLines) : 0;

        var repeated = header && repeatHeader;
        var freshPageSpace = Bottom - TopMargin - (repeated ? headerHeight : 0);
        if (header)
        {
            EnsureSpace(headerHeight + LineHeight(CellFont) + 2 * CellPadding);
            DrawRow(headerLines, widths, columns, headerHeight, isHeader: true, keyColumn: false);
        }
        var onFreshPage = false;
        foreach (var row in rows)
        {
            var lines = WrapCells(row, widths);
            // A row that does not fit moves to the next page whole; one taller than a whole page (a long 决定事项, a pasted text) is
            // split there, its lines continued in the same columns on the next page: nothing is drawn past the bottom margin.
            while (true)
            {
                var height = RowHeight(lines);
                if (Y + height <= Bottom) break;
                if (!onFreshPage && height <= freshPageSpace)
                {
                    NextTablePage();
                    continue;
                }
                var fitting = LinesFitting(Bottom - Y);
                if (fitting < 1)
                {
                    if (onFreshPage) break; // a page too short for one line: draw it anyway rather than loop
                    NextTablePage();
                    continue;
                }
                IReadOnlyList<TextLine>[] part = [.. lines.Select(cell => cell.Take(fitting).ToList())];
                DrawRow(part, widths, columns, RowHeight(part), isHeader: false, keyColumn);
                lines = [.. lines.Select(cell => cell.Skip(fitting).ToList())];
                NextTablePage();
            }
            DrawRow(lines, widths, columns, RowHeight(lines), isHeader: false, keyColumn);
            onFreshPage = false;
        }
        Y += 8;

        void NextTablePage()
        {
            NewPage();
            if (repeated) DrawRow(headerLines, widths, columns, headerHeight, isHeader: true, keyColumn: false);
            onFreshPage = true;
        }
    }

    /// <summary>How many lines of a cell fit in <paramref name="space"/> points of a row (the inverse of <see cref="RowHeight"/>).</summary>
    private static int LinesFitting(double space) =>
        (int)Math.Floor((space - 2 * CellPadding + (LineHeight(CellFont) - CellFont * 1.3)) / LineHeight(CellFont) + 1e-9);

    private IReadOnlyList<TextLine>[] WrapCells(IReadOnlyList<string> cells, double[] widths)
    {
        var lines = new IReadOnlyList<TextLine>[widths.Length];
        for (var i = 0; i < widths.Length; i++)
            lines[i] = Wrap(i < cells.Count ? cells[i] : "", widths[i] - 2 * CellPadding, CellFont);
        return lines;
    }

    private static double RowHeight(IReadOnlyList<TextLine>[] cellLines)
    {
        var lines = Math.Max(1, cellLines.Max(l => l.Count));
        return lines * LineHeight(CellFont) + 2 * CellPadding - (LineHeight(CellFont) - CellFont * 1.3);
    }

    private void DrawRow(IReadOnlyList<TextLine>[] cellLines, double[] widths, IReadOnlyList<TableColumn> columns, double height, bool isHeader, bool keyColumn)
    {
        var x = Left;
        for (var i = 0; i < widths.Length; i++)
        {
            var shaded = isHeader || (keyColumn && i == 0);
            var rect = new XRect(x, Y, widths[i], height);
            if (shaded) Gfx.DrawRectangle(CellBorder, HeaderFill, rect);
            else Gfx.DrawRectangle(CellBorder, rect);

            var align = isHeader ? TextAlign.Center : columns[i].Align;
            var baseline = Y + CellPadding + Ascent(CellFont);
            foreach (var line in cellLines[i])
            {
                DrawLine(line, x + CellPadding, widths[i] - 2 * CellPadding, baseline, CellFont, bold: shaded, align);
                baseline += LineHeight(CellFont);
            }
            x += widths[i];
        }
        Y += height;
    }

    private void AddSignatures(SignatureBlock block)
    {
        const int perRow = 3;
        const double size = 12;
        var rowHeight = LineHeight(size) * (block.WithDate ? 4 : 3);
        var rowCount = (block.Signers.Count + perRow - 1) / perRow;
        EnsureSpace(rowCount * rowHeight + 12);
        Y += 12;
        var cell = ContentWidth / perRow;
        for (var r = 0; r < rowCount; r++)
        {
            var signers = block.Signers.Skip(r * perRow).Take(perRow).ToList();
            for (var i = 0; i < signers.Count; i++)
            {
                var x = Left + i * cell;
                var baseline = Y + Ascent(size);
                DrawText(signers[i], size, bold: false, XBrushes.Black, x, baseline);
                var lineY = baseline + LineHeight(size) * 1.4;
                Gfx.DrawLine(XPens.Black, x, lineY, x + cell - 18, lineY);
                if (block.WithDate)
                    DrawText("        年    月    日", size, bold: false, XBrushes.Black, x, lineY + LineHeight(size) * 1.2);
            }
            Y += rowHeight;
        }
    }
}
