using System.Text.Json;
using Mediation.Tests.Infrastructure;
using Shouldly;

namespace Mediation.Tests.Documents;

/// <summary>
/// Issue 17 P4: a setting of the shipped host that an agreement's CPU depends on. It lives in the host's runtimeconfig.json (read by
/// the runtime before any code runs), so the test reads the file the build put next to the host.
/// </summary>
public sealed class AgreementCostHostSettings_Tests
{
    [Fact]
    public void The_hosts_hot_methods_are_optimized_without_an_instrumented_compilation_first()
    {
        var runtimeConfig = Path.ChangeExtension(HostProcess.HostDll, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        properties.TryGetProperty("System.Runtime.TieredPGO", out var tieredPgo)
            .ShouldBeTrue($"{runtimeConfig} leaves dynamic PGO on: a fresh host spends a third of its first agreements' CPU compiling methods twice");
        tieredPgo.ToString().ShouldBe("false", StringCompareShould.IgnoreCase);
    }
}
