using System.Collections.Concurrent;
using Mediation.Core.Auditing;
using Mediation.Core.Messaging;
using Mediation.Core.Polling;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Issue 17, P5: the audit sealer and the outbox dispatcher poll at their interval while rounds find work and back off while the
/// host is idle, woken by a write in this host. The rule on its own, with rounds and waits played by the test: every wait the
/// poller asks for is recorded and ends at once (or by the signal), so nothing here depends on a clock.
/// </summary>
public sealed class IdlePoller_Tests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(1.6);

    [Fact]
    public async Task Waits_double_after_each_round_without_work_and_never_exceed_the_cap()
    {
        var waits = await RunAsync(Settings(wakeOnlyWhenBackedOff: true), rounds: 8, _ => new PollRound(false));

        waits.Select(w => w.Duration.TotalSeconds).ShouldBe([0.2, 0.4, 0.8, 1.6, 1.6, 1.6, 1.6, 1.6]);
        waits.ShouldAllBe(w => w.Duration <= Cap);
    }

    [Fact]
    public async Task A_round_with_work_brings_the_wait_back_to_the_interval()
    {
        bool[] found = [false, false, false, true, false];
        var waits = await RunAsync(Settings(wakeOnlyWhenBackedOff: true), rounds: found.Length, round => new PollRound(found[round]));

        waits.Select(w => w.Duration.TotalSeconds).ShouldBe([0.2, 0.4, 0.8, 0.1, 0.2]);
        waits[3].Kind.ShouldBe(WaitKind.Delay, "at the interval the sealer keeps its rhythm: no signal ends that wait");
    }

    [Fact]
    public async Task A_cap_below_the_interval_means_the_interval()
    {
        var waits = await RunAsync(Settings(wakeOnlyWhenBackedOff: true) with { Interval = TimeSpan.FromHours(1) }, rounds: 3, _ => new PollRound(false));

        waits.ShouldAllBe(w => w.Duration == TimeSpan.FromHours(1) && w.Kind == WaitKind.Delay);
    }

    [Fact]
    public async Task A_signal_ends_a_backed_off_wait_then_the_poller_settles_and_starts_again_from_the_interval()
    {
        using var signal = new AuditSignal();
        using var waits = new InstantPollWaits(stopAfter: 6);
        var rounds = 0;
        await new IdlePoller(waits, signal, Settings(wakeOnlyWhenBackedOff: true), NullLogger.Instance).RunAsync(_ =>
        {
            // After the third round a row is written: its signal ends the backed-off wait that follows.
            if (++rounds == 3) signal.Notify();
            return Task.FromResult(new PollRound(false));
        }, waits.Stopping);

        waits.Calls.Select(w => (w.Kind, w.Duration.TotalSeconds, w.Signalled)).ShouldBe(
        [
            (WaitKind.Signal, 0.2, false),
            (WaitKind.Signal, 0.4, false),
            (WaitKind.Signal, 0.8, true),
            (WaitKind.Delay, 0.05, false), // the settling delay before the round that seals the new row
            (WaitKind.Delay, 0.1, false), // that round found nothing (the row not committed yet?): one interval more before backing off
            (WaitKind.Signal, 0.2, false),
        ]);
    }

    [Fact]
    public async Task A_wait_longer_than_the_runtime_can_wait_is_read_as_24_days()
    {
        var waits = await RunAsync(Settings(wakeOnlyWhenBackedOff: false) with { MaxInterval = TimeSpan.MaxValue }, rounds: 40, _ => new PollRound(false));

        waits.ShouldAllBe(w => w.Duration <= PollRhythm.Longest);
        waits[^1].Duration.ShouldBe(PollRhythm.Longest, "the doubling reaches the longest wait and stays there");
        (await RunAsync(Settings(wakeOnlyWhenBackedOff: true) with { Interval = TimeSpan.FromDays(365) }, rounds: 2, _ => new PollRound(false)))
            .ShouldAllBe(w => w.Duration == PollRhythm.Longest);
    }

    [Fact]
    public async Task A_round_that_fails_because_the_host_is_stopping_ends_the_poller_without_an_error()
    {
        using var signal = new OutboxSignal();
        using var stopping = new CancellationTokenSource();
        using var waits = new InstantPollWaits(stopAfter: 10);
        var logger = new CountingLogger();

        await new IdlePoller(waits, signal, Settings(wakeOnlyWhenBackedOff: false), logger).RunAsync(async _ =>
        {
            // The host stops while the round runs and its connection is closed under it: not an OperationCanceledException.
            await stopping.CancelAsync();
            throw new InvalidOperationException("the connection was closed");
        }, stopping.Token).WaitAsync(TimeSpan.FromSeconds(60));

        logger.Errors.ShouldBe(0);
        waits.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void A_write_while_the_host_disposes_its_signals_still_saves()
    {
        var signal = new AuditSignal();
        signal.Dispose();

        Should.NotThrow(signal.Notify, "an audit row made at shutdown must not fail its save for want of a poller to wake");
    }

    [Fact]
    public async Task Under_load_a_signal_does_not_shorten_the_sealers_interval()
    {
        using var signal = new AuditSignal();
        using var waits = new InstantPollWaits(stopAfter: 3);
        await new IdlePoller(waits, signal, Settings(wakeOnlyWhenBackedOff: true), NullLogger.Instance).RunAsync(_ =>
        {
            signal.Notify();
            return Task.FromResult(new PollRound(true));
        }, waits.Stopping);

        waits.Calls.ShouldAllBe(w => w.Kind == WaitKind.Delay && w.Duration == Interval);
    }

    [Fact]
    public async Task A_retry_due_before_the_cap_is_not_waited_past()
    {
        var due = TimeSpan.FromSeconds(0.5);
        var waits = await RunAsync(Settings(wakeOnlyWhenBackedOff: false), rounds: 6, _ => new PollRound(false, due));

        waits.Select(w => w.Duration.TotalSeconds).ShouldBe([0.2, 0.4, 0.5, 0.5, 0.5, 0.5]);
    }

    [Fact]
    public async Task A_failed_round_waits_its_failure_wait_and_the_poller_goes_on()
    {
        using var signal = new OutboxSignal();
        using var waits = new InstantPollWaits(stopAfter: 3);
        var rounds = 0;
        await new IdlePoller(waits, signal, Settings(wakeOnlyWhenBackedOff: false), NullLogger.Instance).RunAsync(_ =>
            ++rounds == 2 ? throw new InvalidOperationException("database down") : Task.FromResult(new PollRound(false)), waits.Stopping);

        waits.Calls.Select(w => (w.Kind, w.Duration.TotalSeconds)).ShouldBe([(WaitKind.Signal, 0.2), (WaitKind.Delay, 0.5), (WaitKind.Signal, 0.4)]);
    }

    private static IdlePollerSettings Settings(bool wakeOnlyWhenBackedOff) => new(Interval, Cap,
        SettleAfterWake: TimeSpan.FromMilliseconds(50), WakeOnlyWhenBackedOff: wakeOnlyWhenBackedOff, AfterFailure: TimeSpan.FromSeconds(0.5),
        FailureMessage: "round failed");

    private static async Task<IReadOnlyList<RecordedWait>> RunAsync(IdlePollerSettings settings, int rounds, Func<int, PollRound> round)
    {
        using var signal = new OutboxSignal();
        using var waits = new InstantPollWaits(stopAfter: rounds);
        var played = 0;
        await new IdlePoller(waits, signal, settings, NullLogger.Instance).RunAsync(_ => Task.FromResult(round(played++)), waits.Stopping)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return waits.Calls;
    }
}

internal enum WaitKind { Delay, Signal }

internal sealed class CountingLogger : Microsoft.Extensions.Logging.ILogger
{
    public int Errors { get; private set; }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
        Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Error) Errors++;
    }
}

internal sealed record RecordedWait(WaitKind Kind, TimeSpan Duration, bool Signalled);

/// <summary>Records every wait and ends it at once: a signal wait ends signalled when the signal was notified before it began.</summary>
internal sealed class InstantPollWaits(int stopAfter) : IPollWaits, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<RecordedWait> _calls = [];

    public CancellationToken Stopping => _stop.Token;

    public IReadOnlyList<RecordedWait> Calls => _calls;

    public Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        Record(new RecordedWait(WaitKind.Delay, delay, false));
        return Task.CompletedTask;
    }

    public async Task<bool> WaitAsync(WakeSignal signal, TimeSpan timeout, CancellationToken ct)
    {
        var signalled = await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
        Record(new RecordedWait(WaitKind.Signal, timeout, signalled));
        return signalled;
    }

    public void Dispose() => _stop.Dispose();

    private void Record(RecordedWait wait)
    {
        _calls.Add(wait);
        if (_calls.Count >= stopAfter) _stop.Cancel();
        _stop.Token.ThrowIfCancellationRequested();
    }
}

/// <summary>
/// The host's waits as the runtime does them, except that a signal wait longer than <paramref name="parkAbove"/> ends only by its
/// signal: a poller that backed off that far stays parked until a write in this host wakes it, whatever the time.
/// </summary>
internal sealed class ParkingPollWaits(TimeSpan parkAbove) : IPollWaits
{
    private readonly ConcurrentDictionary<Type, TaskCompletionSource> _parked = new();

    /// <summary>Completes once the poller of <typeparamref name="TSignal"/> is parked (at once when it already is).</summary>
    public Task Parked<TSignal>() where TSignal : WakeSignal => Parking(typeof(TSignal)).Task;

    public Task DelayAsync(TimeSpan delay, CancellationToken ct) => Task.Delay(delay, ct);

    public async Task<bool> WaitAsync(WakeSignal signal, TimeSpan timeout, CancellationToken ct)
    {
        if (timeout <= parkAbove) return await signal.WaitAsync(timeout, ct);
        var parking = Parking(signal.GetType());
        parking.TrySetResult();
        try
        {
            return await signal.WaitAsync(Timeout.InfiniteTimeSpan, ct);
        }
        finally
        {
            _parked.TryUpdate(signal.GetType(), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), parking);
        }
    }

    private TaskCompletionSource Parking(Type signal) =>
        _parked.GetOrAdd(signal, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
