namespace Mediation.Core.Validation;

/// <summary>
/// What a stored text may hold: no C0 control character but tab, line feed and carriage return, and no lone UTF-16 surrogate.
/// A NUL was stored by SQLite (PostgreSQL refuses it) and then rendered as "&amp;#x0;"; the others are as invisible and break
/// documents, exports and the data exchange with other systems.
/// </summary>
public static class TextRules
{
    public static bool IsAcceptable(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}
