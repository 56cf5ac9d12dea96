using System.Globalization;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.JointMeetings.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.JointMeetings.Pages.JointMeetings;

/// <summary>The meeting calendar: one month of meetings by day, planned and held.</summary>
[Authorize(Policy = JointMeetingsPermissions.Meetings.Read)]
internal sealed class IndexModel(JointMeetingsAppService meetings, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    /// <summary>yyyy-MM; the current month when absent or not a month.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly First { get; private set; }

    public IReadOnlyList<IGrouping<DateOnly, MeetingSummaryDto>> Days { get; private set; } = [];

    public bool CanManage => user.HasPermission(JointMeetingsPermissions.Meetings.Manage);

    public static string MonthValue(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 2000 and <= 2100
            ? month : new DateOnly(today.Year, today.Month, 1);
        var list = await meetings.ListMeetingsAsync(First, First.AddMonths(1).AddDays(-1), ct);
        Days = list.GroupBy(m => ChinaTime.DateOf(m.ScheduledAt)).ToList();
    }
}
