using Mediation.Core.Domain;
using Mediation.Core.Localization;

namespace Mediation.Core.OrgUnits.Domain;

/// <summary>Levels of the governance tree, top down; a child always sits on a deeper level than its parent.</summary>
public enum OrgUnitKind
{
    City = 1,
    County = 2,
    Township = 3,
    Community = 4,
    Grid = 5,
}

/// <summary>
/// A unit of the governance tree (市 → 县市区/功能区 → 乡镇街道 → 村/社区 → 网格). <see cref="Path"/>
/// lists the ids from the root down to this unit, so "this unit and everything below it" is a
/// single prefix match, which is how data scope is enforced.
/// </summary>
internal sealed class OrgUnit : AggregateRoot<Guid>
{
    public const int MaxNameLength = 100;
    public const int MaxCodeLength = 32;
    public const int MaxIssuingBodyNameLength = 60;

    private OrgUnit() { }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    /// <summary>发文机关: the full name documents issued for this unit print and seal (党政机关公文处理工作条例 Art. 9: full name or its standard short form); null means the unit's name.</summary>
    public string? IssuingBodyName { get; private set; }

    public int Depth => Path.Count(c => c == '/') - 1;

    public static OrgUnit CreateRoot(Guid id, string code, string name, OrgUnitKind kind, int sortOrder)
    {
        if (kind is not OrgUnitKind.City) throw new BusinessException(OrgUnitErrorCodes.RootMustBeCity);
        return new OrgUnit { Id = id, Code = code, Name = name, Kind = kind, SortOrder = sortOrder, Path = PathSegment(id) };
    }

    public static OrgUnit CreateChild(Guid id, OrgUnit parent, string code, string name, OrgUnitKind kind, int sortOrder)
    {
        EnsureCanHoldChild(parent, kind);
        return new OrgUnit
        {
            Id = id, Code = code, Name = name, Kind = kind, SortOrder = sortOrder,
            ParentId = parent.Id, Path = parent.Path + PathSegment(id)[1..],
        };
    }

    public void Rename(string name) => Name = name;

    public void NameIssuingBody(string? name) => IssuingBodyName = string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    public static IReadOnlyList<Guid> IdsOnPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList();

    public void ChangeSortOrder(int sortOrder) => SortOrder = sortOrder;

    public void Activate() => IsActive = true;

    public void Deactivate(bool hasActiveChildren)
    {
        if (hasActiveChildren) throw new BusinessException(OrgUnitErrorCodes.HasActiveChildren);
        IsActive = false;
    }

    public bool IsSelfOrAncestorOf(OrgUnit other) => other.Path.StartsWith(Path, StringComparison.Ordinal);

    /// <summary>Moves this unit under <paramref name="newParent"/>; the caller rewrites the descendants' paths with <see cref="Rebase"/>.</summary>
    public string MoveUnder(OrgUnit newParent)
    {
        if (IsSelfOrAncestorOf(newParent)) throw new BusinessException(OrgUnitErrorCodes.CannotMoveUnderItself);
        EnsureCanHoldChild(newParent, Kind);
        var oldPath = Path;
        ParentId = newParent.Id;
        Path = newParent.Path + PathSegment(Id)[1..];
        return oldPath;
    }

    /// <summary>Rewrites a descendant's path after an ancestor moved from <paramref name="oldPrefix"/> to <paramref name="newPrefix"/>.</summary>
    public void Rebase(string oldPrefix, string newPrefix)
    {
        if (!Path.StartsWith(oldPrefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"{Path} is not below {oldPrefix}.");
        Path = newPrefix + Path[oldPrefix.Length..];
    }

    private static void EnsureCanHoldChild(OrgUnit parent, OrgUnitKind childKind)
    {
        if (childKind <= parent.Kind)
            throw new BusinessException(OrgUnitErrorCodes.ChildKindNotBelowParent,
                new Dictionary<string, object?> { ["parentKind"] = LocalizableText.Of(parent.Kind), ["kind"] = LocalizableText.Of(childKind) });
        if (!parent.IsActive) throw new BusinessException(OrgUnitErrorCodes.ParentInactive);
    }

    private static string PathSegment(Guid id) => "/" + id.ToString("N") + "/";
}
