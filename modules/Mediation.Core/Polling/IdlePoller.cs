using Microsoft.Extensions.Logging;

namespace Mediation.Core.Polling;

/// <summary>
/// Wakes a background poller as soon as there may be work for it, instead of at its next poll: a write that leaves work behind
/// (an audit row to seal, an outbox message to deliver) notifies it. Notifications while nobody waits collapse into one.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); }
            catch (SemaphoreFullException) { /* another write already woke it */ }
            // A job's save while the host shuts down (the container disposes the signal after the pollers have stopped) must not fail
            // for want of a poller to wake.
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>True when a notification ended the wait, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _signal.Dispose();
    }
}

/// <summary>How the background pollers wait between rounds; a test replaces it to see every wait and decide when it ends.</summary>
internal interface IPollWaits
{
    Task DelayAsync(TimeSpan delay, CancellationToken ct);

    /// <summary>Until <paramref name="signal"/> is notified (true) or <paramref name="timeout"/> has passed (false).</summary>
    Task<bool> WaitAsync(WakeSignal signal, TimeSpan timeout, CancellationToken ct);
}

internal sealed class RuntimePollWaits : IPollWaits
{
    public Task DelayAsync(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, ct);

    public Task<bool> WaitAsync(WakeSignal signal, TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>What one round of a poller found: whether it had work, and how soon work it knows of falls due (a delivery's retry).</summary>
internal readonly record struct PollRound(bool FoundWork, TimeSpan? NextDueIn = null);

/// <summary>
/// The wait before a poller's next round: its interval while rounds find work, twice the last wait after each round that found
/// none, up to <see cref="Max"/> (a maximum below the interval is the interval). An idle host then polls, allocates and runs the
/// pollers' code a few times a minute instead of every second or two (issue 17, P5: the idle host grew 0.3-0.4 MB/s from the
/// pollers, then once more when their code was re-compiled at tier 1).
/// </summary>
internal sealed class PollRhythm(TimeSpan interval, TimeSpan max)
{
    // SemaphoreSlim.WaitAsync and Task.Delay refuse waits over int.MaxValue milliseconds (about 24.8 days): a setting above that
    // would stop the poller, so it is read as this.
    internal static readonly TimeSpan Longest = TimeSpan.FromDays(24);

    private bool _woken;

    public TimeSpan Interval { get; } = Bounded(interval);

    public TimeSpan Max { get; } = Bounded(max > interval ? max : interval);

    public TimeSpan Wait { get; private set; } = Bounded(interval);

    public bool BackedOff => Wait > Interval;

    /// <summary>
    /// A round that found nothing right after a wake keeps the interval once: the write that woke it is announced before its
    /// transaction commits (the audit row when it is made, the outbox message when it is saved), and a slow commit is found by the
    /// next round, an interval later as before the back-off, not after twice that.
    /// </summary>
    public void AfterRound(bool foundWork)
    {
        Wait = foundWork || _woken ? Interval : Wait.Ticks > Max.Ticks / 2 ? Max : Wait * 2;
        _woken = false;
    }

    /// <summary>A notification brought the poller back: the rounds start again from the interval.</summary>
    public void Woken()
    {
        Wait = Interval;
        _woken = true;
    }

    private static TimeSpan Bounded(TimeSpan wait) => wait > Longest ? Longest : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}

internal sealed record IdlePollerSettings(
    TimeSpan Interval,
    TimeSpan MaxInterval,
    // After a notification, this long before the round, so what was written meanwhile goes in the same round.
    TimeSpan SettleAfterWake,
    // The outbox has always let a commit end its wait; the audit sealer keeps its interval under load and is woken only when backed off.
    bool WakeOnlyWhenBackedOff,
    // After a failed round: a plain wait, not ended by notifications (a database that is down is not asked again at once).
    TimeSpan AfterFailure,
    string FailureMessage);

/// <summary>
/// Runs a background poller's rounds with <see cref="PollRhythm"/>'s waits. A notification of <paramref name="signal"/> ends a
/// backed-off wait (and, unless <see cref="IdlePollerSettings.WakeOnlyWhenBackedOff"/>, any wait), so work written in this host
/// is picked up as quickly as before; work written on another host waits at most <see cref="IdlePollerSettings.MaxInterval"/>.
/// A round never waits past the time its own work falls due (<see cref="PollRound.NextDueIn"/>).
/// </summary>
internal sealed class IdlePoller(IPollWaits waits, WakeSignal signal, IdlePollerSettings settings, ILogger logger)
{
    public async Task RunAsync(Func<CancellationToken, Task<PollRound>> round, CancellationToken stoppingToken)
    {
        var rhythm = new PollRhythm(settings.Interval, settings.MaxInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PollRound result;
                try
                {
                    result = await round(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "{Failure}", settings.FailureMessage);
                    await waits.DelayAsync(settings.AfterFailure, stoppingToken);
                    continue;
                }
                rhythm.AfterRound(result.FoundWork);
                var wait = result.NextDueIn is { } due && due < rhythm.Wait ? (due > TimeSpan.Zero ? due : TimeSpan.Zero) : rhythm.Wait;
                if (settings.WakeOnlyWhenBackedOff && !rhythm.BackedOff)
                {
                    await waits.DelayAsync(wait, stoppingToken);
                }
                else if (await waits.WaitAsync(signal, wait, stoppingToken))
                {
                    if (settings.SettleAfterWake > TimeSpan.Zero) await waits.DelayAsync(settings.SettleAfterWake, stoppingToken);
                    rhythm.Woken();
                }
            }
            // Stopping: a round torn down mid-way (its connection closed under it) is the stop, not a failure to log.
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
