using Mediation.Core.Validation;
using Mediation.Statistics;
using Mediation.Statistics.Domain;
using Shouldly;

namespace Mediation.Tests.Statistics;

public sealed class YearOnYear_Tests
{
    [Theory]
    // The seed's own sentences (DOMAIN.md, "The statistics people report").
    [InlineData("结案率", FigureUnit.Rate, "90", "96.4", ChangeDirection.Rise, "6.4", "结案率同比提高6.4个百分点")]
    [InlineData("平均办理天数", FigureUnit.Days, "30.5", "18.42", ChangeDirection.Fall, "-12.08", "平均办理天数同比减少12.08天")]
    [InlineData("民转刑案件", FigureUnit.Count, "40", "29", ChangeDirection.Fall, "-27.5", "民转刑案件同比下降27.5%")]
    [InlineData("受理纠纷", FigureUnit.Count, "3", "5", ChangeDirection.Rise, "66.7", "受理纠纷同比上升66.7%")]
    [InlineData("调解成功率", FigureUnit.Rate, "98.5", "97.25", ChangeDirection.Fall, "-1.3", "调解成功率同比降低1.3个百分点")]
    [InlineData("平均办理天数", FigureUnit.Days, "0", "2.5", ChangeDirection.Rise, "2.5", "平均办理天数同比增加2.5天")]
    [InlineData("满意率", FigureUnit.Rate, "0", "50", ChangeDirection.Rise, "50", "满意率同比提高50个百分点")]
    public void A_change_is_worded_in_its_unit(string name, FigureUnit unit, string previous, string current, ChangeDirection direction,
        string amount, string wording)
    {
        var change = YearOnYearChange.Of(name, unit, decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(previous, System.Globalization.CultureInfo.InvariantCulture));
        (change.Direction, change.Amount, change.Wording).ShouldBe((direction, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), wording));
    }

    [Theory]
    [InlineData(FigureUnit.Rate, "96.4", "96.42", "结案率与上年同期持平")] // within the reported precision of 0.1 point
    [InlineData(FigureUnit.Days, "12.08", "12.08", "结案率与上年同期持平")]
    [InlineData(FigureUnit.Count, "200", "200", "结案率与上年同期持平")]
    [InlineData(FigureUnit.Count, "0", "0", "结案率与上年同期持平")]
    public void No_change_is_worded_as_level_with_last_year(FigureUnit unit, string previous, string current, string wording)
    {
        var change = YearOnYearChange.Of("结案率", unit, decimal.Parse(current, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(previous, System.Globalization.CultureInfo.InvariantCulture));
        (change.Direction, change.Amount, change.Wording).ShouldBe((ChangeDirection.NoChange, (decimal?)0, wording));
    }

    [Fact]
    public void A_zero_or_missing_base_has_no_percentage_and_says_so()
    {
        var fromZero = YearOnYearChange.Of("民转刑案件", FigureUnit.Count, 3, 0);
        (fromZero.Direction, fromZero.Amount, fromZero.Wording).ShouldBe((ChangeDirection.NoBase, (decimal?)null, "民转刑案件3件，上年同期为0件"));

        var noRateLastYear = YearOnYearChange.Of("满意率", FigureUnit.Rate, 50, null);
        (noRateLastYear.Direction, noRateLastYear.Wording).ShouldBe((ChangeDirection.NoBase, "满意率50%，上年同期无数据"));

        var nothingNow = YearOnYearChange.Of("调解成功率", FigureUnit.Rate, null, 97);
        (nothingNow.Direction, nothingNow.Wording).ShouldBe((ChangeDirection.NoValue, "调解成功率本期无数据"));

        // A fall to zero is a fall of 100%, not a missing base.
        YearOnYearChange.Of("民转刑案件", FigureUnit.Count, 0, 8).Wording.ShouldBe("民转刑案件同比下降100%");
    }

    [Fact]
    public void Periods_are_months_quarters_years_or_a_range_and_the_year_before_keeps_the_dates()
    {
        var today = new DateOnly(2026, 5, 17);
        ReportPeriod.Resolve(PeriodKind.Quarter, 2024, 1, null, null, null, today).ShouldBe(new ReportPeriod(new(2024, 1, 1), new(2024, 3, 31)));
        ReportPeriod.Resolve(PeriodKind.Month, 2024, null, 2, null, null, today).ShouldBe(new ReportPeriod(new(2024, 2, 1), new(2024, 2, 29)));
        ReportPeriod.Resolve(PeriodKind.Month, 2024, null, 2, null, null, today).YearBefore().ShouldBe(new ReportPeriod(new(2023, 2, 1), new(2023, 2, 28)));
        ReportPeriod.Resolve(null, null, null, null, null, null, today).ShouldBe(new ReportPeriod(new(2026, 1, 1), new(2026, 12, 31)));
        ReportPeriod.Resolve(PeriodKind.Custom, null, null, null, new(2025, 7, 1), new(2026, 6, 30), today).To.ShouldBe(new DateOnly(2026, 6, 30));

        Should.Throw<InputValidationException>(() => ReportPeriod.Resolve(PeriodKind.Quarter, 2024, 5, null, null, null, today));
        Should.Throw<InputValidationException>(() => ReportPeriod.Resolve(PeriodKind.Month, 2024, null, null, null, null, today));
        Should.Throw<InputValidationException>(() => ReportPeriod.Resolve(PeriodKind.Custom, null, null, null, new(2026, 2, 1), new(2026, 1, 1), today));
        Should.Throw<InputValidationException>(() => ReportPeriod.Resolve(PeriodKind.Custom, null, null, null, new(2000, 1, 1), new(2026, 1, 1), today));
        Should.Throw<InputValidationException>(() => ReportPeriod.Resolve(PeriodKind.Year, 1999, null, null, null, null, today));
    }
}
