using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Deadlines.Application;

public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>Overrides of a policy's amount by name, e.g. "desk.acknowledgement": 12 (hours).</summary>
    public Dictionary<string, int> PolicyAmounts { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>The seeded policies with this host's configured amounts.</summary>
public sealed class DeadlinePolicies
{
    private readonly Dictionary<string, DeadlinePolicy> _byName;

    public DeadlinePolicies(IOptions<DeadlineOptions> options)
    {
        var overrides = options.Value.PolicyAmounts;
        _byName = DeadlinePolicyCatalog.Defaults
            .Select(p => overrides.TryGetValue(p.Name, out var amount) && amount > 0 ? p with { Amount = amount } : p)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
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
