namespace Mediation.Core.Validation;

/// <summary>
/// What a stored text may hold: no control character (C0 but tab, line feed and carriage return; DEL; C1), no bidirectional
/// embedding, override or isolate, and no lone UTF-16 surrogate.
/// A NUL was stored by SQLite (PostgreSQL refuses it) and then rendered as "&amp;#x0;"; the other controls are as invisible and break
/// documents, exports and the data exchange with other systems. A bidirectional override (U+202E) shows the characters after it in
/// reverse order on every page, ledger and document until the paragraph ends — "合同金额￥0001" reads as "1000￥" — so a record
/// could say one thing on screen and another in the database ("Trojan Source", CVE-2021-42574). Chinese and the minority scripts
/// written right to left (Uyghur) need none of them: the Unicode bidirectional algorithm orders such text by itself, and the
/// invisible marks U+200E, U+200F and U+061C, which only nudge it, stay allowed.
/// </summary>
public static class TextRules
{
    public static bool IsAcceptable(string? text) => text is null || !HasControlCharacter(text) && IsWellFormedUtf16(text);

    /// <summary>Every surrogate paired (a NUL is well-formed UTF-16; <see cref="IsAcceptable"/> refuses it as a control character).</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(text[i])) return false;
        }
        return true;
    }

    private static bool HasControlCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return true;
            if (c is >= '\u007F' and <= '\u009F') return true; // DEL and the C1 controls
            if (IsBidirectionalFormatting(c)) return true;
        }
        return false;
    }

    /// <summary>LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069): Unicode TR #9's explicit formatting.</summary>
    private static bool IsBidirectionalFormatting(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
