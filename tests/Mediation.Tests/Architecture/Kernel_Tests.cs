using System.Reflection;
using System.Runtime.CompilerServices;
using Mediation.Host;
using NetArchTest.Rules;
using Shouldly;

namespace Mediation.Tests.Architecture;

/// <summary>
/// The kernel stays mechanism: accounts and sign-in, and the kernel areas' APIs, pages and jobs, run in host-side projects
/// (host/Mediation.Identity, host/Mediation.Web) which no module may reference. Each check below fails on a tree where
/// Mediation.Core still held those feature areas.
/// </summary>
public sealed class Kernel_Tests
{
    public static TheoryData<string> ModuleAndContractsAssemblies() => new(HostModules.Create().Modules
        .Select(m => m.GetType().Assembly).Where(a => !KernelAssemblies.Contains(a)).Distinct()
        .SelectMany(a => new[] { a.GetName().Name!, a.GetName().Name + ".Contracts" }));

    [Fact]
    public void Every_project_beside_the_host_is_a_host_side_kernel_assembly()
    {
        var projects = Directory.GetDirectories(Path.Combine(KernelAssemblies.RepositoryRoot().FullName, "host"))
            .Select(Path.GetFileName).Where(n => n != "Mediation.Host").ToList();
        projects.ShouldBe(KernelAssemblies.HostSide.Select(a => a.GetName().Name), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(ModuleAndContractsAssemblies))]
    public void A_module_references_no_host_side_kernel_project(string assemblyName)
    {
        var hostSide = KernelAssemblies.HostSide.Select(a => a.GetName().Name).ToHashSet();
        Assembly.Load(assemblyName).GetReferencedAssemblies().Select(r => r.Name).Where(hostSide.Contains).ShouldBeEmpty();
    }

    [Fact]
    public void The_kernel_lays_out_no_pdf_and_renders_no_template_only_modules_contracts_do()
    {
        // Modules print through IDocumentArchive / IDocumentPdf; the PDF layout and the Scriban documents live host-side.
        var result = Types.InAssembly(KernelAssemblies.Core).ShouldNot().HaveDependencyOnAny("PdfSharp").GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        KernelAssemblies.Core.GetTypes().Select(t => t.Name)
            .ShouldNotContain(n => n == "DocumentArchiveAppService" || n == "DocumentTemplateRenderer" || n == "PdfDocumentWriter");
    }

    [Fact]
    public void The_kernel_signs_no_one_in_and_administers_no_accounts()
    {
        var result = Types.InAssembly(KernelAssemblies.Core).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore.Identity.UserManager`1", "Microsoft.AspNetCore.Identity.SignInManager`1",
                "Microsoft.AspNetCore.Identity.RoleManager`1", "Microsoft.AspNetCore.Identity.IdentityUser`1", "OtpNet", "QRCoder")
            .GetResult();
        (result.FailingTypeNames ?? []).ShouldBeEmpty();
        KernelAssemblies.Core.GetTypes().Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .Select(t => t.FullName).ShouldNotContain(n => n!.Contains(".Account.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_kernel_declares_no_module_endpoint_or_page_of_its_own()
    {
        var types = KernelAssemblies.Core.GetTypes().Where(t => !t.IsAbstract && !t.IsInterface).ToList();
        types.Where(t => typeof(Mediation.Core.Modularity.IModule).IsAssignableFrom(t)).ShouldBeEmpty();
        types.Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))).ShouldBeEmpty();
        var mapping = Types.InAssembly(KernelAssemblies.Core).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions").GetResult();
        (mapping.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void The_host_side_kernel_holds_the_kernel_areas_modules()
    {
        var kernelModules = HostModules.Create().Modules.Where(m => KernelAssemblies.Contains(m.GetType().Assembly)).Select(m => m.Name).ToList();
        kernelModules.ShouldBe(["org-units", "documents", "auth", "identity", "audit", "calendar", "deadlines", "notifications", "idempotency", "exports"], ignoreOrder: true);
        var mapping = Types.InAssembly(typeof(Mediation.Web.OrgUnits.OrgUnitsModule).Assembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions").GetResult();
        mapping.IsSuccessful.ShouldBeFalse();
    }

    [Fact]
    public void The_check_finds_sign_in_in_the_identity_project()
    {
        var result = Types.InAssembly(typeof(Mediation.Identity.AuthModule).Assembly).ShouldNot()
            .HaveDependencyOnAny("Microsoft.AspNetCore.Identity.UserManager`1").GetResult();
        result.IsSuccessful.ShouldBeFalse();
    }

    [Fact]
    public void Only_the_kernel_and_the_tests_see_the_kernels_internals()
    {
        var allowed = KernelAssemblies.HostSide.Select(a => a.GetName().Name).Append("Mediation.Tests").ToHashSet();
        KernelAssemblies.Core.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ShouldAllBe(n => allowed.Contains(n));
    }
}
