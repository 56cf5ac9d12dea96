using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using Mediation.Core.Documents.Layout;
using Mediation.Web.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Shouldly;

namespace Mediation.Tests.Documents;

/// <summary>
/// The common face (issue 17, P4): cut once from the CJK font, renumbered, drawing the common characters so that a document's
/// embedded font program carries glyph tables for 13 thousand glyphs instead of the full face's 49 thousand.
/// </summary>
public sealed partial class CommonFace_Tests
{
    private static readonly Lazy<(byte[] Full, CommonFamily Common)> Faces = new(() =>
    {
        var family = PdfText.Writer.Value.FontFamily;
        var path = DocumentFonts.Locate(null).Path!;
        var bytes = File.ReadAllBytes(path);
        if (TrueTypeCollection.IsCollection(bytes)) bytes = TrueTypeCollection.ExtractFace(bytes, 0);
        return (bytes, DocumentFonts.CommonFamilyOf(family) ?? throw new InvalidOperationException("No common face was cut."));
    });

    [Fact]
    public void The_common_face_holds_the_common_characters_and_far_fewer_glyphs_than_the_full_face()
    {
        var (full, common) = Faces.Value;
        var fullGlyphs = BinaryPrimitives.ReadUInt16BigEndian(new TrueTypeTables(full).Table("maxp").AsSpan(4));
        common.Face.GlyphCount.ShouldBeLessThan(fullGlyphs / 3);
        foreach (var c in "人民调解协议书，。“”（）：；、！？ABCxyz0123456789%-年月日泰岱")
            common.Face.Covers(c).ShouldBeTrue($"'{c}' is common");
        foreach (var c in "镕喆堃")
            common.Face.Covers(c).ShouldBeFalse($"'{c}' is not in GB 2312");
        CommonFace.CommonCharacters().Count(common.Face.Covers).ShouldBeGreaterThan(7_000);
    }

    [Fact]
    public void Every_common_character_advances_as_far_in_the_common_face_as_in_the_full_face()
    {
        var (_, common) = Faces.Value;
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var fullFont = new XFont(PdfText.Writer.Value.FontFamily, 100, XFontStyleEx.Regular, options);
        var commonFont = new XFont(common.Family, 100, XFontStyleEx.Regular, options);
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var compared = 0;
        foreach (var c in CommonFace.CommonCharacters().Where(common.Face.Covers))
        {
            var text = char.ConvertFromUtf32(c);
            gfx.MeasureString(text, commonFont).Width.ShouldBe(gfx.MeasureString(text, fullFont).Width, $"U+{c:X4}");
            compared++;
        }
        compared.ShouldBeGreaterThan(7_000);
        commonFont.GetHeight().ShouldBe(fullFont.GetHeight());
    }

    /// <summary>The renumbering keeps every outline: a common character's glyph, its composites' components resolved, is the full face's.</summary>
    [Fact]
    public void Every_common_character_draws_the_full_face_s_outline()
    {
        var (full, common) = Faces.Value;
        var fullFace = new Outlines(full);
        var commonFace = new Outlines(common.Face.Bytes);
        var compared = 0;
        foreach (var c in CommonFace.CommonCharacters().Where(common.Face.Covers))
        {
            commonFace.Resolved(commonFace.GlyphOf(c)).ShouldBe(fullFace.Resolved(fullFace.GlyphOf(c)), $"U+{c:X4}");
            compared++;
        }
        compared.ShouldBeGreaterThan(7_000);
    }

    [Fact]
    public void A_character_outside_the_common_face_is_drawn_in_the_full_face_and_reads_back()
    {
        const string rare = "朱镕基与陶喆、王堃";
        var pdf = PdfText.Write(new DocumentSpec
        {
            HeaderText = "泰山区镕城人民调解委员会",
            Blocks = [new Heading("人民调解协议书"), new Paragraph($"申请人{rare}，2026年3月1日。"), new TableBlock([new("姓名", 1)], [[rare]])],
        });

        var text = PdfText.AllText(pdf).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain($"申请人{rare}，2026年3月1日。");
        text.ShouldContain("泰山区镕城人民调解委员会");
        FontPrograms(pdf).Count.ShouldBe(2, "the common face and the full face");

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var letters = document.GetPages().SelectMany(p => p.Letters).ToList();
        letters.First(l => l.Value == "镕").FontName.ShouldNotBe(letters.First(l => l.Value == "朱").FontName);
        // The runs sit where the whole line would: each letter starts where the one before it ends.
        var line = letters.SkipWhile(l => l.Value != "申").Take(rare.Length + 3).ToList();
        for (var i = 1; i < line.Count; i++)
            line[i].StartBaseLine.X.ShouldBe(line[i - 1].EndBaseLine.X, 0.05, $"'{line[i].Value}' after '{line[i - 1].Value}'");
    }

    [Fact]
    public void An_agreement_in_common_characters_embeds_only_the_common_face_far_smaller_than_the_full_face_s_glyph_tables()
    {
        var pdf = PdfText.Write(new DocumentSpec
        {
            HeaderText = "泰安市泰山区岱庙街道人民调解委员会",
            Blocks =
            [
                new Heading("人民调解协议书"),
                new KeyValueBlock([new("申请人", "张三，男，1970年5月出生，住泰安市泰山区岱庙街道东岳大街12号"), new("被申请人", "李四，女，1975年8月出生")]),
                new Heading("一、纠纷主要事实、争议事项", 2),
                new Paragraph("申请人张三与被申请人李四系邻居。2026年3月，被申请人翻建院墙时向申请人一侧延伸约0.3米，双方因宅基地边界及排水沟走向发生争执，多次协商未果。"),
                new Heading("二、经调解，自愿达成如下协议", 2),
                new Paragraph("1. 被申请人于2026年4月30日前将院墙恢复至1998年测绘图（编号TA-1998-027）所示位置。"),
                new Paragraph("2. 排水沟由双方共同出资改造，费用共计3,500.00元，各承担50%。"),
                new SignatureBlock(["申请人（签名）", "被申请人（签名）", "人民调解员（签名）"], WithDate: true),
            ],
        });

        var programs = FontPrograms(pdf);
        programs.Count.ShouldBe(1);
        var full = new TrueTypeTables(Faces.Value.Full);
        // Before the common face, every document's font program carried the full face's loca and hmtx (394,458 bytes) and more;
        // the common face's are 53,684 and 27,908 bytes.
        programs[0].ShouldBeLessThan((full.Table("loca").Length + full.Table("hmtx").Length) / 2);
        PdfText.AllText(pdf).ShouldContain("人民调解协议书");
    }

    /// <summary>The decoded length of each embedded TrueType program (PDFsharp writes it as the stream's /Length1).</summary>
    private static List<int> FontPrograms(byte[] pdf) =>
        [.. Length1().Matches(Encoding.Latin1.GetString(pdf)).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"/Length1 (\d+)")]
    private static partial Regex Length1();

    /// <summary>A face's glyphs by character: left side bearing and outline, composites' component ids replaced by the components.</summary>
    private sealed class Outlines
    {
        private readonly Func<int, int> _cmap;
        private readonly byte[] _loca;
        private readonly byte[] _glyf;
        private readonly byte[] _hmtx;
        private readonly int _longMetrics;
        private readonly bool _longLoca;

        public Outlines(byte[] face)
        {
            var tables = new TrueTypeTables(face);
            _cmap = tables.UnicodeCmap()!;
            _loca = tables.Table("loca");
            _glyf = tables.Table("glyf");
            _longLoca = BinaryPrimitives.ReadInt16BigEndian(tables.Table("head").AsSpan(50)) == 1;
            _hmtx = tables.Table("hmtx");
            _longMetrics = BinaryPrimitives.ReadUInt16BigEndian(tables.Table("hhea").AsSpan(34));
        }

        public int GlyphOf(int c) => _cmap(c);

        public string Resolved(int glyph)
        {
            int Start(int g) => _longLoca ? (int)BinaryPrimitives.ReadUInt32BigEndian(_loca.AsSpan(4 * g)) : 2 * BinaryPrimitives.ReadUInt16BigEndian(_loca.AsSpan(2 * g));
            var outline = _glyf.AsSpan(Start(glyph), Start(glyph + 1) - Start(glyph)).ToArray();
            var components = CommonFace.ComponentsOf(outline);
            var bearing = BinaryPrimitives.ReadInt16BigEndian(_hmtx.AsSpan(glyph < _longMetrics ? 4 * glyph + 2 : 4 * _longMetrics + 2 * (glyph - _longMetrics)));
            var text = new StringBuilder(Convert.ToHexString(outline));
            foreach (var (component, at) in components)
            {
                text.Remove(2 * at, 4).Insert(2 * at, "----");
                text.Append('[').Append(Resolved(component)).Append(']');
            }
            return text.Append(" lsb ").Append(bearing).ToString();
        }
    }
}
