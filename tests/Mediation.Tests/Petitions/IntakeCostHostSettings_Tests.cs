using System.Text.Json;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// Issue 17 P1: settings of the shipped host that intake's CPU per request depends on. They live in the host's
/// runtimeconfig.json (read by the runtime before any code runs), so the test reads the file the build put next to the host.
/// </summary>
public sealed class IntakeCostHostSettings_Tests
{
    [Fact]
    public void The_hosts_idle_thread_pool_workers_sleep_without_spinning()
    {
        var runtimeConfig = Path.ChangeExtension(HostProcess.HostDll, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit)
            .ShouldBeTrue($"{runtimeConfig} sets no spin limit: the runtime's default spins idle workers on the CPU requests need");
        spinLimit.ToString().ShouldBe("0");
    }
}
