namespace Mediation.Core.Validation;

/// <summary>
/// What a stored text may hold: no C0 control character but tab, line feed and carriage return, and no lone UTF-16 surrogate.
/// A NUL was stored by SQLite (PostgreSQL refuses it) and then rendered as "&amp;#x0;"; the others are as invisible and break
/// documents, exports and the data exchange with other systems.
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
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return true;
        return false;
    }
}
