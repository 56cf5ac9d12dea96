using System.Text.Json;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Exports;

namespace Mediation.JointMeetings.Application;

/// <summary>
/// The register (台账: every task of the working groups the requester sees, open and accepted) as a background export. It runs
/// as the requester, so his data scope narrows the rows; the file, its progress and download are the shared 我的导出.
/// </summary>
internal sealed class RegisterExport(JointMeetingDocumentsAppService documents) : IExportProducer
{
    public const string ExportKind = "joint-meetings.register";
    public const string FileName = "联席会议台账.xlsx";
    public const string SheetName = "联席会议台账";

    public string Kind => ExportKind;

    public string Permission => JointMeetingsPermissions.Meetings.Read;

    /// <summary>The register takes no parameters: the requester's scope is its only filter.</summary>
    public Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        ExportParameters.None(parameters);
        return Task.FromResult(new ExportFile(FileName, ExportFile.Xlsx));
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var rows = await documents.RowsAsync(openOnly: false, orgUnitIds: null, ct);
        await progress.ReportAsync(0, rows.Count, ct);
        ExcelExporter.Write(output, rows, JointMeetingDocumentsAppService.Columns, SheetName);
        await progress.ReportAsync(rows.Count, rows.Count, ct);
    }
}
