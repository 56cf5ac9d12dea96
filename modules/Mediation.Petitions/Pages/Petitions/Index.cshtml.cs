using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>The officer's queue: petitions in his scope, the one whose running clock falls due first on top (the service's order).</summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Read)]
internal sealed class IndexModel(PetitionAppService petitions, PetitionPageQuery queue, ICurrentUser user, TimeProvider clock, IServiceProvider services)
    : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public PetitionStatus? Status { get; set; }

    /// <summary>Only those whose opinion waits for my sign-off (the workbench's count links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool SignOff { get; set; }

    public bool CanRegister => user.HasPermission(PetitionsPermissions.Petitions.Register);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<PetitionSummaryDto> Petitions { get; private set; } = [];

    /// <summary>Petitioners by petition, masked: the summary does not carry them.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<string>> Petitioners { get; private set; } = new Dictionary<Guid, IReadOnlyList<string>>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        var all = (await petitions.ListAsync(null, Paging.WebPageList, ct)).Items;
        Petitions = Status is { } status ? all.Where(p => p.Status == status).ToList() : all;
        if (SignOff)
        {
            var awaiting = (await PetitionWorkbenchCards.AwaitingMySignOff(services).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            Petitions = Petitions.Where(p => awaiting.Contains(p.Id)).ToList();
        }
        Petitioners = await queue.PetitionerNamesAsync(Petitions.Select(p => p.Id).ToList(), ct);
    }
}
