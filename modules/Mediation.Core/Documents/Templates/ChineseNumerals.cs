using System.Globalization;
using System.Text;

namespace Mediation.Core.Documents.Templates;

/// <summary>
/// Small counts written the way official documents write them ("一式三份", "第十二条"):
/// 0–9999 in lower-case numerals, with 零 for an inner gap and no leading 一 before 十.
/// </summary>
public static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private static readonly string[] Units = ["", "十", "百", "千"];

    public static string Format(int value)
    {
        if (value is < 0 or > 9999) return value.ToString(CultureInfo.InvariantCulture);
        if (value == 0) return "零";
        var text = new StringBuilder();
        var pendingZero = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = value / (int)Math.Pow(10, position) % 10;
            if (digit == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }
            if (pendingZero) text.Append('零');
            pendingZero = false;
            if (!(digit == 1 && position == 1 && text.Length == 0)) text.Append(Digits[digit]);
            text.Append(Units[position]);
        }
        return text.ToString();
    }
}
