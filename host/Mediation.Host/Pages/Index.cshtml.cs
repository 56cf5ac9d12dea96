using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Host.Pages;

/// <summary>One card of the workbench as the page lays it out.</summary>
public sealed record WorkbenchCardView(WorkbenchCard Card, WorkbenchCardContent Content);

/// <summary>
/// The workbench: the cards the modules contribute (IModule.WorkbenchCards) whose permission the user holds, section by section.
/// Cards are read one after the other: they share the request's DbContext.
/// </summary>
public sealed class IndexModel(ModuleCatalog modules, ICurrentUser user, IServiceProvider services) : PageModel
{
    public IReadOnlyList<WorkbenchCardView> Cards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return;
        var cards = new List<WorkbenchCardView>();
        foreach (var card in modules.Modules.SelectMany(m => m.WorkbenchCards).Where(c => user.HasPermission(c.Permission)).OrderBy(c => c.Section))
            cards.Add(new WorkbenchCardView(card, await card.LoadAsync(services, ct)));
        Cards = cards;
    }
}
