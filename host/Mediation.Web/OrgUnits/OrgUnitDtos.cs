using Mediation.Core.OrgUnits.Data;
using Mediation.Core.OrgUnits;
using Mediation.Core.OrgUnits.Domain;

namespace Mediation.Web.OrgUnits;

public sealed record OrgUnitDto(
    Guid Id, string Code, string Name, OrgUnitKind Kind, Guid? ParentId, int Depth, int SortOrder, bool IsActive, string ConcurrencyStamp,
    string? IssuingBodyName);

public sealed record OrgUnitTreeNodeDto(
    Guid Id, string Code, string Name, OrgUnitKind Kind, int SortOrder, bool IsActive, IReadOnlyList<OrgUnitTreeNodeDto> Children);

public sealed record CreateOrgUnitInput(Guid? ParentId, string? Code, string? Name, OrgUnitKind? Kind, int? SortOrder, string? IssuingBodyName = null);

/// <summary>A null field stays as it is; an empty <see cref="IssuingBodyName"/> goes back to the unit's name.</summary>
public sealed record UpdateOrgUnitInput(string? Name, int? SortOrder, bool? IsActive, string? ConcurrencyStamp, string? IssuingBodyName = null);

public sealed record MoveOrgUnitInput(Guid? NewParentId, string? ConcurrencyStamp);
