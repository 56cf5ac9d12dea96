using Mediation.Core.Web.Pages;
using Mediation.Cases.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Cases.Pages.Cases;

[Authorize(Policy = CasesPermissions.Cases.Read)]
internal sealed class IndexModel(CaseListQuery query, ICurrentUser user, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public RiskGrade? Risk { get; set; }

    /// <summary>A mediator sees his own cases unless he asks for every case in his unit's scope.</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    public bool WorksCases => user.HasPermission(CasesPermissions.Sessions.Record);

    public bool CanRegister => user.HasPermission(CasesPermissions.Cases.Register);

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true)]
    public CaseDueFilter? Due { get; set; }

    public IReadOnlyList<CaseListItemDto> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        var filter = Due is { } due ? await query.DueFilterAsync(WorksCases && !All, due, Today, ct) : new CaseListFilter(WorksCases && !All, null, null);
        Cases = await query.ListAsync(filter with { Status = Status, Risk = Risk }, ct);
    }
}
