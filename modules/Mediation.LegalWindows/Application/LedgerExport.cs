using System.Text.Json;
using Mediation.Core.Exports;
using Mediation.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Mediation.LegalWindows.Application;

internal sealed record LedgerExportParameters(string? Month, Guid? WindowId, Guid? AdvisorId);

/// <summary>The monthly service ledger (工作台账) as a background export: the same rows as GET /ledger, with progress.</summary>
internal sealed class LedgerExport(ServiceDocumentsAppService documents, IOptions<JsonSerializerOptionsHolder> json) : IExportProducer
{
    public const string ExportKind = "legal-windows.ledger";

    public string Kind => ExportKind;

    public string Permission => LegalWindowsPermissions.Services.Ledger;

    public static string FileName(DateOnly first) => $"法律顾问工作台账{first:yyyy-MM}.xlsx";

    public async Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        var p = ExportParameters.Read<LedgerExportParameters>(parameters, json.Value.Options);
        return new ExportFile(FileName(await documents.CheckLedgerAsync(p.Month, p.WindowId, ct)), ExportFile.Xlsx);
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var p = ExportParameters.Read<LedgerExportParameters>(parameters, json.Value.Options);
        var first = await documents.CheckLedgerAsync(p.Month, p.WindowId, ct);
        await documents.WriteLedgerAsync(first, p.WindowId, p.AdvisorId, output, progress, ct);
    }
}
