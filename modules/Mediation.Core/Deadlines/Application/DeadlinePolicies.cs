using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Modularity;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Deadlines.Application;

public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Overrides of a policy's amount by name, e.g. "desk.acknowledgement": 12 (hours).</summary>
    public Dictionary<string, int> PolicyAmounts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The policies the host's modules declare, with this host's configured amounts.</summary>
public sealed class DeadlinePolicies
{
    private readonly Dictionary<string, DeadlinePolicy> _byName;

    public DeadlinePolicies(ModuleCatalog modules, IOptions<DeadlineOptions> options)
        : this(modules.Modules.SelectMany(m => m.DeadlinePolicies), options)
    {
    }

    internal DeadlinePolicies(IEnumerable<DeadlinePolicy> declared, IOptions<DeadlineOptions> options)
    {
        var overrides = options.Value.PolicyAmounts;
        _byName = new Dictionary<string, DeadlinePolicy>(StringComparer.Ordinal);
        foreach (var p in declared)
        {
            if (!_byName.TryAdd(p.Name, overrides.TryGetValue(p.Name, out var amount) && amount > 0 ? p with { Amount = amount } : p))
                throw new InvalidOperationException($"Deadline policy '{p.Name}' is declared twice.");
        }
        var dangling = _byName.Values.FirstOrDefault(p => p.ExtensionPolicy is not null && !_byName.ContainsKey(p.ExtensionPolicy));
        if (dangling is not null)
            throw new InvalidOperationException($"Deadline policy '{dangling.Name}' names an undeclared extension policy '{dangling.ExtensionPolicy}'.");
    }

    public IReadOnlyCollection<DeadlinePolicy> All => _byName.Values;

    public DeadlinePolicy? Find(string? name) => name is not null && _byName.TryGetValue(name, out var p) ? p : null;

    public DeadlinePolicy Get(string? name) => Find(name) ?? throw new UnknownPolicyException(name ?? "");

    public DeadlinePolicy? ExtensionOf(DeadlinePolicy policy) => Find(policy.ExtensionPolicy);

    public TimeSpan LongestReminder => _byName.Values.SelectMany(p => p.Reminders).DefaultIfEmpty(TimeSpan.Zero).Max();
}

public sealed class UnknownPolicyException(string name)
    : BusinessException(DeadlinesErrorCodes.UnknownPolicy, new Dictionary<string, object?> { ["policy"] = name })
{
    public override int HttpStatus => 404;
}

/// <summary>Input that cannot be read as asked (not a date-time, not a year): 400 with a Deadlines code.</summary>
public sealed class DeadlineInputException(string code, IReadOnlyDictionary<string, object?>? parameters = null)
    : BusinessException(code, parameters)
{
    public override int HttpStatus => 400;
}
