using System.Text.Json;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// Issue 17 P1: settings of the shipped host that intake's CPU per request depends on. They live in the host's
/// runtimeconfig.json (read by the runtime before any code runs), so the tests read the file the build put next to the host.
/// </summary>
public sealed class IntakeCostHostSettings_Tests
{
    private static readonly string RuntimeConfig = Path.ChangeExtension(HostProcess.HostDll, ".runtimeconfig.json");

    [Fact]
    public void The_hosts_idle_thread_pool_workers_sleep_without_spinning()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RuntimeConfig));
        Properties(json).TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit)
            .ShouldBeTrue($"{RuntimeConfig} sets no spin limit: the runtime's default spins idle workers on the CPU requests need");
        spinLimit.ToString().ShouldBe("0");
    }

    [Fact]
    public void The_host_keeps_dynamic_PGO_which_its_steady_state_is_faster_with()
    {
        // Measured (README "Intake"): after a 60 s warm-up, intake took 1.26-1.28 ms of host CPU per registration without dynamic PGO
        // and 0.99-1.09 ms with it; turning it off only helps a host's first minute.
        using var json = JsonDocument.Parse(File.ReadAllText(RuntimeConfig));
        if (Properties(json).TryGetProperty("System.Runtime.TieredPGO", out var tieredPgo))
            tieredPgo.ToString().Equals("true", StringComparison.OrdinalIgnoreCase)
                .ShouldBeTrue($"{RuntimeConfig} turns dynamic PGO off: a warm host then spends 15-25% more CPU per registration");
    }

    private static JsonElement Properties(JsonDocument json) => json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
}
