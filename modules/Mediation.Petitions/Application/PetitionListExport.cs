using System.Globalization;
using System.Text.Json;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Mediation.Petitions.Pages.Petitions;
using Microsoft.Extensions.Options;

namespace Mediation.Petitions.Application;

/// <summary>
/// 导出台账 of the petition queue: exactly the rows the queue shows for the same criteria (every page), in its order, petitioners masked as
/// on the page. The criteria are checked at the request; the job runs as the requester, in his data scope.
/// </summary>
internal sealed class PetitionListExport(PetitionListQuery query, PetitionPageQuery names, TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json)
    : IExportProducer
{
    public const string ExportKind = "petitions.list";
    public const string FileName = "信访事项台账.xlsx";
    public const string SheetName = "信访事项台账";

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(TextCatalog.DefaultCulture);

    public string Kind => ExportKind;

    public string Permission => PetitionsPermissions.Petitions.Read;

    public async Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        await query.FilterAsync(ExportParameters.Read<PetitionListCriteria>(parameters, json.Value.Options), ct);
        return new ExportFile(FileName, ExportFile.Xlsx);
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var filter = await query.FilterAsync(ExportParameters.Read<PetitionListCriteria>(parameters, json.Value.Options), ct);
        var total = await query.CountAsync(filter, ct);
        await progress.ReportAsync(0, total, ct);
        var rows = new List<PetitionSummaryDto>(total);
        await foreach (var row in query.AllAsync(filter, ct).Reporting(progress, total, ct)) rows.Add(row);
        var petitioners = new Dictionary<Guid, IReadOnlyList<string>>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(500))
            foreach (var (id, list) in await names.PetitionerNamesAsync(chunk, ct)) petitioners[id] = list;
        ExcelExporter.Write(output, rows, Columns(petitioners), SheetName);
    }

    private IReadOnlyList<ExcelColumn<PetitionSummaryDto>> Columns(IReadOnlyDictionary<Guid, IReadOnlyList<string>> petitioners) =>
    [
        new("信访事项编号", p => p.Number, Width: 22),
        new("信访形式", p => Label($"PetitionsUi:Channel:{p.Channel}"), Width: 12),
        new("信访人", p => string.Join("、", (petitioners.GetValueOrDefault(p.Id) ?? []).Select(PetitionDisplay.PersonName)), Width: 20),
        new("信访事项", p => p.Matter, Width: 40),
        new("状态", p => Label($"PetitionsUi:PetitionStatus:{p.Status}"), Width: 14),
        new("收到时间", p => p.ReceivedAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("期限", p => p.DueAt, ExcelExporter.DateTimeFormat, Width: 18),
        new("期限类别", p => p.DuePolicy is { } policy ? Label(PetitionDisplay.ClockKey(policy)) : null, Width: 16),
        new("法定期限", p => p.StatutoryDueDate, ExcelExporter.DateFormat, Width: 12),
    ];

    private string Label(string key) => texts.Find(key, Chinese) ?? key;
}
