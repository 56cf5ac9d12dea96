using Shouldly;

namespace Mediation.Tests.Infrastructure;

/// <summary>
/// Waits for work the host does in the background (the outbox every 200 ms, Hangfire jobs, change-event handlers): reads again
/// until the condition holds, then returns what it read. The bound is generous because CI shares two cores; the test still fails
/// with <paramref name="what"/> named when the work never happens.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool> holds, string what)
    {
        var end = DateTime.UtcNow + Bound;
        while (true)
        {
            var value = await read();
            if (holds(value)) return value;
            if (DateTime.UtcNow >= end) throw new ShouldAssertException($"{what} did not happen within {Bound.TotalSeconds:0} s");
            await Task.Delay(Step);
        }
    }

    public static async Task<T> Async<T>(Func<Task<T?>> probe, string what) where T : class =>
        (await Async(probe, found => found is not null, what))!;
}
