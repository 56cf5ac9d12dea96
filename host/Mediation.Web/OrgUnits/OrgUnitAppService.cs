using Mediation.Core.OrgUnits.Data;
using Mediation.Core.OrgUnits;
using System.Text.RegularExpressions;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Web.OrgUnits;

public sealed partial class OrgUnitAppService(MediationDbContext db, IIntegrationEventPublisher events, IDataScope scope)
{
    private IQueryable<OrgUnit> Units => db.Set<OrgUnit>();

    /// <summary>
    /// The units a caller has a reason to read (issue 12 item 15): its own subtree, where it works, and the units above
    /// it, which it reports to. A sibling county's units are "not found" like its records.
    /// </summary>
    private IQueryable<OrgUnit> Visible
    {
        get
        {
            if (scope.OrgUnitPath is not { } path) return Units;
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var above = Enumerable.Range(1, segments.Length).Select(n => "/" + string.Join('/', segments.Take(n)) + "/").ToList();
            return Units.Where(u => u.Path.StartsWith(path) || above.Contains(u.Path));
        }
    }

    public async Task<IReadOnlyList<OrgUnitDto>> ListAsync(Guid? parentId, OrgUnitKind? kind, string? search, CancellationToken ct)
    {
        var query = Visible.AsNoTracking();
        if (parentId is { } p) query = query.Where(u => u.ParentId == p);
        if (kind is { } k) query = query.Where(u => u.Kind == k);
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(u => u.Name.Contains(search) || u.Code.StartsWith(search));
        var units = await query.OrderBy(u => u.Kind).ThenBy(u => u.SortOrder).ThenBy(u => u.Code).ToListAsync(ct);
        return units.Select(ToDto).ToList();
    }

    public async Task<IReadOnlyList<OrgUnitTreeNodeDto>> TreeAsync(CancellationToken ct)
    {
        var units = await Visible.AsNoTracking().ToListAsync(ct);
        var childrenOf = units.ToLookup(u => u.ParentId);
        return Build(null);

        IReadOnlyList<OrgUnitTreeNodeDto> Build(Guid? parent) => childrenOf[parent]
            .OrderBy(u => u.SortOrder).ThenBy(u => u.Code)
            .Select(u => new OrgUnitTreeNodeDto(u.Id, u.Code, u.Name, u.Kind, u.SortOrder, u.IsActive, Build(u.Id)))
            .ToList();
    }

    public async Task<OrgUnitDto> GetAsync(Guid id, CancellationToken ct) =>
        ToDto(await Visible.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new EntityNotFoundException(nameof(OrgUnit), id));

    public async Task<OrgUnitDto> CreateAsync(CreateOrgUnitInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Code, "code").MaxLength(input.Code, OrgUnit.MaxCodeLength, "code").Matches(input.Code, CodePattern(), "code")
            .Required(input.Name, "name").MaxLength(input.Name, OrgUnit.MaxNameLength, "name")
            .Required(input.Kind, "kind")
            .InRange(input.SortOrder, 0, 100_000, "sortOrder")
            .MaxLength(input.IssuingBodyName, OrgUnit.MaxIssuingBodyNameLength, "issuingBodyName")
            .ThrowIfInvalid();

        var code = input.Code!.Trim();
        if (await Units.AnyAsync(u => u.Code == code, ct))
            throw new ConflictException(OrgUnitErrorCodes.CodeTaken, new Dictionary<string, object?> { ["code"] = code });

        if (input.ParentId is null && scope.OrgUnitPath is not null)
            throw new ForbiddenException(); // a new city is outside everyone's subtree; only a system job or migration adds one
        var id = Guid.CreateVersion7();
        var unit = input.ParentId is { } parentId
            ? OrgUnit.CreateChild(id, await FindWritableAsync(parentId, tracked: false, ct), code, input.Name!.Trim(), input.Kind!.Value, input.SortOrder ?? 0)
            : OrgUnit.CreateRoot(id, code, input.Name!.Trim(), input.Kind!.Value, input.SortOrder ?? 0);
        unit.NameIssuingBody(input.IssuingBodyName);
        db.Add(unit);
        Publish(unit, OrgUnitChange.Created);
        await SaveAsync(ct);
        return ToDto(unit);
    }

    public async Task<OrgUnitDto> UpdateAsync(Guid id, UpdateOrgUnitInput input, CancellationToken ct)
    {
        new InputValidator()
            .NotBlankIfPresent(input.Name, "name").MaxLength(input.Name, OrgUnit.MaxNameLength, "name")
            .InRange(input.SortOrder, 0, 100_000, "sortOrder")
            .MaxLength(input.IssuingBodyName, OrgUnit.MaxIssuingBodyNameLength, "issuingBodyName")
            .ThrowIfInvalid();

        var unit = await FindWritableAsync(id, tracked: true, ct);
        db.ExpectConcurrencyStamp(unit, input.ConcurrencyStamp);
        if (input.Name is not null) unit.Rename(input.Name.Trim());
        if (input.SortOrder is { } order) unit.ChangeSortOrder(order);
        if (input.IssuingBodyName is not null) unit.NameIssuingBody(input.IssuingBodyName);
        if (input.IsActive is true) unit.Activate();
        if (input.IsActive is false)
            unit.Deactivate(await Units.AnyAsync(u => u.ParentId == id && u.IsActive, ct));
        Publish(unit, OrgUnitChange.Updated);
        await SaveAsync(ct);
        return ToDto(unit);
    }

    public async Task<OrgUnitDto> MoveAsync(Guid id, MoveOrgUnitInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.NewParentId, "newParentId").ThrowIfInvalid();

        var unit = await FindWritableAsync(id, tracked: true, ct);
        db.ExpectConcurrencyStamp(unit, input.ConcurrencyStamp);
        var newParent = await FindWritableAsync(input.NewParentId!.Value, tracked: false, ct);
        var descendants = await Units.Where(u => u.Path.StartsWith(unit.Path) && u.Id != unit.Id).ToListAsync(ct);
        var oldPath = unit.MoveUnder(newParent);
        foreach (var descendant in descendants)
            descendant.Rebase(oldPath, unit.Path);
        Publish(unit, OrgUnitChange.Moved);
        await SaveAsync(ct);
        return ToDto(unit);
    }

    public async Task DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken ct)
    {
        new InputValidator().Required(concurrencyStamp, "concurrencyStamp").ThrowIfInvalid();
        var unit = await FindWritableAsync(id, tracked: true, ct);
        if (await Units.AnyAsync(u => u.ParentId == id, ct)) throw new ConflictException(OrgUnitErrorCodes.HasChildren);
        db.ExpectConcurrencyStamp(unit, concurrencyStamp);
        db.Remove(unit);
        Publish(unit, OrgUnitChange.Deleted);
        await SaveAsync(ct);
    }

    private async Task<OrgUnit> FindAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? Units : Units.AsNoTracking();
        return await query.SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw new EntityNotFoundException(nameof(OrgUnit), id);
    }

    /// <summary>
    /// A unit is changed only from within its own subtree; outside it, it answers "not found" like any out-of-scope record.
    /// </summary>
    private async Task<OrgUnit> FindWritableAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var unit = await FindAsync(id, tracked, ct);
        if (scope.OrgUnitPath is { } path && !unit.Path.StartsWith(path, StringComparison.Ordinal))
            throw new EntityNotFoundException(nameof(OrgUnit), id);
        return unit;
    }

    private void Publish(OrgUnit unit, OrgUnitChange change) =>
        events.Publish(new OrgUnitChangedEto(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId, change));

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two registrations of the same code raced past the AnyAsync check; the unique index decides.
            throw new ConflictException(OrgUnitErrorCodes.CodeTaken);
        }
    }


    internal static OrgUnitDto ToDto(OrgUnit u) =>
        new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Depth, u.SortOrder, u.IsActive, u.ConcurrencyStamp, u.IssuingBodyName);

    [GeneratedRegex("^[0-9A-Za-z-]+$")]
    private static partial Regex CodePattern();
}
