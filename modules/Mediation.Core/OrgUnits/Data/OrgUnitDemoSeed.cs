using Mediation.Core.Data;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.OrgUnits.Data;

/// <summary>
/// The demo tree of 泰安市 named in the domain brief. Codes follow the administrative-division
/// pattern for readability; town and community codes are illustrative, not official.
/// Idempotent: units whose code already exists are left alone.
/// </summary>
public static class OrgUnitDemoSeed
{
    public sealed record SeedUnit(string Code, string Name, OrgUnitKind Kind, string? ParentCode);

    public static readonly IReadOnlyList<SeedUnit> Units =
    [
        new("370900", "泰安市", OrgUnitKind.City, null),
        new("370902", "泰山区", OrgUnitKind.County, "370900"),
        new("370911", "岱岳区", OrgUnitKind.County, "370900"),
        new("370982", "新泰市", OrgUnitKind.County, "370900"),
        new("370983", "肥城市", OrgUnitKind.County, "370900"),
        new("370921", "宁阳县", OrgUnitKind.County, "370900"),
        new("370923", "东平县", OrgUnitKind.County, "370900"),
        new("370902001", "岱庙街道", OrgUnitKind.Township, "370902"),
        new("370902002", "财源街道", OrgUnitKind.Township, "370902"),
        new("370911001", "天平街道", OrgUnitKind.Township, "370911"),
        new("370921101", "堽城镇", OrgUnitKind.Township, "370921"),
        new("370902001001", "岱东社区", OrgUnitKind.Community, "370902001"),
        new("370902002001", "东七里社区", OrgUnitKind.Community, "370902002"),
        new("370921101201", "保安村", OrgUnitKind.Community, "370921101"),
        new("370902002001-01", "宝盛网格", OrgUnitKind.Grid, "370902002001"),
        new("370902001001-01", "岱东社区第一网格", OrgUnitKind.Grid, "370902001001"),
    ];

    public static async Task<int> ApplyAsync(MediationDbContext db, CancellationToken ct)
    {
        var existing = await db.Set<OrgUnit>().ToDictionaryAsync(u => u.Code, ct);
        var added = 0;
        for (var i = 0; i < Units.Count; i++)
        {
            var seed = Units[i];
            if (existing.ContainsKey(seed.Code)) continue;
            var id = Guid.CreateVersion7();
            var unit = seed.ParentCode is null
                ? OrgUnit.CreateRoot(id, seed.Code, seed.Name, seed.Kind, i)
                : OrgUnit.CreateChild(id, existing[seed.ParentCode], seed.Code, seed.Name, seed.Kind, i);
            db.Add(unit);
            existing[seed.Code] = unit;
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
