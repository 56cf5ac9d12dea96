using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.LegalWindows.Application;

/// <summary>The advisor's card: the services recorded today at the windows he serves (the window page's today list), latest first.</summary>
internal static class LegalWindowWorkbenchCards
{
    private const int MaxRows = 200;

    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("legal-windows.today", WorkbenchSection.Today, "LegalWindowsUi:Workbench:Today", LegalWindowsPermissions.Services.Record, TodayAsync),
    ];

    private static async Task<WorkbenchCardContent> TodayAsync(IServiceProvider sp, CancellationToken ct)
    {
        var l = sp.GetRequiredService<IStringLocalizer>();
        var start = ChinaTime.StartOfDay(ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow())).ToUniversalTime();
        var end = start.AddDays(1);
        var records = await sp.GetRequiredService<AdvisorScope>().RecordsAsync(ct);
        var rows = await records.AsNoTracking().Where(r => r.ServedAt >= start && r.ServedAt < end)
            .OrderByDescending(r => r.ServedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.Kind }).Take(MaxRows).ToListAsync(ct);
        return new WorkbenchCardContent(rows.Count, "/LegalWindows",
            rows.Take(WorkbenchCardContent.MaxLines)
                .Select(r => new WorkbenchLine(r.Number, $"/LegalWindows/Records/{r.Id}", l[$"LegalWindowsUi:Kind:{r.Kind}"].Value)).ToList());
    }
}
