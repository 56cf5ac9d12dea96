using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.JointMeetings.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// The office's card for today: the joint meetings scheduled today (China day), in the order they sit, each linking to its page; the
/// count links to the month's calendar, where the same meetings stand.
/// </summary>
internal static class JointMeetingWorkbenchCards
{
    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("joint-meetings.today", WorkbenchSection.Today, "JointMeetingsUi:Workbench:Today", JointMeetingsPermissions.Meetings.Read, TodayAsync),
    ];

    private static async Task<WorkbenchCardContent> TodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var (start, end) = ChinaTime.DayInUtc(today);
        var rows = await sp.GetRequiredService<MediationDbContext>().Set<Meeting>().AsNoTracking()
            .Where(m => m.ScheduledAt >= start && m.ScheduledAt < end)
            .OrderBy(m => m.ScheduledAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.ScheduledAt, m.Place }).Take(WorkbenchCardContent.MaxCountedRows).ToListAsync(ct);
        return WorkbenchCardContent.FromRows(rows, "/JointMeetings?month=" + today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            m => new WorkbenchLine(m.Title, $"/JointMeetings/Meetings/{m.Id}",
                ChinaTime.ToChina(m.ScheduledAt).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + m.Place));
    }
}
