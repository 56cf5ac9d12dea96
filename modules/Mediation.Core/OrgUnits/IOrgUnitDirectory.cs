using System.Collections.Concurrent;
using System.Linq.Expressions;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mediation.Core.OrgUnits;

/// <summary>A unit as modules see it. <see cref="IssuingBodyName"/> is the 发文机关 printed on its documents (the unit's name unless an administrator set one).</summary>
public sealed record OrgUnitInfo(Guid Id, Guid? ParentId, string Code, string Name, OrgUnitKind Kind, string Path, bool IsActive, string IssuingBodyName);

/// <summary>How modules read the org tree: they never open the kernel's table.</summary>
public interface IOrgUnitDirectory
{
    Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>The unit, or 404 when it does not exist.</summary>
    Task<OrgUnitInfo> GetAsync(Guid id, CancellationToken ct);

    Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct);

    /// <summary>The units on the path from the root down to and including <paramref name="id"/>.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> PathAsync(Guid id, CancellationToken ct);

    /// <summary>The units at or below <paramref name="path"/> (all units when null), ordered by path.</summary>
    Task<IReadOnlyList<OrgUnitInfo>> SubtreeAsync(string? path, CancellationToken ct);

    /// <summary>Ids of the units at or below <paramref name="path"/>, for composing into a module's own query (stays in the database).</summary>
    IQueryable<Guid> SubtreeIds(string path);
}

internal sealed class OrgUnitDirectory(MediationDbContext db) : IOrgUnitDirectory
{
    // Filters go on the entity before the projection: EF cannot translate a filter on a positional record.
    private static readonly Expression<Func<OrgUnit, OrgUnitInfo>> ToInfo =
        u => new OrgUnitInfo(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Path, u.IsActive, u.IssuingBodyName ?? u.Name);

    private IQueryable<OrgUnit> Units => db.Set<OrgUnit>().AsNoTracking();

    // Compiled once per model (a test process runs SQLite and PostgreSQL hosts side by side, and EF binds a compiled query to the
    // model it first ran with): every registration and most writes look their unit up (issue 17).
    private static readonly ConcurrentDictionary<IModel, Func<MediationDbContext, Guid, CancellationToken, Task<OrgUnitInfo?>>> ById = new();

    private static Func<MediationDbContext, Guid, CancellationToken, Task<OrgUnitInfo?>> CompileById() => EF.CompileAsyncQuery(
        (MediationDbContext db, Guid id, CancellationToken ct) => db.Set<OrgUnit>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new OrgUnitInfo(u.Id, u.ParentId, u.Code, u.Name, u.Kind, u.Path, u.IsActive, u.IssuingBodyName ?? u.Name))
            .SingleOrDefault());

    public async Task<OrgUnitInfo?> FindAsync(Guid id, CancellationToken ct) => await ById.GetOrAdd(db.Model, _ => CompileById())(db, id, ct);

    public async Task<OrgUnitInfo> GetAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new EntityNotFoundException(nameof(OrgUnit), id);

    public Task<OrgUnitInfo?> FindByCodeAsync(string code, CancellationToken ct) => Units.Where(u => u.Code == code).Select(ToInfo).SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<OrgUnitInfo>> PathAsync(Guid id, CancellationToken ct)
    {
        var unit = await GetAsync(id, ct);
        var ids = OrgUnit.IdsOnPath(unit.Path);
        var units = await Units.Where(u => ids.Contains(u.Id)).Select(ToInfo).ToListAsync(ct);
        return units.OrderBy(u => u.Path.Length).ToList();
    }

    public async Task<IReadOnlyList<OrgUnitInfo>> SubtreeAsync(string? path, CancellationToken ct) =>
        await Units.Where(u => path == null || u.Path.StartsWith(path)).OrderBy(u => u.Path).Select(ToInfo).ToListAsync(ct);

    public IQueryable<Guid> SubtreeIds(string path) => db.Set<OrgUnit>().Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
}
