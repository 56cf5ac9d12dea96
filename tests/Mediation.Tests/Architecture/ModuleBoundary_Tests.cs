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
        .Where(a => a != CoreAssembly)
        .Select(a => a.GetName().Name!)
        .ToArray();

    public static TheoryData<string> ModuleAssemblies() => new(ModuleAssemblyNames);

    public static TheoryData<string> AllMediationAssemblies() =>
        new([CoreAssembly.GetName().Name!, .. ModuleAssemblyNames, .. ModuleAssemblyNames.Select(n => n + ".Contracts")]);

    [Fact]
    public void Every_module_is_checked()
    {
        ModuleAssemblyNames.Length.ShouldBe(5);
        HostModules.Create().Modules.Select(m => m.Name).ShouldBe(
            ["org-units", "documents", "auth", "identity", "audit", "calendar", "deadlines", "notifications", "cases", "petitions", "legal-windows", "service-desk", "joint-meetings"]);
    }

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

    [Theory]
    [MemberData(nameof(AllMediationAssemblies))]
    public void Domain_code_does_not_touch_persistence_web_or_jobs(string assemblyName)
    {
        var result = Types.InAssembly(Assembly.Load(assemblyName))
            .That().ResideInNamespaceMatching(@"\.Domain(\.|$)")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire")
            .GetResult();

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
