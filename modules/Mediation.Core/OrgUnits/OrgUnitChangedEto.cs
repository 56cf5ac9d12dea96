using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits.Domain;

namespace Mediation.Core.OrgUnits;

public enum OrgUnitChange
{
    Created,
    Updated,
    Moved,
    Deleted,
}

/// <summary>Published whenever the tree changes, so modules that cache unit names or paths (the statistics' unit keys) can refresh.</summary>
public sealed record OrgUnitChangedEto(Guid OrgUnitId, string Code, string Name, OrgUnitKind Kind, Guid? ParentId, OrgUnitChange Change)
    : IIntegrationEvent
{
    public const string EventName = "core.org-unit-changed";
}
