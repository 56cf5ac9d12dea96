using Mediation.Core.Validation;

namespace Mediation.Statistics.Domain;

/// <summary>A reporting period of China dates, both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxYears = 10;

    /// <summary>The period asked for; bad or missing parts are field errors (400), checked before anything is read.</summary>
    public static ReportPeriod Resolve(PeriodKind? kind, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var y = year ?? today.Year;
        var validator = new InputValidator().InRange(year, 2000, 2100, "year");
        switch (kind)
        {
            case PeriodKind.Quarter: validator.Required(quarter, "quarter").InRange(quarter, 1, 4, "quarter"); break;
            case PeriodKind.Month: validator.Required(month, "month").InRange(month, 1, 12, "month"); break;
            case PeriodKind.Custom:
                validator.Required(from, "from").Required(to, "to");
                validator.Add(from is { } f && (f.Year < 2000 || f.Year > 2100) ? "from" : null, StatisticsErrorCodes.PeriodInvalid);
                validator.Add(to is { } t && (t.Year < 2000 || t.Year > 2100) ? "to" : null, StatisticsErrorCodes.PeriodInvalid);
                validator.Add(from > to ? "to" : null, StatisticsErrorCodes.PeriodInvalid);
                validator.Add(from is { } a && to is { } b && b > a.AddYears(MaxYears) ? "to" : null, StatisticsErrorCodes.PeriodTooLong,
                    ("max", MaxYears));
                break;
            case null:
                validator.Add(from is not null || to is not null ? "period" : null, StatisticsErrorCodes.PeriodInvalid);
                break;
        }
        validator.ThrowIfInvalid();
        return kind switch
        {
            PeriodKind.Quarter => Months(new DateOnly(y, quarter!.Value * 3 - 2, 1), 3),
            PeriodKind.Month => Months(new DateOnly(y, month!.Value, 1), 1),
            PeriodKind.Custom => new ReportPeriod(from!.Value, to!.Value),
            _ => Months(new DateOnly(y, 1, 1), 12),
        };
    }

    public static ReportPeriod Months(DateOnly first, int months) => new(first, first.AddMonths(months).AddDays(-1));

    /// <summary>The same dates a year earlier; 29 February becomes the 28th.</summary>
    public ReportPeriod YearBefore() => new(From.AddYears(-1), To.AddYears(-1));
}
