using Mediation.Core.Data;
using Mediation.Core.PersonalData;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Jobs;

/// <summary>
/// Encrypts the attachments older versions stored in plain text (ID-card scans are typical), a few at a time. Safe to run
/// on every host and as often as Hangfire likes: one host at a time holds the work lease, and a file already
/// encrypted is neither selected (its cipher text is longer than the original's recorded size) nor changed (it starts
/// with the cipher marker).
/// </summary>
internal sealed class AttachmentEncryptionJob(MediationDbContext db, PersonalDataProtector protector, IWorkLeases leases)
{
    public const string JobId = "petitions:attachment-encryption";
    private const int Batch = 20;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var encrypted = 0;
        while (await leases.TryTakeAsync(JobId, Lease, ct))
        {
            var plain = await db.Set<PetitionAttachment>().IgnoreQueryFilters()
                .Where(a => a.Content.Length == a.SizeBytes)
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (plain.Count == 0) break;
            encrypted += plain.Count(a => a.EncryptStoredPlainText(protector));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return encrypted;
    }
}
