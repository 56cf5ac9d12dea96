using System.Globalization;

namespace Mediation.Statistics.Domain;

public enum ChangeDirection
{
    Rise,
    Fall,
    NoChange,
    /// <summary>Nothing to compare with: the base is zero (a count, a mean) or has no denominator (a rate).</summary>
    NoBase,
    /// <summary>No value this period (a rate or mean over nothing).</summary>
    NoValue,
}

/// <summary>
/// A year-on-year change in the unit officials report it in: a rate in percentage points (个百分点), a mean in days (天), a count in
/// percent of last year's count (%), and the sentence they write (结案率同比提高6.4个百分点, 平均办理天数同比减少12.08天, 民转刑案件同比下降27.5%).
/// </summary>
public sealed record YearOnYearChange(ChangeDirection Direction, decimal? Amount, string Wording)
{
    public static YearOnYearChange Of(string name, FigureUnit unit, decimal? current, decimal? previous)
    {
        if (current is not { } now) return new(ChangeDirection.NoValue, null, $"{name}本期无数据");
        if (previous is not { } before) return new(ChangeDirection.NoBase, null, $"{name}{Format(now, unit)}，上年同期无数据");
        if (unit is FigureUnit.Count && before == 0)
            return now == 0
                ? new(ChangeDirection.NoChange, 0, $"{name}与上年同期持平")
                : new(ChangeDirection.NoBase, null, $"{name}{Format(now, unit)}，上年同期为{Format(0, unit)}");
        var amount = unit switch
        {
            FigureUnit.Rate => Math.Round(now - before, 1, MidpointRounding.AwayFromZero),
            FigureUnit.Days => Math.Round(now - before, 2, MidpointRounding.AwayFromZero),
            _ => Math.Round((now - before) * 100 / before, 1, MidpointRounding.AwayFromZero),
        };
        if (amount == 0) return new(ChangeDirection.NoChange, 0, $"{name}与上年同期持平");
        var rise = amount > 0;
        var verb = unit switch
        {
            FigureUnit.Rate => rise ? "提高" : "降低",
            FigureUnit.Days => rise ? "增加" : "减少",
            _ => rise ? "上升" : "下降",
        };
        var magnitude = Math.Abs(amount).ToString(unit is FigureUnit.Days ? "0.##" : "0.#", CultureInfo.InvariantCulture);
        var suffix = unit switch { FigureUnit.Rate => "个百分点", FigureUnit.Days => "天", _ => "%" };
        return new(rise ? ChangeDirection.Rise : ChangeDirection.Fall, amount, $"{name}同比{verb}{magnitude}{suffix}");
    }

    private static string Format(decimal value, FigureUnit unit) => unit switch
    {
        FigureUnit.Rate => value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        FigureUnit.Days => value.ToString("0.##", CultureInfo.InvariantCulture) + "天",
        _ => value.ToString("0", CultureInfo.InvariantCulture) + "件",
    };
}
