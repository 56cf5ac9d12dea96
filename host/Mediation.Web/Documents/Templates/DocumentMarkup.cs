using System.Globalization;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Documents.Templates;

namespace Mediation.Web.Documents.Templates;

/// <summary>
/// The small line-based language a rendered template speaks; each line becomes a block:
/// <code>
/// @title 调解协议书          PDF title          @landscape             A4 landscape
/// @header 某某人民调解委员会   running header     # 标题 / ## 小标题      headings
/// @kv 申请人 | 张三          key-value rows      | 序号 | 名称 |        table rows (first is the header)
/// @center 文本 / @right 文本  aligned line       @noindent 文本          paragraph without indent
/// @sign 甲方 | 乙方 | 调解员   signature lines    @pagebreak  @space 12
/// \# 文本                    a literal line      anything else          a paragraph
/// Model values are escaped (<see cref="Escape"/>), so a value prints as text in whatever construct holds it.
/// </code>
/// </summary>
public static class DocumentMarkup
{
    // A model value is text, never markup: its line breaks, bars and a leading markup character travel as
    // private characters that no markup rule matches, and turn back into text only inside a finished block.
    private const char ValueBreak = '\u2028';
    private const char ValueBar = '\uE000';
    private const char ValueLiteral = '\uE001';

    /// <summary>Makes a model value plain text wherever a template places it: a line break or <c>|</c> cannot open a line or a cell.</summary>
    public static string Escape(string value)
    {
        if (value.Length == 0) return value;
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\n', ValueBreak).Replace('|', ValueBar);
        return text[0] is '#' or '@' or '\\' ? ValueLiteral + text : text;
    }

    /// <summary>The printed text of a one-line construct (heading, key-value, cell, signature): a value's line breaks become spaces.</summary>
    private static string OneLine(string text) =>
        text.Replace(ValueBreak, ' ').Replace(ValueBar, '|').Replace(ValueLiteral.ToString(), "", StringComparison.Ordinal).Trim();

    /// <summary>A paragraph holding a multi-line value prints each of its lines as a paragraph of the same style.</summary>
    private static IEnumerable<Paragraph> Paragraphs(string text, TextAlign align = TextAlign.Left, bool indent = true)
    {
        var lines = text.Split(ValueBreak).Select(OneLine).ToList();
        return lines.Where(t => t.Length > 0 || lines.Count == 1).Select(t => new Paragraph(t, align, indent));
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
            if (line.StartsWith(ValueLiteral))
            {
                Flush();
                blocks.AddRange(Paragraphs(line));
                continue;
            }
            if (line.StartsWith("@kv", StringComparison.Ordinal) && IsDirective(line, "@kv"))
            {
                if (tableRows is not null) Flush();
                var (key, value) = SplitPair(Rest(line, "@kv"));
                (keyValues ??= []).Add(new(OneLine(key), OneLine(value)));
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

            if (line.StartsWith('\\')) blocks.AddRange(Paragraphs(line[1..], indent: true));
            else if (line.StartsWith('#'))
            {
                var level = line.TakeWhile(c => c == '#').Count();
                blocks.Add(new Heading(OneLine(line[level..]), Math.Min(level, 3)));
            }
            else if (line.StartsWith('@'))
            {
                var name = line.Split(' ', 2)[0];
                switch (name)
                {
                    case "@title": title = OneLine(Rest(line, name)); break;
                    case "@header": header = OneLine(Rest(line, name)); break;
                    case "@landscape": orientation = PaperOrientation.Landscape; break;
                    case "@center": blocks.AddRange(Paragraphs(Rest(line, name), TextAlign.Center, indent: false)); break;
                    case "@right": blocks.AddRange(Paragraphs(Rest(line, name), TextAlign.Right, indent: false)); break;
                    case "@noindent": blocks.AddRange(Paragraphs(Rest(line, name), indent: false)); break;
                    case "@sign": blocks.Add(new SignatureBlock(Cells(Rest(line, name)))); break;
                    case "@pagebreak": blocks.Add(new PageBreak()); break;
                    case "@space":
                        if (!double.TryParse(Rest(line, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var points) || points is < 0 or > 400)
                            throw error(lineNumber, "@space needs a number of points between 0 and 400");
                        blocks.Add(new Spacer(points));
                        break;
                    default: blocks.AddRange(Paragraphs(line)); break;
                }
            }
            else blocks.AddRange(Paragraphs(line));
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

    private static string[] Cells(string text) => text.Split('|').Select(OneLine).ToArray();

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
