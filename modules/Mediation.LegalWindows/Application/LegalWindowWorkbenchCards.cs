using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.LegalWindows.Application;

/// <summary>The advisor's card: the services recorded today at the windows he serves (the window page's today list), latest first.</summary>
internal static class LegalWindowWorkbenchCards
{
    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("legal-windows.today", WorkbenchSection.Today, "LegalWindowsUi:Workbench:Today", LegalWindowsPermissions.Services.Record, TodayAsync),
    ];

    private static async Task<WorkbenchCardContent> TodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var l = sp.GetRequiredService<IStringLocalizer>();
        var (start, end) = ChinaTime.DayInUtc(ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        var records = await sp.GetRequiredService<AdvisorScope>().RecordsAsync(ct);
        var rows = await records.AsNoTracking().Where(r => r.ServedAt >= start && r.ServedAt < end)
            .OrderByDescending(r => r.ServedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.Kind }).Take(WorkbenchCardContent.MaxCountedRows).ToListAsync(ct);
        return WorkbenchCardContent.FromRows(rows, "/LegalWindows",
            r => new WorkbenchLine(r.Number, $"/LegalWindows/Records/{r.Id}", l[$"LegalWindowsUi:Kind:{r.Kind}"].Value));
    }
}
