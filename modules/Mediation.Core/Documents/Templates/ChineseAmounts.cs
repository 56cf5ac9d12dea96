using System.Text;

namespace Mediation.Core.Documents.Templates;

/// <summary>
/// A money amount in capital numerals (大写金额) the way the People's Bank's rules for filling in
/// financial papers write it: 人民币叁仟贰佰元整, 人民币壹仟零伍元零柒分, 人民币壹拾万零壹拾元整 — a
/// single 零 for a gap of zeros, 整 when there are no fen. Amounts are rounded to the fen.
/// </summary>
public static class ChineseAmounts
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Places = ["", "拾", "佰", "仟"];
    private static readonly string[] Sections = ["", "万", "亿"];
    private const decimal Limit = 1_0000_0000_0000m;

    public static string Capital(decimal amount)
    {
        if (amount is < 0 or >= Limit) throw new ArgumentOutOfRangeException(nameof(amount), amount, "大写金额只写 0 至 1 万亿元以下的金额");
        var cents = (long)Math.Round(amount * 100m, MidpointRounding.AwayFromZero);
        var yuan = cents / 100;
        var jiao = (int)(cents / 10 % 10);
        var fen = (int)(cents % 10);

        var text = new StringBuilder("人民币");
        if (yuan > 0 || cents == 0) text.Append(Yuan(yuan)).Append('元');
        if (jiao > 0) text.Append(Digits[jiao]).Append('角');
        else if (fen > 0 && yuan > 0) text.Append('零');
        if (fen > 0) text.Append(Digits[fen]).Append('分');
        else if (jiao == 0) text.Append('整');
        return text.ToString();
    }

    private static string Yuan(long value)
    {
        if (value == 0) return "零";
        var groups = new List<int>();
        for (var rest = value; rest > 0; rest /= 10000) groups.Add((int)(rest % 10000));

        var text = new StringBuilder();
        var gap = false;
        for (var section = groups.Count - 1; section >= 0; section--)
        {
            var group = groups[section];
            if (group == 0)
            {
                gap = text.Length > 0;
                continue;
            }
            if (text.Length > 0 && (gap || group < 1000)) text.Append('零');
            gap = false;
            AppendGroup(text, group);
            text.Append(Sections[section]);
        }
        return text.ToString();
    }

    private static void AppendGroup(StringBuilder text, int group)
    {
        var started = false;
        var gap = false;
        for (var place = 3; place >= 0; place--)
        {
            var digit = group / (int)Math.Pow(10, place) % 10;
            if (digit == 0)
            {
                gap = started;
                continue;
            }
            if (gap) text.Append('零');
            gap = false;
            started = true;
            text.Append(Digits[digit]).Append(Places[place]);
        }
    }
}
