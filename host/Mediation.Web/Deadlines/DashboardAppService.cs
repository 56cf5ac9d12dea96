using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Web.Deadlines;

/// <summary>"Due soon / overdue" for one org unit and every unit below it (a prefix match on the unit path).</summary>
public sealed class DashboardAppService(MediationDbContext db, TimeProvider clock, Mediation.Core.Security.IDataScope scope, CalendarStore calendars, DeadlinePolicies policies)
{
    public const int DefaultWithinDays = 3;

    public async Task<DashboardDto> GetAsync(Guid? orgUnitId, int? withinDays, CancellationToken ct)
    {
        new InputValidator().Required(orgUnitId, "orgUnitId").InRange(withinDays, 0, 60, "withinDays").ThrowIfInvalid();
        var unit = await db.Set<OrgUnit>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == orgUnitId, ct);
        // Another county's dashboard is "not found", like its records, not an empty page that confirms the unit.
        if (unit is null || scope.OrgUnitPath is { } path && !unit.Path.StartsWith(path, StringComparison.Ordinal))
            throw new EntityNotFoundException(nameof(OrgUnit), orgUnitId!.Value);
        var days = withinDays ?? DefaultWithinDays;
        var now = clock.GetUtcNow().ToUniversalTime();
        var horizon = now.AddDays(days);

        var rows = await (
                from c in db.Set<DeadlineClock>().AsNoTracking()
                join u in db.Set<OrgUnit>().AsNoTracking() on c.OrgUnitId equals u.Id
                where c.Status == ClockStatus.Running && c.DueAt != null && c.DueAt <= horizon && u.Path.StartsWith(unit.Path)
                select new { c.Id, c.RecordType, c.RecordId, c.OrgUnitId, UnitName = u.Name, c.PolicyName, c.StartedAt, c.DueDate, c.DueAt, c.Provisional, c.ExtensionDays })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var escalations = (await db.Set<DeadlineStep>().AsNoTracking()
                .Where(s => ids.Contains(s.ClockId) && s.Kind != DeadlineStepKind.Reminder)
                .Select(s => new { s.ClockId, s.Kind, s.DueInstant })
                .ToListAsync(ct))
            .GroupBy(s => s.ClockId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.DueInstant).Last().Kind);

        // An extended or suspended clock is due later than its article says: the list shows the statutory date beside it.
        var calendar = rows.Count == 0 ? null : await calendars.LoadAsync(ct);
        DateOnly? Statutory(string policyName, DateTimeOffset startedAt, DateOnly? due) =>
            calendar is not null && policies.Find(policyName) is { } policy
            && DeadlineCalculator.Compute(policy, startedAt, calendar).DueDate is { } statutory && statutory != due ? statutory : null;
        var items = rows
            .OrderBy(r => r.DueAt)
            .Select(r => new DashboardItemDto(r.Id, r.RecordType, r.RecordId, r.OrgUnitId, r.UnitName, r.PolicyName, r.DueDate, r.DueAt, r.Provisional,
                escalations.TryGetValue(r.Id, out var kind) ? kind : null, Statutory(r.PolicyName, r.StartedAt, r.DueDate)))
            .ToList();
        return new DashboardDto(unit.Id, unit.Name, now, days,
            items.Where(i => i.DueAt < now).ToList(),
            items.Where(i => i.DueAt >= now).ToList());
    }
}
