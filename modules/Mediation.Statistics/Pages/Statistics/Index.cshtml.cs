using Mediation.Cases;
using Mediation.Core.Exports;
using Mediation.Core.OrgUnits;
using Mediation.Core.Security;
using Mediation.Core.Web.Pages;
using Mediation.Statistics.Application;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Statistics.Pages.Statistics;

/// <summary>The statistician's dashboard: the figures of a unit and period with their definitions, drill-down, charts and the export.</summary>
[Authorize(Policy = StatisticsPermissions.Figures.Read)]
internal sealed class IndexModel(FigureService figures, IOrgUnitDirectory units, ICurrentUser user, IExportJobs exports) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? OrgUnitId { get; set; }
    [BindProperty(SupportsGet = true)] public PeriodKind? Period { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public DisputeType? DisputeType { get; set; }
    [BindProperty(SupportsGet = true)] public CaseSource? Source { get; set; }

    public FiguresDto Report { get; private set; } = null!;
    public IReadOnlyList<TrendPointDto> Trend { get; private set; } = [];
    public IReadOnlyList<OrgUnitInfo> Units { get; private set; } = [];
    public bool CanExport => user.HasPermission(StatisticsPermissions.Figures.Export);

    private FigureQuery Query => new(OrgUnitId, Period, Year, Quarter, Month, From, To, DisputeType, Source);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period ??= From is null && To is null ? PeriodKind.Year : PeriodKind.Custom;
        Report = await figures.GetAsync(Query, ct);
        Trend = await figures.TrendAsync(Query, ct);
        var own = await figures.UnitInScopeAsync(null, ct);
        // The caller's unit and two levels below: a county statistician picks a township, a city one a county or township.
        Units = (await units.SubtreeAsync(own.Path, ct)).Where(u => u.Path.Length <= own.Path.Length + 2 * 33).ToList();
    }

    /// <summary>The report of what the page shows, written in the background; its progress and download are on 我的导出.</summary>
    public async Task<IActionResult> OnPostExportAsync(string? format, CancellationToken ct)
    {
        if (!CanExport) return Forbid();
        if (await TryAsync("", () => exports.EnqueueAsync(ReportExport.ExportKind, new ReportExportParameters(format, OrgUnitId, Period?.ToString(), Year,
                Quarter, Month, From, To, DisputeType?.ToString(), Source?.ToString()), ct)))
            return Redirect(ExportJobDto.Page);
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>The report of exactly what the page shows: the resolved unit and dates, and the filters.</summary>
    public string ReportLink(string extension) =>
        $"{StatisticsModuleInfo.ApiPrefix}/report.{extension}?orgUnitId={Report.OrgUnitId}&period=Custom&from={Report.From:yyyy-MM-dd}&to={Report.To:yyyy-MM-dd}"
        + (DisputeType is { } t ? $"&disputeType={t}" : "") + (Source is { } s ? $"&source={s}" : "");

    public static string RecordsLink(FigureDto figure, string part = "numerator") =>
        "/Statistics/Records?" + figure.DrillDown[(figure.DrillDown.IndexOf('?', StringComparison.Ordinal) + 1)..]
            .Replace("part=numerator", "part=" + part, StringComparison.Ordinal) + "&figure=" + figure.Key;
}
