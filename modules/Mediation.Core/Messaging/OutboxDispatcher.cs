using System.Diagnostics;
using Mediation.Core.Data;
using Mediation.Core.Polling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public bool DispatcherEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest wait of an idle dispatcher: after each round that found nothing the wait doubles up to this (never past a failed
    /// delivery's retry). A commit in this host wakes it (<see cref="OutboxSignal"/>); a message committed on another host waits at
    /// most this long. Below the interval: the interval.
    /// </summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a commit wakes the dispatcher, it waits this long so the commits arriving meanwhile go in the same round.</summary>
    public TimeSpan CoalesceDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(2);
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// The most messages of a merged change feed one handler takes in one transaction. A round's whole merged statistics refresh held
    /// SQLite's one write gate for 40 ms and more (50 messages of up to 64 registrations each), and every registration queued behind
    /// it; in parts of three the holds are short and intake's batches go in between. Intake on SQLite, the same build alternated
    /// (issue 17, session 30, four rounds): p99 74–95 ms in one part, 57–60 ms in parts of three; each part pays its own transaction,
    /// so requests/s fell to 0.94× and host CPU per registration rose to 1.04× (medians; README "Intake").
    /// </summary>
    public int MergedPerTransaction { get; set; } = 3;
    public int MaxAttempts { get; set; } = 10;
    public TimeSpan KeepProcessedFor { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// Delivers committed outbox messages to their handlers at least once. Several hosts may run it:
/// a message is claimed with a conditional UPDATE (lease), and the inbox key makes a repeated
/// delivery to the same handler a no-op.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IntegrationEventRegistry registry,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    IOptions<JsonSerializerOptionsHolder> json,
    ILogger<OutboxDispatcher> logger)
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// A lease's end is the database's time (to the millisecond on SQLite) and the dispatcher's waits are the host's: a retry is
    /// looked for this much after its lease ends, so the round that looks finds it free.
    /// </summary>
    internal static readonly TimeSpan RetryGrace = TimeSpan.FromMilliseconds(50);

    // When the deliveries that failed in this host may be tried again (Stopwatch timestamps), so an idle dispatcher's wait ends then.
    private readonly PriorityQueue<long, long> _retries = new();

    public async Task<int> DispatchPendingAsync(CancellationToken ct) => (await DispatchRoundAsync(ct)).Finished;

    /// <summary>One round: the messages it finished, whether it found any to try, and when the next known retry falls due.</summary>
    internal async Task<OutboxRound> DispatchRoundAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        List<OutboxCandidate> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            candidates = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.ProcessedAt == null && m.Attempts < options.Value.MaxAttempts)
                .WhereLeaseFree(m => m.LockedUntil, await db.DatabaseNowAsync(ct))
                .OrderBy(m => m.OccurredAt)
                .Select(m => new OutboxCandidate(m.Id, m.EventName))
                .Take(options.Value.BatchSize)
                .ToListAsync(ct);
        }

        var finished = 0;
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!registry.Merges(candidate.EventName))
            {
                if (await TryDeliverAsync(candidate.Id, ct)) finished++;
            }
            // A change feed only names records to read again: every message of its name in this round reaches each handler at once
            // (issue 17: one statistics refresh per registration cost as much host CPU as the registration itself).
            else if (merged.Add(candidate.EventName))
            {
                finished += await TryDeliverMergedAsync(candidate.EventName,
                    candidates.Where(c => c.EventName == candidate.EventName).Select(c => c.Id).ToList(), ct);
            }
        }
        return new OutboxRound(finished, candidates.Count > 0, NextRetryIn(started));
    }

    private void RememberRetry(TimeSpan backoff)
    {
        var due = Stopwatch.GetTimestamp() + (long)((backoff + RetryGrace).TotalSeconds * Stopwatch.Frequency);
        lock (_retries) _retries.Enqueue(due, due);
    }

    /// <summary>
    /// How long until the earliest retry this host knows of; those due before the round started were looked for by it and are
    /// forgotten (one due while it ran gives zero: another round at once).
    /// </summary>
    private TimeSpan? NextRetryIn(long roundStarted)
    {
        lock (_retries)
        {
            while (_retries.TryPeek(out var due, out _) && due <= roundStarted) _retries.Dequeue();
            if (!_retries.TryPeek(out var next, out _)) return null;
            var now = Stopwatch.GetTimestamp();
            return next > now ? Stopwatch.GetElapsedTime(now, next) : TimeSpan.Zero;
        }
    }

    private async Task<int> TryDeliverMergedAsync(string eventName, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 1) return await TryDeliverAsync(ids[0], ct) ? 1 : 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var claim = $"{_instance}:{Guid.NewGuid():N}";
        if (!await db.TryClaimAsync(db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.ProcessedAt == null), m => m.LockedUntil, options.Value.LockDuration, ct,
                alsoSet: s => s.SetProperty(m => m.LockedBy, claim)))
            return 0;
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id) && m.LockedBy == claim && m.ProcessedAt == null)
            .OrderBy(m => m.OccurredAt).ToListAsync(ct);
        var claimed = messages.Select(m => m.Id).ToList();
        try
        {
            var events = messages.Select(m => registry.Deserialize(m.EventName, m.Payload, json.Value.Options)).ToList();
            foreach (var handler in registry.HandlersOf(eventName))
                await DeliverMergedToHandlerAsync(handler, eventName, messages, events, ct);
            DateTimeOffset? processedAt = clock.GetUtcNow();
            await db.OutboxMessages.Where(m => claimed.Contains(m.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, processedAt)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
            return messages.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Any one message may be what fails: the lease is let go and each is delivered alone, with its own attempts and back-off
            // (the handlers that already took the merged event have its inbox rows and are skipped).
            logger.LogWarning(ex, "Merged delivery of {Count} outbox messages ({EventName}) failed; delivering them one by one", messages.Count, eventName);
            await db.OutboxMessages.Where(m => claimed.Contains(m.Id) && m.LockedBy == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), ct);
            var finished = 0;
            foreach (var id in claimed)
                if (await TryDeliverAsync(id, ct)) finished++;
            return finished;
        }
    }

    private async Task DeliverMergedToHandlerAsync(IntegrationEventHandlerRegistration handler, string eventName, List<OutboxMessage> messages,
        List<IIntegrationEvent> events, CancellationToken ct)
    {
        List<int> pending;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var ids = messages.Select(m => m.Id).ToList();
            var handled = (await db.InboxMessages.Where(i => ids.Contains(i.MessageId) && i.HandlerName == handler.HandlerName)
                .Select(i => i.MessageId).ToListAsync(ct)).ToHashSet();
            pending = Enumerable.Range(0, messages.Count).Where(i => !handled.Contains(messages[i].Id)).ToList();
            // A filtering handler is asked once for the round, before any transaction: a round that does not concern it is not
            // delivered, and leaves no inbox rows (asked again if the round is delivered again).
            if (pending.Count > 0 && handler.Concerns is { } concerns
                && !await concerns(scope.ServiceProvider, registry.Merge(eventName, [.. pending.Select(i => events[i])]), ct))
                return;
        }
        // Each part commits with its inbox rows: a failure later in the round leaves the parts before it handled.
        foreach (var part in pending.Chunk(Math.Max(1, options.Value.MergedPerTransaction)))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            // The handler sees the part's latest message: the records it names had every change of the part by then.
            var last = messages[part[^1]];
            var context = new IntegrationEventContext(last.Id, last.OccurredAt, last.CorrelationId);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            db.InboxMessages.AddRange(part.Select(i => new InboxMessage { MessageId = messages[i].Id, HandlerName = handler.HandlerName, HandledAt = now }));
            await handler.Invoke(scope.ServiceProvider, registry.Merge(eventName, [.. part.Select(i => events[i])]), context, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private async Task<bool> TryDeliverAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        if (!await db.TryClaimAsync(db.OutboxMessages.Where(m => m.Id == id && m.ProcessedAt == null), m => m.LockedUntil, options.Value.LockDuration, ct,
                alsoSet: s => s.SetProperty(m => m.LockedBy, _instance)))
            return false;

        var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
        try
        {
            var integrationEvent = registry.Deserialize(message.EventName, message.Payload, json.Value.Options);
            var context = new IntegrationEventContext(message.Id, message.OccurredAt, message.CorrelationId);
            foreach (var handler in registry.HandlersOf(message.EventName))
                await DeliverToHandlerAsync(handler, integrationEvent, context, ct);

            message.ProcessedAt = clock.GetUtcNow();
            message.LockedUntil = null;
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Outbox message {MessageId} ({EventName}) failed on attempt {Attempt}", message.Id, message.EventName, message.Attempts + 1);
            db.ChangeTracker.Clear();
            var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, message.Attempts + 1)));
            var error = ex.GetType().Name + ": " + ex.Message;
            var retryAt = await db.DatabaseNowAsync(ct) + backoff; // the lease clock is the database's
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error.Length > 4000 ? error[..4000] : error)
                .SetProperty(m => m.LockedUntil, retryAt), ct);
            RememberRetry(backoff);
            return false;
        }
    }

    private async Task DeliverToHandlerAsync(
        IntegrationEventHandlerRegistration handler, IIntegrationEvent integrationEvent, IntegrationEventContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var alreadyHandled = await db.InboxMessages.AnyAsync(i => i.MessageId == context.MessageId && i.HandlerName == handler.HandlerName, ct);
        if (alreadyHandled) return;
        if (handler.Concerns is { } concerns && !await concerns(scope.ServiceProvider, integrationEvent, ct)) return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.InboxMessages.Add(new InboxMessage { MessageId = context.MessageId, HandlerName = handler.HandlerName, HandledAt = clock.GetUtcNow() });
        await handler.Invoke(scope.ServiceProvider, integrationEvent, context, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task<int> DeleteProcessedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.KeepProcessedFor;
        return await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}

internal sealed record OutboxCandidate(Guid Id, string EventName);

internal readonly record struct OutboxRound(int Finished, bool FoundWork, TimeSpan? NextRetryIn);

/// <summary>
/// Delivers in the background: a commit in this host wakes it (after <see cref="OutboxOptions.CoalesceDelay"/>, so one round takes
/// the commits arriving meanwhile); otherwise every <see cref="OutboxOptions.PollInterval"/> while rounds find messages, then less
/// and less often up to <see cref="OutboxOptions.MaxPollInterval"/>, never past a failed delivery's retry.
/// </summary>
internal sealed class OutboxDispatcherService(OutboxDispatcher dispatcher, OutboxSignal signal, IPollWaits waits, IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outbox = options.Value;
        if (!outbox.DispatcherEnabled) return Task.CompletedTask;
        var poller = new IdlePoller(waits, signal, new IdlePollerSettings(outbox.PollInterval, outbox.MaxPollInterval,
            SettleAfterWake: outbox.CoalesceDelay, WakeOnlyWhenBackedOff: false, AfterFailure: outbox.PollInterval,
            FailureMessage: "Outbox dispatch round failed"), logger);
        return poller.RunAsync(async ct =>
        {
            var round = await dispatcher.DispatchRoundAsync(ct);
            return new PollRound(round.FoundWork, round.NextRetryIn);
        }, stoppingToken);
    }
}

/// <summary>Recurring Hangfire job: processed outbox rows are kept a week for diagnosis, then removed.</summary>
public sealed class OutboxCleanupJob(OutboxDispatcher dispatcher)
{
    public Task<int> RunAsync(CancellationToken ct) => dispatcher.DeleteProcessedAsync(ct);
}
