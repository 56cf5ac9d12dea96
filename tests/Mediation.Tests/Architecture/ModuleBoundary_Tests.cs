using System.Reflection;
using Mediation.Host;
using NetArchTest.Rules;
using Shouldly;

namespace Mediation.Tests.Architecture;

/// <summary>
/// Data-driven over the host's own module list, so a new module is checked the day it is added
/// and a copy-paste slip cannot test the wrong assembly.
/// </summary>
public sealed class ModuleBoundary_Tests
{
    private static readonly Assembly CoreAssembly = typeof(Mediation.Core.Modularity.IModule).Assembly;

    private static readonly string[] ModuleAssemblyNames = HostModules.Create().Modules
        .Select(m => m.GetType().Assembly)
        .Where(a => !KernelAssemblies.Contains(a))
        .Select(a => a.GetName().Name!)
        .ToArray();

    public static TheoryData<string> ModuleAssemblies() => new(ModuleAssemblyNames);

    public static TheoryData<string> AllMediationAssemblies() =>
        new([CoreAssembly.GetName().Name!, .. ModuleAssemblyNames, .. ModuleAssemblyNames.Select(n => n + ".Contracts")]);

    [Fact]
    public void Every_module_project_in_the_repository_is_in_the_host_list()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mediation.sln"))) root = root.Parent;
        root.ShouldNotBeNull();
        var projects = Directory.GetDirectories(Path.Combine(root.FullName, "modules"))
            .Select(Path.GetFileName)
            .Where(n => n != CoreAssembly.GetName().Name && !n!.EndsWith(".Contracts", StringComparison.Ordinal))
            .ToList();
        projects.ShouldNotBeEmpty();
        ModuleAssemblyNames.Distinct().ShouldBe(projects, ignoreOrder: true);
    }

    /// <summary>A constant two services share lives on the domain type; one service never imports another's members wholesale.</summary>
    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void No_module_source_imports_a_service_with_using_static(string assemblyName)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mediation.sln"))) root = root.Parent;
        var sources = Directory.GetFiles(Path.Combine(root!.FullName, "modules", assemblyName), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        sources.ShouldNotBeEmpty();
        sources.Where(f => File.ReadLines(f).Any(l => l.StartsWith($"using static {assemblyName}.Application.", StringComparison.Ordinal)))
            .Select(Path.GetFileName).ShouldBeEmpty();
    }

    [Fact]
    public void The_hand_over_dtos_are_in_the_petitions_contracts() =>
        new[] { typeof(Mediation.Petitions.HandOverPetitionInput), typeof(Mediation.Petitions.HandOverCheckDto) }
            .ShouldAllBe(t => t.Assembly.GetName().Name == "Mediation.Petitions.Contracts");

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_references_only_the_kernel_and_contracts(string assemblyName)
    {
        var references = Assembly.Load(assemblyName).GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n.StartsWith("Mediation.", StringComparison.Ordinal));

        references.Where(n => n != CoreAssembly.GetName().Name && !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .ShouldBeEmpty($"{assemblyName} must reach other modules only through their .Contracts");
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_modules_contracts_reference_no_implementation(string assemblyName)
    {
        var contracts = Assembly.Load(assemblyName + ".Contracts");
        contracts.GetReferencedAssemblies().Select(r => r.Name!)
            .Where(n => n.StartsWith("Mediation.", StringComparison.Ordinal))
            .Where(n => n != CoreAssembly.GetName().Name && !n.EndsWith(".Contracts", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    /// <summary>Every Domain namespace of the kernel's feature areas and of the modules, one row each.</summary>
    public static TheoryData<string, string> DomainNamespaces()
    {
        var rows = new TheoryData<string, string>();
        foreach (var (assembly, ns) in DomainRows()) rows.Add(assembly, ns);
        return rows;
    }

    private static List<(string Assembly, string Namespace)> DomainRows() =>
        [.. new[] { CoreAssembly.GetName().Name!}.Concat(ModuleAssemblyNames).Concat(ModuleAssemblyNames.Select(n => n + ".Contracts"))
            .SelectMany(name => Assembly.Load(name).GetTypes().Select(t => t.Namespace)
                .Where(n => n is not null && System.Text.RegularExpressions.Regex.IsMatch(n, @"\.Domain$")).Distinct().Order()
                .Select(n => (name, n!)))];

    [Fact]
    public void The_kernel_feature_areas_and_the_modules_with_features_have_domain_rows()
    {
        var checkedNamespaces = DomainRows().Select(r => r.Namespace).ToList();
        checkedNamespaces.ShouldContain("Mediation.Cases.Domain");
        checkedNamespaces.ShouldContain("Mediation.Petitions.Domain");
        foreach (var area in new[] { "OrgUnits", "Deadlines", "Notifications", "Documents" })
            checkedNamespaces.ShouldContain($"Mediation.Core.{area}.Domain");
    }

    [Theory]
    [MemberData(nameof(DomainNamespaces))]
    public void Domain_code_does_not_touch_persistence_web_or_jobs(string assemblyName, string domainNamespace)
    {
        var types = Types.InAssembly(Assembly.Load(assemblyName)).That().ResideInNamespace(domainNamespace);
        types.GetTypes().ShouldNotBeEmpty($"the row {domainNamespace} checks nothing");
        var result = types.ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire").GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_domain_check_would_catch_an_offending_type()
    {
        // Proves the rule is not vacuous: the Data namespace does depend on EF Core.
        var result = Types.InAssembly(CoreAssembly)
            .That().ResideInNamespace("Mediation.Core.OrgUnits.Data")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore")
            .GetResult();
        result.IsSuccessful.ShouldBeFalse();
    }
}
