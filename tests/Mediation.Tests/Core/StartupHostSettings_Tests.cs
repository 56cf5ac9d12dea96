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

    private static string HostProject() =>
        Path.Combine(KernelAssemblies.RepositoryRoot().FullName, "host", "Mediation.Host", "Mediation.Host.csproj");
}
