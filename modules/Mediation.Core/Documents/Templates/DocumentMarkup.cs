using System.Globalization;
using Mediation.Core.Documents.Layout;

namespace Mediation.Core.Documents.Templates;

/// <summary>
/// The small line-based language a rendered template speaks; each line becomes a block:
/// <code>
/// @title 调解协议书          PDF title          @landscape             A4 landscape
/// @header 某某人民调解委员会   running header     # 标题 / ## 小标题      headings
/// @kv 申请人 | 张三          key-value rows      | 序号 | 名称 |        table rows (first is the header)
/// @center 文本 / @right 文本  aligned line       @noindent 文本          paragraph without indent
/// @sign 甲方 | 乙方 | 调解员   signature lines    @pagebreak  @space 12
/// \# 文本                    a literal line      anything else          a paragraph
/// </code>
/// </summary>
public static class DocumentMarkup
{
    private static readonly string[] Directives =
        ["@title", "@landscape", "@header", "@kv", "@center", "@right", "@noindent", "@sign", "@pagebreak", "@space"];

    /// <summary>Would this line be read as markup rather than text? (Model values are escaped with it.)</summary>
    public static bool LooksLikeMarkup(string line) =>
        line.StartsWith('#') || line.StartsWith('|') || line.StartsWith('\\')
        || (line.StartsWith('@') && Directives.Any(d => line.StartsWith(d, StringComparison.Ordinal)));

    /// <summary>Escapes every line of a value that would otherwise turn into markup.</summary>
    public static string Escape(string value)
    {
        if (value.Length == 0) return value;
        var lines = value.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return string.Join('\n', lines.Select(l => LooksLikeMarkup(l) ? "\\" + l : l));
    }

    public static DocumentSpec Parse(string markup, Func<int, string, Exception> error)
    {
        var blocks = new List<DocumentBlock>();
        var title = "";
        string? header = null;
        var orientation = PaperOrientation.Portrait;
        List<KeyValuePair<string, string>>? keyValues = null;
        List<IReadOnlyList<string>>? tableRows = null;

        void Flush()
        {
            if (keyValues is not null) blocks.Add(new KeyValueBlock(keyValues));
            if (tableRows is not null) blocks.Add(Table(tableRows));
            keyValues = null;
            tableRows = null;
        }

        var lines = markup.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var lineNumber = i + 1;
            if (line.StartsWith("@kv", StringComparison.Ordinal) && IsDirective(line, "@kv"))
            {
                if (tableRows is not null) Flush();
                var (key, value) = SplitPair(Rest(line, "@kv"));
                (keyValues ??= []).Add(new(key, value));
                continue;
            }
            if (line.StartsWith('|'))
            {
                if (keyValues is not null) Flush();
                var cells = Cells(line.Trim('|'));
                if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':'))) continue; // a Markdown separator row
                (tableRows ??= []).Add(cells);
                continue;
            }
            // Blank lines (a template's loop scaffolding) neither print nor end a table or key-value group.
            if (line.Trim().Length == 0) continue;
            Flush();

            if (line.StartsWith('\\')) blocks.Add(new Paragraph(line[1..]));
            else if (line.StartsWith('#'))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                blocks.Add(new Heading(line[level..].Trim(), Math.Min(level, 3)));
            }
            else if (line.StartsWith('@'))
            {
                var name = line.Split(' ', 2)[0];
                switch (name)
                {
                    case "@title": title = Rest(line, name); break;
                    case "@header": header = Rest(line, name); break;
                    case "@landscape": orientation = PaperOrientation.Landscape; break;
                    case "@center": blocks.Add(new Paragraph(Rest(line, name), TextAlign.Center, IndentFirstLine: false)); break;
                    case "@right": blocks.Add(new Paragraph(Rest(line, name), TextAlign.Right, IndentFirstLine: false)); break;
                    case "@noindent": blocks.Add(new Paragraph(Rest(line, name), IndentFirstLine: false)); break;
                    case "@sign": blocks.Add(new SignatureBlock(Cells(Rest(line, name)))); break;
                    case "@pagebreak": blocks.Add(new PageBreak()); break;
                    case "@space":
                        if (!double.TryParse(Rest(line, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var points) || points is < 0 or > 400)
                            throw error(lineNumber, "@space needs a number of points between 0 and 400");
                        blocks.Add(new Spacer(points));
                        break;
                    default: blocks.Add(new Paragraph(line)); break;
                }
            }
            else blocks.Add(new Paragraph(line.Trim()));
        }
        Flush();
        return new DocumentSpec { Title = title, HeaderText = header, Orientation = orientation, Blocks = blocks };
    }

    private static bool IsDirective(string line, string name) => line.Length == name.Length || line[name.Length] == ' ';

    private static string Rest(string line, string directive) => line.Length > directive.Length ? line[directive.Length..].Trim() : "";

    private static (string Key, string Value) SplitPair(string text)
    {
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (text.Trim(), "") : (text[..bar].Trim(), text[(bar + 1)..].Trim());
    }

    private static string[] Cells(string text) => text.Split('|').Select(c => c.Trim()).ToArray();

    /// <summary>The first row is the header; columns get widths by their longest text (within 1 : 6).</summary>
    private static TableBlock Table(List<IReadOnlyList<string>> rows)
    {
        var header = rows[0];
        var widths = header.Select((_, c) => Math.Clamp(rows.Max(r => c < r.Count ? DisplayLength(r[c]) : 0), 2, 12)).ToList();
        var columns = header.Select((h, c) => new TableColumn(h, widths[c])).ToList();
        return new TableBlock(columns, rows.Skip(1).ToList());
    }

    private static double DisplayLength(string text)
    {
        var length = 0.0;
        foreach (var rune in text.EnumerateRunes()) length += rune.Value < 0x2E80 ? 0.55 : 1;
        return length;
    }
}
