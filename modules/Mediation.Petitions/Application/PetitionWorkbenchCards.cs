using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Core.Web;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Mediation.Petitions.Application;

/// <summary>
/// The officer's cards: petitions whose running clock falls due within three working days or is past it (the queue filtered as the count's
/// link shows it); the unit head's: the opinions drafted in his unit's name that wait for his sign-off (信访工作条例 Art. 33).
/// </summary>
internal static class PetitionWorkbenchCards
{
    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("petitions.due-soon", WorkbenchSection.DueSoon, "PetitionsUi:Workbench:DueSoon", PetitionsPermissions.Petitions.Handle,
            (sp, ct) => DueAsync(sp, PetitionDueFilter.Soon, ct)),
        new("petitions.overdue", WorkbenchSection.Overdue, "PetitionsUi:Workbench:Overdue", PetitionsPermissions.Petitions.Handle,
            (sp, ct) => DueAsync(sp, PetitionDueFilter.Overdue, ct)),
        new("petitions.sign-off", WorkbenchSection.Approval, "PetitionsUi:Workbench:SignOff", PetitionsPermissions.Opinions.SignOff, AwaitingSignOffAsync),
    ];

    private static async Task<WorkbenchCardContent> DueAsync(IServiceProvider sp, PetitionDueFilter due, CancellationToken ct)
    {
        var query = sp.GetRequiredService<PetitionListQuery>();
        var l = sp.GetRequiredService<IStringLocalizer>();
        var filter = await query.FilterAsync(new PetitionListCriteria(Due: due), ct);
        var page = await query.PageAsync(filter, new Paging(1, WorkbenchCardContent.MaxLines), ct);
        return new WorkbenchCardContent(page.Total, $"/Petitions?due={due}",
            page.Items.Select(p => new WorkbenchLine(p.Number, $"/Petitions/{p.Id}",
                p.DueAt is { } at ? l["PetitionsUi:Workbench:Due", ChinaTime.DateOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value : null))
                .ToList());
    }

    private static async Task<WorkbenchCardContent> AwaitingSignOffAsync(IServiceProvider sp, CancellationToken ct)
    {
        var rows = await AwaitingMySignOff(sp).OrderBy(p => p.ReceivedAt).Select(p => new { p.Id, p.Number })
            .Take(WorkbenchCardContent.MaxCountedRows).ToListAsync(ct);
        return WorkbenchCardContent.FromRows(rows, "/Petitions?signOff=true", p => new WorkbenchLine(p.Number, $"/Petitions/{p.Id}"));
    }

    /// <summary>The petitions whose opinion waits for the caller's sign-off: drafted in his own unit's name.</summary>
    public static IQueryable<Petition> AwaitingMySignOff(IServiceProvider sp)
    {
        var unit = sp.GetRequiredService<ICurrentUser>().OrgUnitId ?? Guid.Empty;
        return sp.GetRequiredService<PetitionAppService>().Visible().AsNoTracking()
            .Where(p => p.Opinions.Any(o => o.State == OpinionState.AwaitingSignOff && o.IssuingOrgUnitId == unit));
    }
}
