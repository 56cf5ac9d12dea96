using System.Globalization;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Cases.Application;

/// <summary>A mediator's cards on the workbench: his open cases, those due within three working days and those past their term.</summary>
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
    ];

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
