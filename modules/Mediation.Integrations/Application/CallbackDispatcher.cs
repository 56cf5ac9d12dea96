using System.Net.Http.Headers;
using System.Text;
using Mediation.Core.Data;
using Mediation.Core.PersonalData;
using Mediation.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Integrations.Application;

public sealed class CallbackOptions
{
    public const string Section = "Integrations:Callbacks";

    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
    public int MaxAttempts { get; set; } = 10;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    internal CallbackBackoff Backoff => new(FirstRetryAfter, MaxDelay, MaxAttempts);
}

/// <summary>
/// Sends the queued callbacks that are due, as the notice dispatcher sends mail: each message is claimed with a conditional UPDATE (a
/// lease), so several hosts may run it; delivery is at least once (a crash after the receiver's 2xx but before it is recorded repeats that
/// message, with the same delivery id). A work order's messages go in stage order: one waits while an earlier one is still pending.
/// </summary>
internal sealed class CallbackDispatcher(
    MediationDbContext db, IHttpClientFactory httpClients, PersonalDataProtector protector, TimeProvider clock, IOptions<CallbackOptions> options,
    ILogger<CallbackDispatcher> logger)
{
    public const string JobId = "integrations:callbacks";
    public const string HttpClientName = "integrations-callbacks";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<CallbackDelivery>().AsNoTracking()
            .Where(d => d.DeliveredAt == null && !d.Abandoned && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Stage).Select(d => new { d.Id, d.WorkOrderId, d.Stage }).Take(100).ToListAsync(ct);
        var delivered = 0;
        foreach (var candidate in due)
        {
            var earlierPending = await db.Set<CallbackDelivery>().AnyAsync(d => d.WorkOrderId == candidate.WorkOrderId && d.Stage < candidate.Stage
                && d.DeliveredAt == null && !d.Abandoned, ct);
            if (earlierPending) continue;
            // The claim is one conditional UPDATE: of two hosts only one takes the row. It is reckoned on this host's clock; a lease of
            // minutes tolerates the hosts' skew, and a message sent twice carries the same delivery id for the receiver to drop.
            var claimedAt = clock.GetUtcNow();
            var claimed = await db.Set<CallbackDelivery>()
                .Where(d => d.Id == candidate.Id && d.DeliveredAt == null && !d.Abandoned && (d.ClaimedUntil == null || d.ClaimedUntil < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, claimedAt + Lease), ct);
            if (claimed == 0) continue;
            if (await SendAsync(candidate.Id, ct)) delivered++;
        }
        return delivered;
    }

    private async Task<bool> SendAsync(Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var delivery = await db.Set<CallbackDelivery>().SingleAsync(d => d.Id == id, ct);
        var system = await db.Set<IntegratingSystem>().AsNoTracking().SingleAsync(s => s.Id == delivery.SystemId, ct);
        int? status = null;
        string? error = null;
        try
        {
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, system.CallbackUrl)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(IntegrationsModuleInfo.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(IntegrationsModuleInfo.SignatureHeader, CallbackSignature.Compute(protector.Decrypt(system.CallbackSecretCipher), timestamp, delivery.Payload));
            request.Headers.Add(IntegrationsModuleInfo.DeliveryHeader, delivery.Id.ToString());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) error = $"HTTP {status} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            error = ex is TaskCanceledException ? $"no answer within {options.Value.Timeout.TotalSeconds:0} s" : ex.Message;
        }
        var attempt = delivery.Record(status, error, clock.GetUtcNow(), options.Value.Backoff);
        if (error is not null)
            logger.LogWarning("Callback {DeliveryId} to system {SystemId} failed on attempt {Attempt}: {Error}", delivery.Id, system.Id, attempt.Number, error);
        await db.SaveChangesAsync(ct);
        return delivery.DeliveredAt is not null;
    }
}
