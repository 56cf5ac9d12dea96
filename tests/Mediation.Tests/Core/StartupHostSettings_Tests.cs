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
    public void The_host_leaves_tier_1_call_counting_at_the_runtimes_delay()
    {
        // Measured (README "Intake", session 23): a 3000 ms delay (session 22, for 20 MB less idle RSS) kept intake's hot path at
        // tier 0 under load, because the delay restarts with every newly called method: 3.24 ms host CPU per registration against
        // 1.25-1.33 ms with the runtime's 100 ms, alternated on an idle machine. A longer delay must not come back for memory.
        var delays = XDocument.Load(HostProject()).Descendants("RuntimeHostConfigurationOption")
            .Where(e => (string?)e.Attribute("Include") == "System.Runtime.TieredCompilation.CallCountingDelayMs")
            .Select(e => (string?)e.Attribute("Value")).ToList();
        delays.ShouldBeEmpty($"{HostProject()} sets System.Runtime.TieredCompilation.CallCountingDelayMs to {string.Join(", ", delays)}");
    }

    [Fact]
    public void The_host_re_compiles_a_method_at_the_next_tier_only_after_a_thousand_calls()
    {
        // Measured (README "Start-up and memory", session 28): at the runtime's 30 calls start-up's own methods were compiled twice
        // more while the host sat idle, and their code stayed resident; at 1,000 the idle host held about 10 MB less 15 s after
        // ready and 15-25 MB less a minute after; intake under load: 1.03x the host CPU per registration, within the rounds spread.
        var thresholds = XDocument.Load(HostProject()).Descendants("RuntimeHostConfigurationOption")
            .Where(e => (string?)e.Attribute("Include") == "System.Runtime.TieredCompilation.CallCountThreshold")
            .Select(e => (string?)e.Attribute("Value")).ToList();
        thresholds.ShouldBe(["1000"], $"{HostProject()} must set System.Runtime.TieredCompilation.CallCountThreshold to 1000 once");
    }

    private static string HostProject() =>
        Path.Combine(KernelAssemblies.RepositoryRoot().FullName, "host", "Mediation.Host", "Mediation.Host.csproj");
}
