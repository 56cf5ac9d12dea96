using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Petitions.Application;

/// <summary>A unit head's card: the opinions drafted in his unit's name that wait for his sign-off (信访工作条例 Art. 33).</summary>
internal static class PetitionWorkbenchCards
{
    private const int MaxRows = 200;

    public static IReadOnlyList<WorkbenchCard> All { get; } =
    [
        new("petitions.sign-off", WorkbenchSection.Approval, "PetitionsUi:Workbench:SignOff", PetitionsPermissions.Opinions.SignOff, AwaitingSignOffAsync),
    ];

    private static async Task<WorkbenchCardContent> AwaitingSignOffAsync(IServiceProvider sp, CancellationToken ct)
    {
        var rows = await AwaitingMySignOff(sp).OrderBy(p => p.ReceivedAt).Select(p => new { p.Id, p.Number }).Take(MaxRows).ToListAsync(ct);
        return new WorkbenchCardContent(rows.Count, "/Petitions?signOff=true",
            rows.Take(WorkbenchCardContent.MaxLines).Select(p => new WorkbenchLine(p.Number, $"/Petitions/{p.Id}")).ToList());
    }

    /// <summary>The petitions whose opinion waits for the caller's sign-off: drafted in his own unit's name.</summary>
    public static IQueryable<Petition> AwaitingMySignOff(IServiceProvider sp)
    {
        var unit = sp.GetRequiredService<ICurrentUser>().OrgUnitId ?? Guid.Empty;
        return sp.GetRequiredService<PetitionAppService>().Visible().AsNoTracking()
            .Where(p => p.Opinions.Any(o => o.State == OpinionState.AwaitingSignOff && o.IssuingOrgUnitId == unit));
    }
}
