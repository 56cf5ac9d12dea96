namespace Mediation.Core.Modularity;

public sealed class ModuleCatalog(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = Validate(modules);

    private static IReadOnlyList<IModule> Validate(IReadOnlyList<IModule> modules)
    {
        var duplicate = modules.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Module name '{duplicate.Key}' is registered twice.");
        return modules;
    }
}
