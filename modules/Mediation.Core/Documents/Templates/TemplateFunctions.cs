using Scriban.Runtime;

namespace Mediation.Core.Documents.Templates;

/// <summary>
/// The functions every template may call, documents and notices alike, so one rule prints one way:
/// <c>cn_date</c> (2026年3月1日), <c>cn_date_time</c> (2026年3月1日 9:05), <c>cn_numeral</c> (一式三份),
/// <c>cn_amount</c> (人民币叁仟贰佰元整).
/// </summary>
public static class TemplateFunctions
{
    public static void ImportInto(ScriptObject globals)
    {
        globals.Import("cn_date", new Func<object?, string>(value => ChineseDates.FormatAny(value)));
        globals.Import("cn_date_time", new Func<object?, string>(value => ChineseDates.FormatAny(value, withTime: true)));
        globals.Import("cn_numeral", new Func<int, string>(ChineseNumerals.Format));
        globals.Import("cn_amount", new Func<decimal, string>(ChineseAmounts.Capital));
    }
}
