using Mediation.Core.Deadlines.Application;
using Mediation.Web.OrgUnits;
using Mediation.Web.Deadlines;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mediation.Web.Pages.Deadlines;

/// <summary>
/// "Due soon / overdue" for a unit and the units below it. Dashboard.Read, or Dashboard.ReadByUnit for the unit heads whose workbench
/// card (overdue by unit) links here.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Mediation.Core.Deadlines.DeadlinesPermissions.Dashboard.PagePolicy)]
public sealed class IndexModel(DashboardAppService dashboard, OrgUnitAppService orgUnits, Mediation.Core.Security.ICurrentUser user,
    Mediation.Core.Deadlines.IRecordReferences references) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? OrgUnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? WithinDays { get; set; }

    public IReadOnlyList<OrgUnitDto> Units { get; private set; } = [];

    public DashboardDto? Board { get; private set; }

    /// <summary>Each row's record by kind and number, one describer call per record type.</summary>
    public Dictionary<(string Type, Guid Id), Mediation.Core.Deadlines.RecordReference> Records { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await orgUnits.ListAsync(null, null, null, ct);
        // The user's own unit by default: units above it or in another county have no board for them.
        OrgUnitId ??= user.OrgUnitId ?? Units.FirstOrDefault(u => u.ParentId is null)?.Id;
        if (OrgUnitId is { } id && Units.Any(u => u.Id == id))
        {
            try
            {
                Board = await dashboard.GetAsync(id, Math.Clamp(WithinDays ?? DashboardAppService.DefaultWithinDays, 0, 60), ct);
                foreach (var type in Board.Overdue.Concat(Board.DueSoon).GroupBy(i => i.RecordType))
                    foreach (var (recordId, reference) in await references.DescribeAsync(type.Key, type.Select(i => i.RecordId).Distinct().ToList(), ct))
                        Records[(type.Key, recordId)] = reference;
            }
            catch (Mediation.Core.Domain.EntityNotFoundException)
            {
                Board = null;
            }
        }
    }
}
