using Mediation.Core.Notifications.Data;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Web.Notifications;

/// <summary>
/// Delivers queued e-mail and SMS notices. Each notice is claimed with a conditional UPDATE (a
/// lease), so several hosts may dispatch at once; delivery is at least once (a crash after sending
/// but before marking it sent repeats that one message).
/// </summary>
public sealed class NoticeDispatcher(
    MediationDbContext db, IEmailSender email, ISmsSender sms, PersonalDataProtector protector, TimeProvider clock, IOptions<NotificationOptions> options,
    ILogger<NoticeDispatcher> logger)
{
    public const string JobId = "notifications:dispatch";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var channels = email.IsConfigured ? new[] { NoticeChannel.Email, NoticeChannel.Sms } : [NoticeChannel.Sms];
        var pending = await db.Set<Notice>().AsNoTracking()
            .Where(n => channels.Contains(n.Channel) && n.SentAt == null && n.Attempts < maxAttempts)
            .WhereLeaseFree(n => n.ClaimedUntil, await db.DatabaseNowAsync(ct))
            .OrderBy(n => n.CreatedAt).Select(n => n.Id).Take(100).ToListAsync(ct);
        var sent = 0;
        foreach (var id in pending)
        {
            if (!await db.TryClaimAsync(db.Set<Notice>().Where(n => n.Id == id && n.SentAt == null), n => n.ClaimedUntil, Lease, ct,
                    alsoSet: s => s.SetProperty(n => n.Attempts, n => n.Attempts + 1)))
                continue;
            var notice = await db.Set<Notice>().AsNoTracking().SingleAsync(n => n.Id == id, ct);
            try
            {
                var recipient = notice.Recipient!.StartsWith(Notice.ProtectedRecipientPrefix, StringComparison.Ordinal)
                    ? protector.Decrypt(notice.Recipient[Notice.ProtectedRecipientPrefix.Length..])
                    : notice.Recipient;
                if (notice.Channel is NoticeChannel.Email) await email.SendAsync(recipient, notice.Subject, notice.Body, ct);
                else await sms.SendAsync(recipient, notice.Subject + "\n" + notice.Body, ct);
                var at = clock.GetUtcNow().ToUniversalTime();
                await db.Set<Notice>().Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.SentAt, at).SetProperty(n => n.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Notice {NoticeId} ({Channel}) not delivered", id, notice.Channel);
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                await db.Set<Notice>().Where(n => n.Id == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedUntil, (DateTimeOffset?)null).SetProperty(n => n.LastError, error), ct);
            }
        }
        return sent;
    }
}
