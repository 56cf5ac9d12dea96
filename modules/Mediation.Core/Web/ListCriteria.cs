using System.Linq.Expressions;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Validation;

namespace Mediation.Core.Web;

/// <summary>
/// What every filtered list checks and filters the same way: a range of China days (from the start of its first day to the end of its
/// last) and the subtree of a unit, which must lie in the caller's data scope. Each module brings its own error codes.
/// </summary>
public static class ListCriteria
{
    /// <summary>
    /// Each day within the bounds of a planned date (from 2000 to 30 years ahead), so that 0001-01-01 or 9999-12-31 is a 400 on its
    /// field and never a China day the clock cannot turn into an instant; a range that ends before it starts is an error on "to".
    /// </summary>
    public static InputValidator DateRange(this InputValidator validator, DateOnly? from, DateOnly? to, string reversedCode)
    {
        var now = DateTimeOffset.UtcNow;
        validator.Planned(from, now, "from").Planned(to, now, "to");
        return validator.Add(from is { } f && to is { } t && t < f ? "to" : null, reversedCode);
    }

    /// <summary>The path of the unit asked for (null when none is); a unit unknown or outside the caller's scope is an error on "orgUnitId".</summary>
    public static async Task<string?> UnitPathAsync(this InputValidator validator, Guid? unitId, IOrgUnitDirectory units, IDataScope scope,
        string notInScopeCode, CancellationToken ct)
    {
        if (unitId is not { } id) return null;
        var unit = await units.FindAsync(id, ct);
        var inScope = unit is not null && (scope.OrgUnitPath is not { } mine || unit.Path.StartsWith(mine, StringComparison.Ordinal));
        validator.Add(inScope ? null : "orgUnitId", notInScopeCode);
        return unit?.Path;
    }

    /// <summary>The rows whose unit lies in the subtree at <paramref name="path"/> (all of them when null), in one query.</summary>
    public static IQueryable<T> InSubtree<T>(this IQueryable<T> rows, IOrgUnitDirectory units, string? path, Expression<Func<T, Guid>> unitOf)
    {
        if (path is null) return rows;
        var subtree = units.SubtreeIds(path).Expression;
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], subtree, unitOf.Body);
        return rows.Where(Expression.Lambda<Func<T, bool>>(contains, unitOf.Parameters));
    }

    /// <summary>The rows whose time falls on the China days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IQueryable<T> OnDays<T>(this IQueryable<T> rows, DateOnly? from, DateOnly? to, Expression<Func<T, DateTimeOffset>> at)
    {
        // PostgreSQL compares timestamptz parameters only in UTC.
        if (from is { } f) rows = rows.Where(Compare(at, ExpressionType.GreaterThanOrEqual, ChinaTime.StartOfDay(f).ToUniversalTime()));
        if (to is { } t) rows = rows.Where(Compare(at, ExpressionType.LessThan, ChinaTime.StartOfDay(t.AddDays(1)).ToUniversalTime()));
        return rows;
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTimeOffset>> at, ExpressionType comparison, DateTimeOffset bound)
    {
        // A member of a captured object, as a lambda's closure is: EF sends it as a parameter, not as a literal in the SQL.
        var value = Expression.Property(Expression.Constant(new Bound(bound)), nameof(Bound.Value));
        return Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(comparison, at.Body, value), at.Parameters);
    }

    private sealed record Bound(DateTimeOffset Value);
}
