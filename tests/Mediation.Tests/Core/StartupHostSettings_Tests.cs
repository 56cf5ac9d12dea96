using System.Xml.Linq;
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

    private static string HostProject()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mediation.sln"))) root = root.Parent;
        return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Mediation.sln not found above " + AppContext.BaseDirectory),
            "host", "Mediation.Host", "Mediation.Host.csproj");
    }
}
