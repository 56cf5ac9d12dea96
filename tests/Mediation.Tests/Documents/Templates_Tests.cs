using Mediation.Core.Documents.Domain;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Domain;
using Shouldly;
using Mediation.Web.Documents.Templates;

namespace Mediation.Tests.Documents;

public sealed class Templates_Tests
{
    private static readonly string Folder = TemplateFolder.Find(null, AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("templates/documents not found above the test binaries");

    [Fact]
    public void The_templates_folder_is_found_from_the_binaries_and_by_configuration()
    {
        File.Exists(Path.Combine(Folder, "mediation-agreement.sbn")).ShouldBeTrue();
        TemplateFolder.Find(Path.GetDirectoryName(Folder)).ShouldBe(Folder);
        TemplateFolder.Find("/nonexistent/templates").ShouldBeNull();
    }

    [Fact]
    public void Markup_lines_become_blocks()
    {
        var spec = DocumentMarkup.Parse("""
            @title 标题
            @header 某调委会
            @landscape
            # 大标题
            ## 小标题
            @kv 甲 | 一
            @kv 乙 | 二

            @kv 丙 | 三
            | 序号 | 名称 |
            |---|---|
            | 1 | 甲 |
            正文段落
            @right 2026年3月1日
            @sign 甲方 | 乙方
            @pagebreak
            \# 不是标题
            """, (line, message) => new InvalidOperationException(message));

        spec.Title.ShouldBe("标题");
        spec.HeaderText.ShouldBe("某调委会");
        spec.Orientation.ShouldBe(PaperOrientation.Landscape);
        spec.Blocks.Select(b => b.GetType().Name).ShouldBe(
            ["Heading", "Heading", "KeyValueBlock", "TableBlock", "Paragraph", "Paragraph", "SignatureBlock", "PageBreak", "Paragraph"]);
        ((KeyValueBlock)spec.Blocks[2]).Items.Count.ShouldBe(3);
        var table = (TableBlock)spec.Blocks[3];
        table.Columns.Select(c => c.Header).ShouldBe(["序号", "名称"]);
        table.Rows.ShouldHaveSingleItem().ShouldBe(["1", "甲"]);
        ((Paragraph)spec.Blocks[8]).Text.ShouldBe("# 不是标题");
    }

    [Fact]
    public void A_value_cannot_smuggle_markup_into_the_document()
    {
        var spec = DocumentTemplateRenderer.Render("t", "事实：\n{{ facts }}", new Dictionary<string, object?> { ["facts"] = "甲\n@pagebreak\n# 伪造标题\n| a | b |" });
        spec.Blocks.ShouldAllBe(b => b is Paragraph);
        spec.Blocks.OfType<Paragraph>().Select(p => p.Text).ShouldBe(["事实：", "甲", "@pagebreak", "# 伪造标题", "| a | b |"]);
    }

    [Fact]
    public void A_value_with_line_breaks_and_bars_stays_on_its_one_line_and_in_its_one_cell()
    {
        const string name = "张三\r\n# 伪造标题\n@pagebreak|乙";
        var template = "# {{ name }}\n@kv 申请人 | {{ name }}\n| 姓名 | 角色 |\n| {{ name }} | 申请人 |\n@sign {{ name }} | 调解员\n{{ name }}";
        var spec = DocumentTemplateRenderer.Render("t", template, new Dictionary<string, object?> { ["name"] = name });

        const string flat = "张三 # 伪造标题 @pagebreak|乙";
        spec.Blocks.Count.ShouldBe(7);
        spec.Blocks[0].ShouldBe(new Heading(flat, 1));
        ((KeyValueBlock)spec.Blocks[1]).Items.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<string, string>("申请人", flat));
        var table = (TableBlock)spec.Blocks[2];
        table.Columns.Count.ShouldBe(2);
        table.Rows.ShouldHaveSingleItem().ShouldBe([flat, "申请人"]);
        ((SignatureBlock)spec.Blocks[3]).Signers.ShouldBe([flat, "调解员"]);
        spec.Blocks.Skip(4).OfType<Paragraph>().Select(p => p.Text).ShouldBe(["张三", "# 伪造标题", "@pagebreak|乙"]);

        var lines = PdfText.PageLines(PdfText.Write(spec)).ShouldHaveSingleItem();
        lines.Count(l => l.Contains("伪造标题", StringComparison.Ordinal)).ShouldBe(5);
        lines.Count(l => l.Contains("伪造标题", StringComparison.Ordinal) && !l.Contains("张三", StringComparison.Ordinal)).ShouldBe(1); // the last paragraph's own line
    }

    // Preview models arrive as JSON, whose numbers are decimals: a range like 1..n fails on them, so these templates loop over arrays.
    private static Dictionary<string, object?> Model(int rows, int columns, int text) => new()
    {
        ["rows"] = Enumerable.Range(1, rows).Cast<object?>().ToList(),
        ["columns"] = Enumerable.Range(1, columns).Cast<object?>().ToList(),
        ["text"] = new string('甲', text),
    };

    private const string Printing = "# 标题\n{{ for r in rows }}{{ for c in columns }}{{ text }}{{ end }}\n{{ end }}";

    [Fact]
    public void A_template_printing_more_than_the_output_cap_is_refused_with_a_stable_code()
    {
        // 2,000 lines of 1,000 characters: every value is short, only the whole is too long.
        var tooMuch = Model(2_000, 1, 1_000);
        var refused = Should.Throw<BusinessException>(() => DocumentTemplateRenderer.Render("probe", Printing, tooMuch));
        refused.Code.ShouldBe(DocumentsErrorCodes.TemplateOverBudget);
        refused.Parameters["template"].ShouldBe("probe");
        refused.Parameters["characters"].ShouldBe(DocumentTemplateRenderer.MaxOutputCharacters);

        DocumentTemplateRenderer.Render("probe", Printing, Model(20, 1, 1_000)).Blocks.Count.ShouldBeGreaterThan(20, "a long real document still renders whole");
    }

    [Fact]
    public void A_template_that_works_hard_without_printing_is_stopped_by_the_time_budget()
    {
        // Each loop stays under Scriban's 5,000 steps, and nothing is printed; twenty of them replace 10^10 characters.
        var silent = "# 标题\n" + string.Concat(Enumerable.Repeat("{{ for r in rows }}{{ s = text | string.replace '甲' '乙' }}{{ end }}", 20));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = Should.Throw<BusinessException>(() => DocumentTemplateRenderer.Render("probe", silent, Model(5_000, 1, 100_000)));
        refused.Code.ShouldBe(DocumentsErrorCodes.TemplateOverBudget, refused.Parameters.GetValueOrDefault("message")?.ToString());
        clock.Elapsed.ShouldBeLessThan(DocumentTemplateRenderer.TimeBudget + TimeSpan.FromSeconds(10));
    }

    [Fact(Timeout = 60_000)]
    public async Task Recursion_that_doubles_its_calls_is_stopped_by_the_time_budget()
    {
        // No loop at all: 2^41 calls within the recursion limit of 50.
        const string doubling = "# 标题\n{{ func f(n)\n if n > 0\n f(n - 1)\n f(n - 1)\n end\nend }}{{ f(40) }}";
        var refused = await Should.ThrowAsync<BusinessException>(Task.Run(() => DocumentTemplateRenderer.Render("probe", doubling, Model(1, 1, 1))));
        refused.Code.ShouldBe(DocumentsErrorCodes.TemplateOverBudget);
    }

    [Fact]
    public void Dates_render_in_Chinese()
    {
        var spec = DocumentTemplateRenderer.Render("t", "{{ d | date.to_string '%Y年%m月%d日' }}", new Dictionary<string, object?> { ["d"] = new DateTime(2026, 3, 1) });
        ((Paragraph)spec.Blocks.Single()).Text.ShouldBe("2026年03月01日");
    }

    [Fact]
    public void Syntax_and_runtime_errors_name_the_template_and_line()
    {
        var syntax = Should.Throw<BusinessException>(() => DocumentTemplateRenderer.Validate("notice", "第一行\n第二行 {{ if x }}\n"));
        syntax.Code.ShouldBe(DocumentsErrorCodes.TemplateError);
        syntax.Parameters["template"].ShouldBe("notice");
        syntax.Parameters["line"].ShouldBe(2);

        var runtime = Should.Throw<BusinessException>(() =>
            DocumentTemplateRenderer.Render("notice", "一\n二\n{{ missing_value }}", new Dictionary<string, object?>()));
        runtime.Parameters["line"].ShouldBe(3);
        runtime.Parameters["message"]!.ToString()!.ShouldContain("missing_value");
    }

    [Fact]
    public void Both_shipped_templates_render_with_their_sample_models()
    {
        foreach (var (name, model) in new[] { ("mediation-agreement", SampleDocuments.AgreementModel()), ("acceptance-notice", SampleDocuments.NoticeModel()) })
        {
            var json = System.Text.Json.JsonSerializer.SerializeToElement(model);
            var values = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
            values["number"] = "编号1";
            values["issued_on"] = new DateTime(2026, 3, 28);
            var pdf = PdfText.Write(DocumentTemplateRenderer.Render(name, File.ReadAllText(Path.Combine(Folder, name + ".sbn")), values));
            if (name == "mediation-agreement") PdfText.AllText(pdf).ShouldNotContain("2026年3月28日", Case.Sensitive, "a print date would pose as the signing date");
            else PdfText.AllText(pdf).ShouldContain("2026年3月28日");
        }
    }
}
