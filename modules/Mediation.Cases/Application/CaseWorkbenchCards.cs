using System.Globalization;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Cases.Application;

/// <summary>A mediator's cards on the workbench: his open cases, those due within three working days, those past their term, today's sessions and 回访.</summary>
internal static class CaseWorkbenchCards
{
    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("cases.mine", WorkbenchSection.Mine, "CasesUi:Workbench:Mine", CasesPermissions.Sessions.Record,
            (sp, ct) => LoadAsync(sp, null, ct)),
        new("cases.due-soon", WorkbenchSection.DueSoon, "CasesUi:Workbench:DueSoon", CasesPermissions.Sessions.Record,
            (sp, ct) => LoadAsync(sp, CaseDueFilter.Soon, ct)),
        new("cases.overdue", WorkbenchSection.Overdue, "CasesUi:Workbench:Overdue", CasesPermissions.Sessions.Record,
            (sp, ct) => LoadAsync(sp, CaseDueFilter.Overdue, ct)),
        new("cases.sessions-today", WorkbenchSection.Today, "CasesUi:Workbench:SessionsToday", CasesPermissions.Sessions.Record, SessionsTodayAsync),
        new("cases.visits-today", WorkbenchSection.Today, "CasesUi:Workbench:VisitsToday", CasesPermissions.Visits.Record, VisitsTodayAsync),
    ];

    /// <summary>
    /// 今日调解: the sessions planned for today in the caller's units and not yet held, the earliest first; each line opens the case,
    /// the count the planned-sessions list filtered the same way (<see cref="SessionPlanAppService.PlannedToday"/>). One query: a
    /// day's sessions in one's units are few, so they are read whole and counted as read.
    /// </summary>
    private static async Task<WorkbenchCardContent> SessionsTodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        var l = sp.GetRequiredService<IStringLocalizer>();
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var rows = await SessionPlanAppService.PlannedToday(db.Set<SessionPlan>().AsNoTracking(), today)
            .Join(db.Set<MediationCase>().AsNoTracking(), p => p.CaseId, c => c.Id, (p, c) => new { p.Id, p.CaseId, p.StartsAt, p.Place, p.MediatorName, c.Number })
            .OrderBy(x => x.StartsAt).ThenBy(x => x.Id).Take(WorkbenchCardContent.MaxCountedRows).ToListAsync(ct);
        return WorkbenchCardContent.FromRows(rows, "/Cases/Sessions?today=true",
            x => new WorkbenchLine(x.Number, $"/Cases/{x.CaseId}", l["CasesUi:Workbench:SessionAt",
                ChinaTime.ToChina(x.StartsAt).ToString("HH:mm", CultureInfo.InvariantCulture), x.Place, x.MediatorName].Value));
    }

    /// <summary>
    /// 今日应回访: the follow-up visits whose day has come and which nobody has made yet, in the caller's units, the soonest due first;
    /// each line opens the visit's form, the count the visits list filtered the same way.
    /// </summary>
    private static async Task<WorkbenchCardContent> VisitsTodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        var l = sp.GetRequiredService<IStringLocalizer>();
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var due = FollowUpAppService.DueToday(db.Set<FollowUpVisit>().AsNoTracking(), today);
        var count = await due.CountAsync(ct);
        var first = await due.Join(db.Set<MediationCase>().AsNoTracking(), v => v.CaseId, c => c.Id, (v, c) => new { v.Id, v.DueDate, v.ScheduledOn, c.Number })
            .OrderBy(x => x.DueDate).ThenBy(x => x.ScheduledOn).ThenBy(x => x.Id).Take(WorkbenchCardContent.MaxLines).ToListAsync(ct);
        return new WorkbenchCardContent(count, "/Cases/Visits?today=true", first.Select(x => new WorkbenchLine(x.Number, $"/Cases/Visits?visitId={x.Id}",
            x.DueDate is { } date ? l["CasesUi:Workbench:VisitDue", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value : null)).ToList());
    }

    private static async Task<WorkbenchCardContent> LoadAsync(IServiceProvider sp, CaseDueFilter? due, CancellationToken ct)
    {
        var query = sp.GetRequiredService<CaseListQuery>();
        var l = sp.GetRequiredService<IStringLocalizer>();
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var filter = due is { } d ? await query.DueFilterAsync(true, d, today, ct) : new CaseListFilter(true, null, null);
        var open = await query.PageAsync(filter with { OpenOnly = true }, new Paging(1, WorkbenchCardContent.MaxLines), ct);
        return new WorkbenchCardContent(open.Total, due is { } dueFilter ? $"/Cases?due={dueFilter}" : "/Cases",
            open.Items.Select(c => new WorkbenchLine(c.Number, $"/Cases/{c.Id}",
                c.DueDate is { } date ? l["CasesUi:Workbench:Due", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value : null)).ToList());
    }
}
