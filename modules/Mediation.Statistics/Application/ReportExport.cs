using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Exports;
using Mediation.Core.Messaging;
using Mediation.Core.Validation;
using Mediation.Statistics.Domain;
using Mediation.Statistics.Endpoints;
using Microsoft.Extensions.Options;

namespace Mediation.Statistics.Application;

/// <summary>The query of the report (as GET /report.pdf takes it) and its format, <c>pdf</c> (the default) or <c>xlsx</c>.</summary>
internal sealed record ReportExportParameters(string? Format, Guid? OrgUnitId, string? Period, int? Year, int? Quarter, int? Month,
    DateOnly? From, DateOnly? To, string? DisputeType, string? Source);

/// <summary>
/// The statistics report written in the background: over a county's years of records it takes longer than a request should. Progress
/// counts the figures computed, the trend's months and the writing of the file.
/// </summary>
internal sealed class ReportExport(ReportBuilder reports, FigureService figures, IOptions<JsonSerializerOptionsHolder> json) : IExportProducer
{
    public const string ExportKind = "statistics.report";
    public const string Pdf = "pdf";
    public const string Xlsx = "xlsx";

    public string Kind => ExportKind;

    public string Permission => StatisticsPermissions.Figures.Export;

    public async Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        var (format, query) = Read(parameters);
        var period = figures.Resolve(query);
        await figures.UnitInScopeAsync(query.OrgUnitId, ct);
        return new ExportFile(ReportBuilder.FileName(period, format), format == Pdf ? ExportFile.Pdf : ExportFile.Xlsx);
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var (format, query) = Read(parameters);
        var data = await reports.ComputeAsync(query, progress, ct);
        await output.WriteAsync(format == Pdf ? reports.Pdf(data) : ReportBuilder.Excel(data), ct);
        var total = ReportBuilder.ProgressTotal(figures.Resolve(query));
        await progress.ReportAsync(total, total, ct);
    }

    private (string Format, FigureQuery Query) Read(JsonElement parameters)
    {
        var p = ExportParameters.Read<ReportExportParameters>(parameters, json.Value.Options);
        var format = p.Format ?? Pdf;
        if (format is not (Pdf or Xlsx)) new InputValidator().Add("format", CoreErrorCodes.Validation.NotAMember).ThrowIfInvalid();
        return (format, StatisticsEndpoints.Query(p.OrgUnitId, p.Period, p.Year, p.Quarter, p.Month, p.From, p.To, p.DisputeType, p.Source));
    }
}
