using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Data;

/// <summary>
/// A save refused by a unique index: two writers raced past the service's "already there?" check and the index decided.
/// Read from the provider's message (SQLite "UNIQUE constraint failed", PostgreSQL 23505, SQL Server "duplicate key"),
/// so the kernel needs no provider package.
/// </summary>
public static class UniqueViolations
{
    public static bool IsUniqueViolation(this DbUpdateException ex) =>
        ex is not DbUpdateConcurrencyException && ex.InnerException?.Message is { } m
        && (m.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || m.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
            || m.Contains("23505", StringComparison.Ordinal));
}
