using Hangfire;
using Mediation.Cases;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Mediation.Statistics.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Mediation.Statistics.Endpoints;

internal static class StatisticsEndpoints
{
    private const string PeriodHelp = "Period: `period=Month|Quarter|Year` with `year` (and `month` 1–12 or `quarter` 1–4), or `period=Custom` with "
        + "`from` and `to` (China dates, both included); the current year when omitted. `orgUnitId`: the caller's unit when omitted; a unit "
        + "outside the caller's subtree is 404. `disputeType` and `source` narrow the case figures.";

    public static void MapStatisticsEndpoints(this RouteGroupBuilder g)
    {
        g.MapGet("/figures", (Guid? orgUnitId, string? period, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to,
                string? disputeType, string? source, FigureService s, CancellationToken ct) =>
                s.GetAsync(Query(orgUnitId, period, year, quarter, month, from, to, disputeType, source), ct)).WithName("Statistics_GetFigures").WithSummary("统计指标（含下级单位与同比）")
            .RequirePermission(StatisticsPermissions.Figures.Read)
            .WithDescription("The figures of a unit, rolled up over its subtree, with its units one level down and the change year on year\n\n" + PeriodHelp + "\n\n" + FigureDefinitionsMarkdown.Text);
        g.MapGet("/figures/{figure}/records", (string figure, string? part, Guid? orgUnitId, string? period, int? year, int? quarter,
                int? month, DateOnly? from, DateOnly? to, string? disputeType, string? source, FigureService s, CancellationToken ct) =>
                s.RecordsAsync(figure, part, Query(orgUnitId, period, year, quarter, month, from, to, disputeType, source), ct)).WithName("Statistics_ListFigureRecords").WithSummary("统计指标明细（穿透查询）")
            .RequirePermission(StatisticsPermissions.Figures.Read)
            .WithDescription("The records a figure counts (part=numerator, or denominator for a rate), within the caller's scope\n\n" + PeriodHelp);
        g.MapGet("/report.pdf", async (Guid? orgUnitId, string? period, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to,
                string? disputeType, string? source, ReportBuilder reports, CancellationToken ct) =>
            {
                var data = await reports.ComputeAsync(Query(orgUnitId, period, year, quarter, month, from, to, disputeType, source), ct);
                return TypedResults.File(reports.Pdf(data), "application/pdf", ReportBuilder.FileName(data, "pdf"));
            }).WithName("Statistics_GetReportPdf").WithSummary("统计报告（PDF）")
            .RequirePermission(StatisticsPermissions.Figures.Export)
            .WithDescription("The report as A4 landscape PDF: tables per unit, success rate by unit, monthly trend, year on year, definitions\n\n" + PeriodHelp);
        g.MapGet("/report.xlsx", async (Guid? orgUnitId, string? period, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to,
                string? disputeType, string? source, ReportBuilder reports, CancellationToken ct) =>
            {
                var data = await reports.ComputeAsync(Query(orgUnitId, period, year, quarter, month, from, to, disputeType, source), ct);
                return TypedResults.File(ReportBuilder.Excel(data), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ReportBuilder.FileName(data, "xlsx"));
            }).WithName("Statistics_GetReportXlsx").WithSummary("统计报告（Excel）")
            .RequirePermission(StatisticsPermissions.Figures.Export)
            .WithDescription("The same figures in Excel: one sheet per table, numbers as numbers, rates as percentages\n\n" + PeriodHelp);
        g.MapGet("/trend", (Guid? orgUnitId, string? period, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to,
                string? disputeType, string? source, FigureService s, CancellationToken ct) =>
                s.TrendAsync(Query(orgUnitId, period, year, quarter, month, from, to, disputeType, source), ct)).WithName("Statistics_GetTrend").WithSummary("按月趋势")
            .RequirePermission(StatisticsPermissions.Figures.Read)
            .WithDescription("Cases received and concluded and the success rate, month by month over the period (its last 36 months at most)\n\n" + PeriodHelp);
        g.MapPost("/recount", (IBackgroundJobClient jobs) =>
            {
                var id = jobs.Enqueue<RecountJob>(j => j.RunAsync(CancellationToken.None));
                return TypedResults.Accepted((string?)null, new RecountQueuedDto(id));
            }).WithName("Statistics_Recount").WithSummary("后台重新统计全部指标")
            .RequirePermission(StatisticsPermissions.Figures.Recount)
            .WithDescription("Recount every figure from the modules' records, in the background");
    }

    /// <summary>
    /// Enums in the query are exactly one member by name, as in JSON bodies: minimal APIs would also take "Month,Year" or "2".
    /// </summary>
    public static FigureQuery Query(Guid? orgUnitId, string? period, int? year, int? quarter, int? month, DateOnly? from, DateOnly? to,
        string? disputeType, string? source)
    {
        var validator = new InputValidator();
        var query = new FigureQuery(orgUnitId, Member<PeriodKind>(period, "period", validator), year, quarter, month, from, to,
            Member<DisputeType>(disputeType, "disputeType", validator), Member<CaseSource>(source, "source", validator));
        validator.ThrowIfInvalid();
        return query;
    }

    private static T? Member<T>(string? text, string field, InputValidator validator)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (StrictEnumJsonConverter.TryParse(typeof(T), text, out var value)) return (T)value!;
        validator.Add(field, CoreErrorCodes.Validation.NotAMember);
        return null;
    }
}
