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
    private const int MaxRows = 200;

    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("joint-meetings.today", WorkbenchSection.Today, "JointMeetingsUi:Workbench:Today", JointMeetingsPermissions.Meetings.Read, TodayAsync),
    ];

    private static async Task<WorkbenchCardContent> TodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        // PostgreSQL takes timestamptz parameters only in UTC; the instants are the same.
        var start = ChinaTime.StartOfDay(today).ToUniversalTime();
        var end = start.AddDays(1);
        var rows = await sp.GetRequiredService<MediationDbContext>().Set<Meeting>().AsNoTracking()
            .Where(m => m.ScheduledAt >= start && m.ScheduledAt < end)
            .OrderBy(m => m.ScheduledAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title, m.ScheduledAt, m.Place }).Take(MaxRows).ToListAsync(ct);
        return new WorkbenchCardContent(rows.Count, "/JointMeetings?month=" + today.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            rows.Take(WorkbenchCardContent.MaxLines).Select(m => new WorkbenchLine(m.Title, $"/JointMeetings/Meetings/{m.Id}",
                ChinaTime.ToChina(m.ScheduledAt).ToString("HH:mm", CultureInfo.InvariantCulture) + " " + m.Place)).ToList());
    }
}
