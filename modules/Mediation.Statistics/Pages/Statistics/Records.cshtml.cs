using Mediation.Cases;
using Mediation.Core.Web.Pages;
using Mediation.Statistics.Application;
using Mediation.Statistics.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Statistics.Pages.Statistics;

/// <summary>The records one figure counts, so anyone can check a number by hand.</summary>
[Authorize(Policy = StatisticsPermissions.Figures.Read)]
internal sealed class RecordsModel(FigureService figures) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string Figure { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Part { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrgUnitId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DisputeType? DisputeType { get; set; }
    [BindProperty(SupportsGet = true)] public CaseSource? Source { get; set; }

    public CountedRecordsDto Records { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Records = await figures.RecordsAsync(Figure, Part, StatisticsEndpoints.Query(OrgUnitId, nameof(PeriodKind.Custom), null, null, null, From, To,
            DisputeType?.ToString(), Source?.ToString()), ct);
}
