using System.Text;
using Mediation.Core.Documents.Layout;
using Shouldly;
using Mediation.Web.Documents.Layout;

namespace Mediation.Tests.Documents;

public sealed class PdfLayout_Tests
{
    private const string Facts =
        "2026年3月1日，申请人张三（住泰安市泰山区岱庙街道）与被申请人李四因宅基地边界发生纠纷。"
        + "双方就院墙位置、排水沟走向及2025年赔偿款3,500.00元的支付问题多次协商未果，遂向本委员会申请调解。"
        + "经调查，双方确认：“院墙以1998年测绘图（编号TA-1998-027）为准”；排水沟由双方共同出资改造！";

    [Fact]
    public void Chinese_text_mixed_with_latin_and_digits_reads_back()
    {
        var pdf = PdfText.Write(new DocumentSpec
        {
            Title = "测试",
            HeaderText = "泰安市泰山区岱庙街道人民调解委员会",
            Blocks =
            [
                new Heading("人民调解协议书"),
                new Heading("一、纠纷主要事实", 2),
                new Paragraph(Facts),
                new KeyValueBlock([new("申请人", "张三，男，1970年5月出生"), new("被申请人", "李四，女，身份证号370902197001011234")]),
                new SignatureBlock(["申请人（签名）", "被申请人（签名）", "人民调解员（签名）"]),
            ],
        });

        var text = PdfText.AllText(pdf);
        foreach (var expected in new[]
                 {
                     "人民调解协议书", "一、纠纷主要事实", "泰安市泰山区岱庙街道人民调解委员会", "3,500.00元", "TA-1998-027",
                     "张三，男，1970年5月出生", "370902197001011234", "人民调解员（签名）", "第 1 页 / 共 1 页", "年", "月", "日",
                 })
            text.Replace(" ", "", StringComparison.Ordinal).ShouldContain(expected.Replace(" ", "", StringComparison.Ordinal));
        text.ShouldContain(Facts.Replace(" ", "", StringComparison.Ordinal)[..40]);
    }

    [Fact]
    public void No_line_starts_with_closing_or_ends_with_opening_punctuation()
    {
        // Every width from 10 to 40 characters puts a punctuation mark at some line edge.
        var widthOf = (Rune r) => r.Value < 0x2E80 ? 0.5 : 1.0;
        var text = string.Concat(Enumerable.Repeat(Facts, 3));
        var checkedLines = 0;
        for (var width = 10; width <= 40; width++)
        {
            var lines = ChineseLineBreaker.Wrap(text, width, widthOf);
            string.Concat(lines.Select(l => l.Text)).ShouldBe(text.Replace(" ", "", StringComparison.Ordinal));
            foreach (var line in lines)
            {
                line.Width.ShouldBeLessThanOrEqualTo(width);
                ChineseLineBreaker.NoLineStart.ShouldNotContain(line.Text[0], $"line starts with closing punctuation at width {width}: {line.Text}");
                ChineseLineBreaker.NoLineEnd.ShouldNotContain(line.Text[^1], $"line ends with opening punctuation at width {width}: {line.Text}");
                checkedLines++;
            }
        }
        checkedLines.ShouldBeGreaterThan(500);
    }

    [Fact]
    public void A_closing_mark_that_would_start_a_line_takes_the_previous_character_with_it()
    {
        var lines = ChineseLineBreaker.Wrap("一二三四五，六七", 5, _ => 1);
        lines.Select(l => l.Text).ShouldBe(["一二三四", "五，六七"]);

        var opening = ChineseLineBreaker.Wrap("一二三四《五六》", 5, _ => 1);
        opening.Select(l => l.Text).ShouldBe(["一二三四", "《五六》"]);
    }

    [Fact]
    public void Latin_words_and_numbers_are_not_split()
    {
        var lines = ChineseLineBreaker.Wrap("金额为12345.67元整", 6, r => r.Value < 0x2E80 ? 0.5 : 1.0);
        lines.ShouldContain(l => l.Text.Contains("12345.67", StringComparison.Ordinal));
    }

    [Fact]
    public void Printed_lines_obey_the_punctuation_rules_too()
    {
        var pdf = PdfText.Write(new DocumentSpec { Blocks = [.. Enumerable.Repeat(new Paragraph(Facts), 6)], PageNumbers = false });
        var lines = PdfText.PageLines(pdf).SelectMany(p => p).Where(l => l.Length > 0).ToList();
        lines.Count.ShouldBeGreaterThan(12);
        foreach (var line in lines)
        {
            ChineseLineBreaker.NoLineStart.ShouldNotContain(line[0], line);
            ChineseLineBreaker.NoLineEnd.ShouldNotContain(line[^1], line);
        }
    }

    /// <summary>
    /// What a user may type reaches the minutes, the statistics report and every other document: a word longer than a line, characters
    /// the font lacks (emoji, CJK Extension B), right-to-left script, markup and template syntax. The page is written, every letter
    /// lies on the page, and the text reads back as typed (markup and template syntax as plain text).
    /// </summary>
    [Fact]
    public void Hostile_text_in_a_paragraph_and_a_table_cell_stays_on_the_page_and_reads_back()
    {
        var unbroken = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 300)); // 3,000 letters with no break opportunity
        const string markup = "<script>alert(1)</script>{{ 1 + 1 }}{% raw %}";
        const string mixed = "调解😀𠀀ئۇيغۇرچە";
        var pdf = PdfText.Write(new DocumentSpec
        {
            Blocks =
            [
                new Heading(unbroken[..200]),
                new Paragraph(unbroken),
                new Paragraph(markup + mixed),
                new TableBlock([new("议题", 1), new("决定事项", 2)], [[unbroken, markup], [mixed, unbroken[..500]]]),
            ],
        });

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var letters = 0;
        foreach (var page in document.GetPages())
            foreach (var letter in page.Letters)
            {
                letters++;
                letter.StartBaseLine.X.ShouldBeInRange(0, page.Width, $"'{letter.Value}' starts off page {page.Number}");
                letter.EndBaseLine.X.ShouldBeInRange(0, page.Width + 0.5, $"'{letter.Value}' ends off page {page.Number}");
                letter.StartBaseLine.Y.ShouldBeInRange(0, page.Height, $"'{letter.Value}' below or above page {page.Number}");
            }
        letters.ShouldBeGreaterThan(200 + 3_000 + 3_000 + 500);
        var text = PdfText.AllText(pdf).Replace(" ", "", StringComparison.Ordinal);
        text.ShouldContain(markup.Replace(" ", "", StringComparison.Ordinal));
        text.Count(c => c == 'J').ShouldBe(20 + 300 + 300 + 50, "every letter of the long words is printed once");
        text.ShouldContain("调解");
    }

    [Fact]
    public void A_300_row_table_spans_pages_and_repeats_its_header_on_each()
    {
        var rows = Enumerable.Range(1, 300)
            .Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"纠纷案件{i:000}", "邻里纠纷", i % 3 == 0 ? "调解成功" : "调解中"])
            .ToList();
        var pdf = PdfText.Write(new DocumentSpec
        {
            Blocks =
            [
                new Heading("调解案件工作台账"),
                new TableBlock([new("序号", 0.6), new("案件名称", 2), new("纠纷类型", 1.2), new("状态", 1)], rows),
            ],
        });

        var pages = PdfText.PageLines(pdf);
        pages.Count.ShouldBeGreaterThan(3);
        for (var p = 0; p < pages.Count; p++)
        {
            pages[p].ShouldContain(l => l.Contains("序号", StringComparison.Ordinal) && l.Contains("案件名称", StringComparison.Ordinal) && l.Contains("状态", StringComparison.Ordinal),
                $"page {p + 1} lacks the header row");
            string.Concat(pages[p]).Replace(" ", "", StringComparison.Ordinal).ShouldContain($"第{p + 1}页/共{pages.Count}页");
        }
        var all = string.Concat(pages.SelectMany(l => l));
        all.ShouldContain("纠纷案件001");
        all.ShouldContain("纠纷案件300");
    }

    [Fact]
    public void Bar_and_line_charts_render_with_labels_and_legends_in_landscape()
    {
        string[] months = ["1月", "2月", "3月", "4月", "5月", "6月"];
        var pdf = PdfText.Write(new DocumentSpec
        {
            Orientation = PaperOrientation.Landscape,
            Blocks =
            [
                new ChartBlock(ChartKind.Bar, "各县市区受理纠纷数", ["泰山区", "岱岳区", "新泰市"], [new("受理数", [120, 95, 143]), new("调解成功", [101, 80, 120])]),
                new PageBreak(),
                new ChartBlock(ChartKind.Line, "月度调解成功率（%）", months, [new("成功率", [88.5, 90, 91.2, 87, 93.4, 95])]),
            ],
        });

        var pages = PdfText.PageTexts(pdf);
        pages.Count.ShouldBe(2);
        foreach (var expected in new[] { "各县市区受理纠纷数", "泰山区", "岱岳区", "新泰市", "受理数", "调解成功" })
            pages[0].ShouldContain(expected);
        foreach (var expected in new[] { "月度调解成功率（%）", "1月", "6月", "成功率", "100" })
            pages[1].ShouldContain(expected);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        page.Width.ShouldBeGreaterThan(page.Height);
    }
}
