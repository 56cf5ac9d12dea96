using System.Text.RegularExpressions;
using Mediation.Core.Domain;

namespace Mediation.Core.Validation;

/// <summary>
/// Collects every field problem of one input before refusing it, so a form shows all its errors
/// at once. Field names are the JSON (camelCase) names the client sent.
/// </summary>
public sealed class InputValidator
{
    private readonly List<FieldError> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public InputValidator Required(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    /// <summary>For partial updates: an omitted field is fine, a field sent blank is not.</summary>
    public InputValidator NotBlankIfPresent(string? value, string field)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value)) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    public InputValidator Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null) Add(field, CoreErrorCodes.Validation.Required);
        return this;
    }

    public InputValidator MaxLength(string? value, int max, string field)
    {
        if (value is not null && value.Length > max)
            Add(field, CoreErrorCodes.Validation.MaxLength, ("max", max));
        return this;
    }

    public InputValidator Matches(string? value, Regex pattern, string field)
    {
        if (!string.IsNullOrEmpty(value) && !pattern.IsMatch(value))
            Add(field, CoreErrorCodes.Validation.Pattern);
        return this;
    }

    public InputValidator InRange(int? value, int min, int max, string field)
    {
        if (value is { } v && (v < min || v > max))
            Add(field, CoreErrorCodes.Validation.OutOfRange, ("min", min), ("max", max));
        return this;
    }

    /// <summary>No record of this system is older: an earlier date is a slip (0001-01-01 made clocks due in year 1), not history.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>How far an event that happened may lie ahead of the server clock (a desk PC's clock, a late-evening entry).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    /// <summary>How far ahead a planned date (an agreement's performance, a term) may lie.</summary>
    public const int PlanningHorizonYears = 30;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>An event that has happened: not before <see cref="EarliestDate"/>, not more than a day after <paramref name="now"/>.</summary>
    public InputValidator Happened(DateTimeOffset? value, DateTimeOffset now, string field)
    {
        if (value is not { } v) return this;
        var earliest = new DateTimeOffset(EarliestDate.ToDateTime(TimeOnly.MinValue), ChinaOffset);
        var latest = now + FutureTolerance;
        if (v < earliest) Add(field, CoreErrorCodes.Validation.DateTooEarly, ("min", Format(EarliestDate)));
        else if (v > latest) Add(field, CoreErrorCodes.Validation.DateInFuture, ("max", Format(DateOnly.FromDateTime(latest.ToOffset(ChinaOffset).DateTime))));
        return this;
    }

    /// <summary>The day of an event that has happened (China date): from <see cref="EarliestDate"/> to tomorrow.</summary>
    public InputValidator Happened(DateOnly? value, DateTimeOffset now, string field)
    {
        if (value is not { } v) return this;
        var latest = DateOnly.FromDateTime((now + FutureTolerance).ToOffset(ChinaOffset).DateTime);
        if (v < EarliestDate) Add(field, CoreErrorCodes.Validation.DateTooEarly, ("min", Format(EarliestDate)));
        else if (v > latest) Add(field, CoreErrorCodes.Validation.DateInFuture, ("max", Format(latest)));
        return this;
    }

    /// <summary>A planned day: from <see cref="EarliestDate"/> to <see cref="PlanningHorizonYears"/> years after <paramref name="now"/>.</summary>
    public InputValidator Planned(DateOnly? value, DateTimeOffset now, string field)
    {
        if (value is not { } v) return this;
        var latest = DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime).AddYears(PlanningHorizonYears);
        if (v < EarliestDate) Add(field, CoreErrorCodes.Validation.DateTooEarly, ("min", Format(EarliestDate)));
        else if (v > latest) Add(field, CoreErrorCodes.Validation.DateTooLate, ("max", Format(latest)));
        return this;
    }

    /// <summary>An instant that may be planned ahead (a clock's start): the bounds of <see cref="Planned(DateOnly?, DateTimeOffset, string)"/>.</summary>
    public InputValidator Planned(DateTimeOffset? value, DateTimeOffset now, string field) =>
        value is { } v ? Planned(ChinaDayOf(v), now, field) : this;

    // An instant in the last eight hours of DateTimeOffset's range (9999-12-31T23:59Z) has no China day; it lies past every horizon.
    private static DateOnly ChinaDayOf(DateTimeOffset instant) =>
        instant.UtcDateTime > DateTime.MaxValue - ChinaOffset ? DateOnly.MaxValue : DateOnly.FromDateTime(instant.ToOffset(ChinaOffset).DateTime);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds an error for <paramref name="field"/>; a null field means the check passed.</summary>
    public InputValidator Add(string? field, string code, params (string Name, object? Value)[] parameters)
    {
        if (field is null) return this;
        _errors.Add(new FieldError(field, code, parameters.ToDictionary(p => p.Name, p => p.Value)));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new InputValidationException(_errors.ToArray());
    }
}
