using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Mediation.Core.Data;

/// <summary>
/// The one claim-with-lease primitive of the background workers (outbox dispatcher, notice dispatcher, audit sealer):
/// a conditional UPDATE takes a row only while its lease is free, and "free" and the new lease end are reckoned on
/// the database's clock, not the host's — hosts whose clocks disagree still never hold one row at the same time.
/// </summary>
internal static class LeaseClaims
{
    public static async Task<DateTimeOffset> DatabaseNowAsync(this DbContext db, CancellationToken ct)
    {
        var provider = db.Database.ProviderName ?? "";
        // Selected as text: the scalar then needs no type mapping, and SQLite has no date-time type anyway.
        var sql = provider.Contains("Npgsql", StringComparison.Ordinal)
            ? """SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "Value" """
            : provider.Contains("SqlServer", StringComparison.Ordinal)
                ? "SELECT CONVERT(varchar(27), SYSUTCDATETIME(), 126) AS [Value]"
                : "SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now') AS \"Value\""; // SQLite runs in this process: its clock is the host's
        var text = await db.Database.SqlQueryRaw<string>(sql).SingleAsync(ct);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>The rows whose lease (<paramref name="leasedUntil"/>: none, or ended) is free at <paramref name="now"/>.</summary>
    public static IQueryable<T> WhereLeaseFree<T, TUntil>(this IQueryable<T> rows, Expression<Func<T, TUntil>> leasedUntil, DateTimeOffset now) =>
        rows.Where(FreeAt(leasedUntil, now, orHeld: null));

    /// <summary>
    /// Claims the row(s) of <paramref name="row"/> whose lease is free — or already held, by <paramref name="heldByUs"/> —
    /// for <paramref name="lease"/> from the database's now, setting <paramref name="alsoSet"/> in the same statement.
    /// True when this caller took it; of any number of concurrent callers exactly one does.
    /// </summary>
    public static async Task<bool> TryClaimAsync<T, TUntil>(this DbContext db, IQueryable<T> row, Expression<Func<T, TUntil>> leasedUntil, TimeSpan lease,
        CancellationToken ct, Expression<Func<T, bool>>? heldByUs = null, Action<UpdateSettersBuilder<T>>? alsoSet = null)
    {
        var now = await db.DatabaseNowAsync(ct);
        var until = (TUntil)(object)(now + lease);
        var claimed = await row.Where(FreeAt(leasedUntil, now, heldByUs)).ExecuteUpdateAsync(s =>
        {
            s.SetProperty(leasedUntil, until);
            alsoSet?.Invoke(s);
        }, ct);
        return claimed > 0;
    }

    private static Expression<Func<T, bool>> FreeAt<T, TUntil>(Expression<Func<T, TUntil>> leasedUntil, DateTimeOffset now, Expression<Func<T, bool>>? orHeld)
    {
        // The instant goes in through a captured box, so EF sends it as a parameter and caches one query shape.
        var nowValue = Expression.Field(Expression.Constant(new StrongBox<TUntil>((TUntil)(object)now)), nameof(StrongBox<TUntil>.Value));
        var until = leasedUntil.Body;
        Expression free = Expression.LessThan(until, nowValue);
        if (Nullable.GetUnderlyingType(typeof(TUntil)) is not null)
            free = Expression.OrElse(Expression.Equal(until, Expression.Constant(null, typeof(TUntil))), free);
        if (orHeld is not null)
            free = Expression.OrElse(free, new ParameterSwap(orHeld.Parameters[0], leasedUntil.Parameters[0]).Visit(orHeld.Body));
        return Expression.Lambda<Func<T, bool>>(free, leasedUntil.Parameters);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
