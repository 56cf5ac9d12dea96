namespace Mediation.Host;

/// <summary>
/// Gives the start-up's garbage back to the system once the host has started. Building EF Core's model, Razor Pages' actions and
/// the endpoints leaves some 20-30 MB of dead objects that an idle host never collects (no allocation, no collection), so they
/// stayed committed for as long as the host was idle. One aggressive, compacting collection a few seconds after the start
/// (after the first readiness probes) decommits them: the GC's committed memory fell from 45-52 MB to 27 MB and the idle
/// resident set by about 25 MB (issue 17 P5, README "Start-up and memory"). It runs once; afterwards the GC keeps its own budget.
/// `Memory:TrimAfterStart` is the wait (default 5 s); "off" turns it off (the in-process test hosts, which share one GC).
/// </summary>
internal sealed class StartupMemoryTrim(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<StartupMemoryTrim> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource<GCMemoryInfo> _trimmed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The collection the trim made (its generation, whether it compacted, what stayed committed).</summary>
    public Task<GCMemoryInfo> Trimmed => _trimmed.Task;

    public static TimeSpan? Delay(IConfiguration configuration) => configuration["Memory:TrimAfterStart"] switch
    {
        null or "" => TimeSpan.FromSeconds(5),
        "off" => null,
        var text when TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var delay) && delay >= TimeSpan.Zero => delay,
        // Read once at start-up (Program): a wrong value stops the start with this message instead of failing the trim later.
        var text => throw new InvalidOperationException(
            $"Memory:TrimAfterStart must be a wait such as 00:00:05, or off; it is \"{text}\"."),
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Delay(configuration) is not { } delay) return;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        await Task.Delay(delay, stoppingToken);
        var committedBefore = GC.GetGCMemoryInfo().TotalCommittedBytes;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        logger.LogInformation("Start-up garbage collected: the GC's committed memory went from {BeforeMb} MB to {AfterMb} MB",
            committedBefore / (1024 * 1024), after.TotalCommittedBytes / (1024 * 1024));
        _trimmed.TrySetResult(after);
    }
}
