using Mediation.Core.Web;
using Mediation.Core.Web.Pages;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Petitions.Pages.Petitions;

/// <summary>The officer's queue: petitions in his scope, the one whose running clock falls due first on top (the service's order).</summary>
[Authorize(Policy = PetitionsPermissions.Petitions.Read)]
internal sealed class IndexModel(PetitionAppService petitions, PetitionPageQuery queue, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public PetitionStatus? Status { get; set; }

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
        Petitioners = await queue.PetitionerNamesAsync(Petitions.Select(p => p.Id).ToList(), ct);
    }
}
