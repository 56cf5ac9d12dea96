using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// An advisor who signs in sees his own windows only, even where his account's unit is a whole county; the township and county
/// staff see every window of their subtree (the kernel's data scope applies to everyone on top).
/// </summary>
internal sealed class AdvisorScope(MediationDbContext db, ICurrentUser user)
{
    private bool _loaded;
    private LegalAdvisor? _advisor;

    public async Task<LegalAdvisor?> CurrentAdvisorAsync(CancellationToken ct)
    {
        if (_loaded) return _advisor;
        _advisor = user.Id is { } id ? await db.Set<LegalAdvisor>().SingleOrDefaultAsync(a => a.UserId == id, ct) : null;
        _loaded = true;
        return _advisor;
    }

    public async Task<IQueryable<LegalWindow>> WindowsAsync(CancellationToken ct)
    {
        var advisor = await CurrentAdvisorAsync(ct);
        var windows = db.Set<LegalWindow>().AsQueryable();
        return advisor is null ? windows : windows.Where(w => w.Advisors.Any(a => a.AdvisorId == advisor.Id));
    }

    public async Task<IQueryable<ServiceRecord>> RecordsAsync(CancellationToken ct)
    {
        var windowIds = (await WindowsAsync(ct)).Select(w => w.Id);
        return db.Set<ServiceRecord>().Where(r => windowIds.Contains(r.WindowId));
    }

    public async Task<IQueryable<DutyShift>> ShiftsAsync(CancellationToken ct)
    {
        var windowIds = (await WindowsAsync(ct)).Select(w => w.Id);
        return db.Set<DutyShift>().Where(s => windowIds.Contains(s.WindowId));
    }
}
