using Mediation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Auditing;

/// <summary>A named, time-limited lock row: at most one host holds it, and a crashed holder's lease expires.</summary>
internal sealed class Lease
{
    public required string Name { get; init; }
    public string? Holder { get; set; }
    public DateTimeOffset LockedUntil { get; set; }

    public static async Task<bool> TryAcquireAsync(MediationDbContext db, string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        if (await db.TryClaimAsync(db.Set<Lease>().Where(l => l.Name == name), l => l.LockedUntil, duration, ct,
                heldByUs: l => l.Holder == holder, alsoSet: s => s.SetProperty(l => l.Holder, holder)))
            return true;
        if (await db.Set<Lease>().AnyAsync(l => l.Name == name, ct)) return false;
        try
        {
            db.Add(new Lease { Name = name, Holder = holder, LockedUntil = await db.DatabaseNowAsync(ct) + duration });
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // another host created it first
        }
    }
}
