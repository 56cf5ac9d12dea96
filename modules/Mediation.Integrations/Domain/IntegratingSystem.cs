using Mediation.Core.Domain;

namespace Mediation.Integrations.Domain;

/// <summary>
/// A system outside that pushes work orders here (the city's 12345 platform…): known by the hash of its API key, told of status
/// changes at its callback URL under a shared secret kept encrypted, and confined to the units of its scope and the units below them.
/// </summary>
public sealed class IntegratingSystem : AggregateRoot<Guid>
{
    public const int NameMaxLength = 100;
    public const int CallbackUrlMaxLength = 500;
    public const int MaxScopeUnits = 50;

    private readonly List<SystemScopeUnit> _scope = [];

    private IntegratingSystem() { }

    public static IntegratingSystem Register(Guid id, string name, IssuedApiKey key, string callbackSecretCipher, Uri callbackUrl,
        IReadOnlyCollection<Guid> scopeUnitIds, string? createdBy, DateTimeOffset now)
    {
        var system = new IntegratingSystem
        {
            Id = id, Name = name, ApiKeyPrefix = key.Prefix, ApiKeyHash = key.Hash, CallbackSecretCipher = callbackSecretCipher,
            CallbackUrl = callbackUrl.AbsoluteUri, Enabled = true, CreatedAt = now, CreatedBy = createdBy,
        };
        system.SetScope(scopeUnitIds);
        return system;
    }

    public string Name { get; private set; } = "";
    public string ApiKeyPrefix { get; private set; } = "";
    public string ApiKeyHash { get; private set; } = "";
    public string CallbackSecretCipher { get; private set; } = "";
    public string CallbackUrl { get; private set; } = "";
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public IReadOnlyList<SystemScopeUnit> Scope => _scope;

    public void Change(string name, Uri callbackUrl, IReadOnlyCollection<Guid> scopeUnitIds, bool enabled)
    {
        Name = name;
        CallbackUrl = callbackUrl.AbsoluteUri;
        Enabled = enabled;
        SetScope(scopeUnitIds);
    }

    public void Disable() => Enabled = false;

    private void SetScope(IReadOnlyCollection<Guid> unitIds)
    {
        if (unitIds.Count == 0) throw new BusinessException(IntegrationsErrorCodes.ScopeEmpty);
        _scope.RemoveAll(s => !unitIds.Contains(s.OrgUnitId));
        foreach (var unitId in unitIds.Where(u => _scope.All(s => s.OrgUnitId != u)))
            _scope.Add(new SystemScopeUnit(unitId));
    }

    /// <summary>A unit is in scope when one of the scope's units is it or lies above it (its materialized path is a prefix of the unit's).</summary>
    public static bool Covers(IEnumerable<string> scopeUnitPaths, string unitPath) =>
        scopeUnitPaths.Any(p => unitPath.StartsWith(p, StringComparison.Ordinal));
}

public sealed class SystemScopeUnit
{
    private SystemScopeUnit() { }

    public SystemScopeUnit(Guid orgUnitId) => OrgUnitId = orgUnitId;

    public Guid OrgUnitId { get; private set; }
}
