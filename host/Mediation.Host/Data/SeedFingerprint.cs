using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Mediation.Core.Modularity;
using Mediation.Core.Security;

namespace Mediation.Host.Data;

/// <summary>
/// A hash of everything the start-up seeds depend on: the code that seeds (every Mediation assembly the host, the kernel and the
/// modules load, by module version id — a deterministic build changes it with any change of the code, the migrations included),
/// the modules, the roles and the permission catalog with its default roles, and every Demo:* setting (the demo password is only
/// hashed into it). Rows deleted by hand are not in it: Seeds:Force=true runs the seeds anyway.
/// </summary>
public static class SeedFingerprint
{
    private const string Format = "seed-fingerprint 1";

    public static string Compute(IEnumerable<Assembly> seedingAssemblies, ModuleCatalog modules, PermissionCatalog permissions, IConfiguration configuration)
    {
        var text = new StringBuilder(Format).Append('\n');
        foreach (var assembly in WithMediationReferences(seedingAssemblies).OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
            text.Append("assembly ").Append(assembly.GetName().Name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        foreach (var module in modules.Modules) text.Append("module ").Append(module.Name).Append('\n');
        foreach (var role in RoleNames.All) text.Append("role ").Append(role).Append('\n');
        foreach (var permission in permissions.Definitions.OrderBy(d => d.Name, StringComparer.Ordinal))
            text.Append("permission ").Append(permission.Name).Append(' ').AppendJoin(',', permission.DefaultRoles.Order(StringComparer.Ordinal)).Append('\n');
        foreach (var (key, value) in configuration.GetSection("Demo").AsEnumerable()
                     .Where(s => s.Value is not null).OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
            text.Append("setting ").Append(key.ToLowerInvariant()).Append('=').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The assemblies and, transitively, the Mediation assemblies they reference (Mediation.Web and the like seed through them).</summary>
    private static List<Assembly> WithMediationReferences(IEnumerable<Assembly> roots)
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>(roots);
        while (pending.TryPop(out var assembly))
        {
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var reference in assembly.GetReferencedAssemblies()
                         .Where(r => r.Name is { } name && name.StartsWith("Mediation.", StringComparison.Ordinal) && !seen.ContainsKey(name)))
                pending.Push(Assembly.Load(reference));
        }
        return [.. seen.Values];
    }
}
