using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications;
using Mediation.Core.OrgUnits;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// A shift in the coming week that nobody covers is flagged to the township above the village, once per shift (the mark and the
/// notice are saved together, so a second run or a repeated Hangfire execution sends nothing twice).
/// </summary>
internal sealed class UncoveredShiftsJob(MediationDbContext db, IOrgUnitDirectory orgUnits, INoticeOutbox notices, TimeProvider clock)
{
    public const string JobId = "legal-windows:uncovered-shifts";
    public const string NoticeTemplate = "legal-window-uncovered-shift";
    public const int DaysAhead = 7;

    private static readonly string[] Weekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public Task<int> RunAsync(CancellationToken ct) => RunAsync(clock.GetUtcNow(), ct);

    /// <summary>As run at <paramref name="now"/>: the coming week is counted from its China day.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime(); // PostgreSQL stores the notice mark only in UTC
        var today = ChinaTime.DateOf(now);
        var until = today.AddDays(DaysAhead);
        var shifts = await db.Set<DutyShift>()
            .Where(s => s.AdvisorId == null && s.UncoveredNoticeAt == null && s.Date >= today && s.Date <= until)
            .OrderBy(s => s.Date).Take(500).ToListAsync(ct);
        if (shifts.Count == 0) return 0;
        var windowIds = shifts.Select(s => s.WindowId).Distinct().ToList();
        var windows = await db.Set<LegalWindow>().AsNoTracking().Where(w => windowIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        foreach (var shift in shifts)
        {
            var window = windows[shift.WindowId];
            var village = await orgUnits.GetAsync(window.OrgUnitId, ct);
            var township = village.ParentId is { } parentId ? await orgUnits.GetAsync(parentId, ct) : village;
            await notices.AddAsync(new NoticeRequest(NoticeTemplate, township.Id, new Dictionary<string, object?>
            {
                ["township"] = township.Name,
                ["village"] = village.Name,
                ["window"] = window.Name,
                ["place"] = window.Place,
                ["date"] = shift.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture),
                ["weekday"] = Weekdays[(int)shift.Date.DayOfWeek],
                ["hours"] = shift.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture) + "—" + shift.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            }, $"legal-windows:uncovered:{shift.Id:N}"), ct);
            shift.MarkUncoveredNoticeSent(now);
        }
        await db.SaveChangesAsync(ct);
        return shifts.Count;
    }
}
