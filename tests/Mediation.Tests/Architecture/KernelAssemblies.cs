using System.Reflection;

namespace Mediation.Tests.Architecture;

/// <summary>
/// The kernel: Mediation.Core (the mechanisms modules compile against) and the host-side projects that run the kernel's own
/// features (accounts and sign-in; the kernel areas' APIs, pages and jobs). Every module of the host's list outside these is a feature module.
/// </summary>
internal static class KernelAssemblies
{
    public static readonly Assembly Core = typeof(Mediation.Core.Modularity.IModule).Assembly;

    public static readonly Assembly[] HostSide = [typeof(Mediation.Identity.AuthModule).Assembly, typeof(Mediation.Web.OrgUnits.OrgUnitsModule).Assembly];

    public static readonly Assembly[] All = [Core, .. HostSide];

    public static bool Contains(Assembly assembly) => All.Contains(assembly);

    public static DirectoryInfo RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mediation.sln"))) root = root.Parent;
        return root ?? throw new InvalidOperationException("Mediation.sln not found above the test binaries.");
    }
}
