using System.Reflection;
using Mediation.Host;
using Mono.Cecil;
using Shouldly;

namespace Mediation.Tests.Architecture;

/// <summary>
/// A module reaches kernel data only through the kernel's interfaces (IOrgUnitDirectory, IUserDirectory,
/// IDeadlineClocks, INumberSequence…): its IL names no type the kernel maps to a table — no
/// db.Set&lt;OrgUnit&gt;(), no DeadlineClock in a query, no AppUser parameter. Checked per module of
/// the host's list, method bodies and compiler-generated state machines included.
/// </summary>
public sealed class KernelEntity_Tests
{
    private static readonly Assembly CoreAssembly = typeof(Mediation.Core.Modularity.IModule).Assembly;

    public static TheoryData<string> ModuleAssemblies() => new(HostModules.Create().Modules
        .Select(m => m.GetType().Assembly).Where(a => !KernelAssemblies.Contains(a)).Distinct()
        .SelectMany(a => new[] { a.GetName().Name!, a.GetName().Name + ".Contracts" }));

    /// <summary>The kernel's entity types: every CLR type of the EF model that lives in Mediation.Core or the kernel's host-side projects.</summary>
    internal static HashSet<string> KernelEntityNames()
    {
        using var db = new Mediation.Host.Data.SqliteDesignTimeFactory().CreateDbContext([]);
        return db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => KernelAssemblies.Contains(t.Assembly))
            .Select(t => t.FullName!.Replace('+', '/')).ToHashSet(StringComparer.Ordinal);
    }

    internal static IReadOnlyList<string> Uses(string assemblyPath, HashSet<string> kernelEntities)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            void Check(TypeReference? reference, string where)
            {
                foreach (var name in Names(reference))
                    if (kernelEntities.Contains(name)) found.Add($"{type.FullName} {where}: {name}");
            }

            Check(type.BaseType, "base");
            foreach (var i in type.Interfaces) Check(i.InterfaceType, "interface");
            foreach (var f in type.Fields) Check(f.FieldType, f.Name);
            foreach (var p in type.Properties) Check(p.PropertyType, p.Name);
            foreach (var m in type.Methods)
            {
                Check(m.ReturnType, m.Name);
                foreach (var p in m.Parameters) Check(p.ParameterType, m.Name);
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Check(v.VariableType, m.Name);
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Check(t, m.Name); break;
                        case MethodReference call:
                            Check(call.DeclaringType, m.Name);
                            Check(call.ReturnType, m.Name);
                            if (call is GenericInstanceMethod generic) foreach (var a in generic.GenericArguments) Check(a, m.Name);
                            break;
                        case FieldReference field: Check(field.DeclaringType, m.Name); Check(field.FieldType, m.Name); break;
                    }
                }
            }
        }
        return found.ToList();
    }

    private static IEnumerable<string> Names(TypeReference? reference)
    {
        switch (reference)
        {
            case null: yield break;
            case GenericInstanceType generic:
                foreach (var n in Names(generic.ElementType)) yield return n;
                foreach (var a in generic.GenericArguments) foreach (var n in Names(a)) yield return n;
                break;
            case TypeSpecification spec:
                foreach (var n in Names(spec.ElementType)) yield return n;
                break;
            default:
                yield return reference.FullName;
                break;
        }
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void A_module_names_no_kernel_entity(string assemblyName) =>
        Uses(Assembly.Load(assemblyName).Location, KernelEntityNames()).ShouldBeEmpty();

    [Fact]
    public void The_check_knows_the_kernel_entities_and_finds_them_in_kernel_code()
    {
        var entities = KernelEntityNames();
        entities.ShouldContain("Mediation.Core.OrgUnits.Domain.OrgUnit");
        entities.ShouldContain("Mediation.Core.Deadlines.Domain.DeadlineClock");
        entities.ShouldContain("Mediation.Identity.AppUser");
        // Not vacuous: the kernel's own code, which may use them, is found using them.
        Uses(CoreAssembly.Location, entities).ShouldContain(u => u.EndsWith(": Mediation.Core.OrgUnits.Domain.OrgUnit", StringComparison.Ordinal));
    }
}
