using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Localization;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// The live state of linked requests for other modules, in one query plus one for the clocks. The kernel's data scope filters the
/// requests; an enterprise account lives in the desk's unit, so it is refused here outright rather than shown the desk's records.
/// </summary>
internal sealed class DeskRequestStatusReader(MediationDbContext db, IDeadlineClocks clocks, IOrgUnitDirectory units, ICurrentUser user, TextCatalog texts)
    : IDeskRequestStatusReader
{
    public Task<Guid?> RequestOfPetitionAsync(Guid petitionId, CancellationToken ct) =>
        db.Set<DeskRequest>().IgnoreQueryFilters().AsNoTracking().Where(r => r.PetitionId == petitionId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<DeskRequestStatusDto>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        if (user.Id is { } me && await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.Members.Any(m => m.UserId == me), ct)) return [];
        var found = await db.Set<DeskRequest>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.FeedbackClockKey, r.Number, r.Title, r.Kind, r.Status, r.OrgUnitId, r.OwnerName, r.OwnerDepartment, r.ConcludedAt, r.Result })
            .ToListAsync(ct);
        if (found.Count == 0) return [];
        var clockKeys = found.Select(r => r.Id).Concat(found.Select(r => r.FeedbackClockKey)).Distinct().ToList();
        var open = (await clocks.OpenClocks(RequestAppService.RecordType).Where(c => clockKeys.Contains(c.RecordId)).ToListAsync(ct))
            .GroupBy(c => c.RecordId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.DueAt ?? DateTimeOffset.MaxValue).First());
        var unitNames = new Dictionary<Guid, string>();
        foreach (var unitId in found.Select(r => r.OrgUnitId).Distinct())
            unitNames[unitId] = (await units.FindAsync(unitId, ct))?.Name ?? "";
        return found.Select(r =>
        {
            var clock = open.GetValueOrDefault(r.FeedbackClockKey) ?? open.GetValueOrDefault(r.Id);
            return new DeskRequestStatusDto(r.Id, r.Number, r.Title, r.Kind, r.Status, StatusText(r.Status),
                r.Status is RequestStatus.Concluded or RequestStatus.Closed, r.OwnerDepartment ?? unitNames[r.OrgUnitId], r.OwnerName,
                clock?.DueDate, clock?.DueAt, r.ConcludedAt, r.Result);
        }).ToList();
    }

    private string StatusText(RequestStatus status)
    {
        var key = $"ServiceDesk:RequestStatus:{status}";
        return texts.Find(key, CultureInfo.CurrentUICulture) ?? key;
    }
}
