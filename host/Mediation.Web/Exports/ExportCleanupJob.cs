using Mediation.Core.Data;
using Mediation.Core.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Exports;

/// <summary>
/// Deletes exports past their expiry (the file goes with its row), and ends those no job will finish: queued or running for
/// longer than any export takes (a lost enqueue, a host gone for good), so their owner sees a failure instead of a wait.
/// </summary>
internal sealed class ExportCleanupJob(MediationDbContext db, IOptions<ExportOptions> options, TimeProvider clock)
{
    public const string JobId = "exports:cleanup";
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(6);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Set<ExportJob>().Where(e => e.ExpiresAt != null && e.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var abandonedBefore = now - Abandoned;
        var stuck = await db.Set<ExportJob>()
            .Where(e => (e.State == ExportJobState.Queued || e.State == ExportJobState.Running) && e.RequestedAt < abandonedBefore)
            .ToListAsync(ct);
        foreach (var job in stuck) job.Fail(ExportErrorCodes.Interrupted, now, options.Value.Retention);
        await db.SaveChangesAsync(ct);
    }
}
