using System.Text;

namespace Mediation.Web.Documents.Layout;

public readonly record struct TextLine(string Text, double Width);

/// <summary>
/// Greedy line breaking for Chinese mixed with Latin and digits. A break may fall between any two
/// Chinese characters or at a space, never inside a Latin word or number, never before closing
/// punctuation (行首禁则) and never after opening punctuation (行尾禁则): such a character moves
/// to the next line together with its neighbour.
/// </summary>
public static class ChineseLineBreaker
{
    public const string NoLineStart = "，。、；：？！）》」』】〕〉〗”’…—·%％,.;:?!)]}～";

    public const string NoLineEnd = "（《「『【〔〈〖“‘([{";

    private enum Kind
    {
        Space,
        Word,
        Wide,
    }

    private readonly record struct Token(string Text, Kind Kind, double Width);

    public static IReadOnlyList<TextLine> Wrap(string text, double maxWidth, Func<Rune, double> widthOf, double firstLineIndent = 0)
    {
        var lines = new List<TextLine>();
        var first = true;
        foreach (var hardLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapLine(hardLine, maxWidth, widthOf, first ? firstLineIndent : 0, lines);
            first = false;
        }
        return lines;
    }

    public static bool MayBreakBetween(string before, string after) =>
        !(after.Length > 0 && NoLineStart.Contains(after[0], StringComparison.Ordinal))
        && !(before.Length > 0 && NoLineEnd.Contains(before[^1], StringComparison.Ordinal));

    private static void WrapLine(string text, double maxWidth, Func<Rune, double> widthOf, double indent, List<TextLine> lines)
    {
        var tokens = Tokenize(text, maxWidth, widthOf);
        var start = 0;
        var available = maxWidth - indent;
        while (start < tokens.Count)
        {
            while (start < tokens.Count && tokens[start].Kind is Kind.Space) start++;
            if (start >= tokens.Count) break;

            var end = start;
            var width = 0.0;
            while (end < tokens.Count && (end == start || width + tokens[end].Width <= available))
                width += tokens[end++].Width;

            if (end < tokens.Count)
            {
                var breakAt = end;
                while (breakAt > start + 1 && !MayBreakBetween(tokens[breakAt - 1].Text, tokens[breakAt].Text)) breakAt--;
                // Only when the whole line is one unbreakable run does the rule give way to the margin.
                if (breakAt > start + 1 || MayBreakBetween(tokens[start].Text, tokens[start + 1].Text)) end = breakAt;
            }

            lines.Add(Emit(tokens, start, end));
            start = end;
            available = maxWidth;
        }
        if (lines.Count == 0 || tokens.Count == 0) lines.Add(new TextLine("", 0));
    }

    private static TextLine Emit(List<Token> tokens, int start, int end)
    {
        while (end > start && tokens[end - 1].Kind is Kind.Space) end--;
        var builder = new StringBuilder();
        var width = 0.0;
        for (var i = start; i < end; i++)
        {
            builder.Append(tokens[i].Text);
            width += tokens[i].Width;
        }
        return new TextLine(builder.ToString(), width);
    }

    private static List<Token> Tokenize(string text, double maxWidth, Func<Rune, double> widthOf)
    {
        var tokens = new List<Token>(text.Length);
        var word = new StringBuilder();
        var wordWidth = 0.0;
        var wordRunes = new List<Rune>();

        void FlushWord()
        {
            if (word.Length == 0) return;
            if (wordWidth <= maxWidth)
            {
                tokens.Add(new Token(word.ToString(), Kind.Word, wordWidth));
            }
            else
            {
                // A word longer than the line (a URL, a long number) breaks anywhere.
                foreach (var r in wordRunes) tokens.Add(new Token(r.ToString(), Kind.Wide, widthOf(r)));
            }
            word.Clear();
            wordRunes.Clear();
            wordWidth = 0;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var width = widthOf(rune);
            if (rune.Value is ' ' or '\t')
            {
                FlushWord();
                tokens.Add(new Token(" ", Kind.Space, widthOf(new Rune(' '))));
            }
            else if (IsWordCharacter(rune))
            {
                word.Append(rune.ToString());
                wordRunes.Add(rune);
                wordWidth += width;
            }
            else
            {
                FlushWord();
                tokens.Add(new Token(rune.ToString(), Kind.Wide, width));
            }
        }
        FlushWord();
        return tokens;
    }

    // Latin letters, digits and the ASCII marks that belong inside a word or number (3.5, 2026-01-02, e-mail).
    private static bool IsWordCharacter(Rune rune) =>
        rune.Value < 0x2E80 && !NoLineStart.Contains((char)rune.Value, StringComparison.Ordinal) && !NoLineEnd.Contains((char)rune.Value, StringComparison.Ordinal)
        || rune.Value is '.' or ',' or ':' or '%';
}
