using System.Globalization;
using System.Text.Json;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Mediation.Cases.Application;

/// <summary>
/// 导出台账 of the case list: exactly the rows the list shows for the same criteria (every page of it), in its order. The criteria are
/// checked at the request (a bad range or an out-of-scope unit is a 400 there); the job runs as the requester, so "mine" and the data
/// scope are his.
/// </summary>
internal sealed class CaseListExport(CaseListQuery query, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json) : IExportProducer
{
    public const string ExportKind = "cases.list";
    public const string FileName = "调解案件台账.xlsx";
    public const string SheetName = "调解案件台账";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(TextCatalog.DefaultCulture);

    public string Kind => ExportKind;

    public string Permission => CasesPermissions.Cases.Read;

    public async Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        await query.FilterAsync(ExportParameters.Read<CaseListCriteria>(parameters, json.Value.Options), ct);
        return new ExportFile(FileName, ExportFile.Xlsx);
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var filter = await query.FilterAsync(ExportParameters.Read<CaseListCriteria>(parameters, json.Value.Options), ct);
        var total = await query.CountAsync(filter, ct);
        await progress.ReportAsync(0, total, ct);
        await ExcelExporter.WriteAsync(output, query.AllAsync(filter, ct).Reporting(progress, total, ct), Columns(), SheetName, ct);
    }

    private IReadOnlyList<ExcelColumn<CaseListItemDto>> Columns() =>
    [
        new("案件编号", c => c.Number, Width: 22),
        new("纠纷类型", c => Label($"CasesUi:DisputeType:{c.DisputeType}"), Width: 16),
        new("当事人", c => string.Join("、", c.Parties.Select(p => Pages.Cases.CaseDisplay.PartyName(p.Kind, p.Name))), Width: 30),
        new("风险等级", c => Label($"CasesUi:RiskGrade:{c.RiskGrade}"), Width: 14),
        new("状态", c => Label($"CasesUi:CaseStatus:{c.Status}"), Width: 10),
        new("调解期限", c => c.DueDate, ExcelExporter.DateFormat, Width: 12),
        new("法定期限", c => c.StatutoryDueDate, ExcelExporter.DateFormat, Width: 12),
        new("登记时间", c => c.RegisteredAt, ExcelExporter.DateTimeFormat, Width: 18),
    ];

    private string Label(string key) => texts.Find(key, Chinese) ?? key;
}
