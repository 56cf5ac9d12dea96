using System.Xml.Linq;
using Mediation.Tests.Architecture;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// Issue 17 P5: how the host is built for a deployment. `dotnet publish host/Mediation.Host -c Release` is the shipped form and
/// etc/bench/start.sh measures it beside the build output; what the publish does comes from the host's project file.
/// </summary>
public sealed class StartupHostSettings_Tests
{
    [Fact]
    public void A_published_host_is_precompiled_ReadyToRun()
    {
        // Measured (README "Start-up and memory"): the JIT of EF Core's model building (its packages ship IL only) is most of a warm
        // start's critical path; a ReadyToRun publish precompiles the host's assemblies and every package's.
        var project = XDocument.Load(HostProject());
        var readyToRun = project.Descendants("PublishReadyToRun").Where(e => e.Attribute("Condition") is null).Select(e => e.Value.Trim()).ToList();
        readyToRun.ShouldContain("true", $"{HostProject()} does not set PublishReadyToRun: a publish would ship IL that every start compiles again");
    }

    [Fact]
    public void The_host_delays_tier_1_call_counting_past_its_start()
    {
        // Measured (README "Start-up and memory", session 22): with the runtime's 100 ms the JIT re-compiled the start's methods at
        // tier 1 during the start, and the idle host kept that code (about 20 MB of its idle RSS).
        var delay = XDocument.Load(HostProject()).Descendants("RuntimeHostConfigurationOption")
            .Where(e => (string?)e.Attribute("Include") == "System.Runtime.TieredCompilation.CallCountingDelayMs")
            .Select(e => int.Parse((string?)e.Attribute("Value") ?? "", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        delay.ShouldHaveSingleItem($"{HostProject()} does not set System.Runtime.TieredCompilation.CallCountingDelayMs");
        delay[0].ShouldBeGreaterThanOrEqualTo(1000);
    }

    private static string HostProject() =>
        Path.Combine(KernelAssemblies.RepositoryRoot().FullName, "host", "Mediation.Host", "Mediation.Host.csproj");
}
