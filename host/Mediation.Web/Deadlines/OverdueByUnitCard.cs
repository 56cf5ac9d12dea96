using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Web.Deadlines;

/// <summary>
/// 下级单位超期: for a unit head or the 综治中心, the running clocks past their time in his subtree, one line for his own unit's and one
/// per unit directly below it (counting that unit's whole subtree), each opening the dashboard of that unit. Units with none are left out.
/// </summary>
internal static class OverdueByUnitCard
{
    public static WorkbenchCard Card { get; } = new("deadlines.overdue-by-unit", WorkbenchSection.Overdue, "Workbench:OverdueByUnit",
        DeadlinesPermissions.Dashboard.ReadByUnit, LoadAsync);

    private static async Task<WorkbenchCardContent> LoadAsync(IServiceProvider sp, CancellationToken ct)
    {
        var mine = sp.GetRequiredService<ICurrentUser>().OrgUnitId ?? Guid.Empty;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().ToUniversalTime();
        var l = sp.GetRequiredService<IStringLocalizer>();
        var db = sp.GetRequiredService<MediationDbContext>();
        var units = db.Set<OrgUnit>().AsNoTracking();
        var overdue = db.Set<DeadlineClock>().AsNoTracking().Where(c => c.Status == ClockStatus.Running && c.DueAt != null && c.DueAt < now);

        // One query: the own unit counts the clocks held at it; a unit below counts those of its whole subtree.
        var rows = await units
            .Where(u => u.Id == mine || u.ParentId == mine)
            .Select(u => new
            {
                u.Id, u.Name, u.Path, u.SortOrder, Own = u.Id == mine,
                Count = overdue.Count(c => u.Id == mine
                    ? c.OrgUnitId == mine
                    : units.Any(x => x.Id == c.OrgUnitId && x.Path.StartsWith(u.Path))),
            })
            .Where(r => r.Count > 0)
            .ToListAsync(ct);
        var lines = rows.OrderByDescending(r => r.Own).ThenByDescending(r => r.Count).ThenBy(r => r.SortOrder).ThenBy(r => r.Path)
            .Select(r => new WorkbenchLine(r.Own ? l["Workbench:OverdueOwnUnit", r.Name].Value : r.Name, $"/Deadlines?orgUnitId={r.Id}",
                l["Workbench:OverdueCount", r.Count].Value))
            .ToList();
        // Every line is shown: a county has a few dozen units at most below it, and the head needs each one.
        return new WorkbenchCardContent(rows.Sum(r => r.Count), $"/Deadlines?orgUnitId={mine}", lines);
    }
}
