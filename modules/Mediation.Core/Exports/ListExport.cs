using System.Globalization;
using System.Text.Json;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Localization;
using Mediation.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Mediation.Core.Exports;

/// <summary>
/// 导出台账 of a list page: exactly the rows the list shows for the same criteria (every page of it), in its order, streamed to Excel.
/// The criteria are checked at the request (a bad range or an out-of-scope unit is a 400 there) and again in the job, which runs as the
/// requester, in his data scope. A module brings its criteria, its query and its columns.
/// </summary>
public abstract class ListExport<TCriteria, TFilter, TRow>(TextCatalog texts, IOptions<JsonSerializerOptionsHolder> json) : IExportProducer
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo(TextCatalog.DefaultCulture);

    public abstract string Kind { get; }

    public abstract string Permission { get; }

    /// <summary>The ledger's name: the sheet's, and the file's with ".xlsx".</summary>
    protected abstract string LedgerName { get; }

    protected abstract Task<TFilter> FilterAsync(TCriteria criteria, CancellationToken ct);

    protected abstract Task<int> CountAsync(TFilter filter, CancellationToken ct);

    protected abstract IAsyncEnumerable<TRow> RowsAsync(TFilter filter, CancellationToken ct);

    protected abstract IReadOnlyList<ExcelColumn<TRow>> Columns();

    public async Task<ExportFile> PrepareAsync(JsonElement parameters, CancellationToken ct)
    {
        await FilterAsync(ExportParameters.Read<TCriteria>(parameters, json.Value.Options), ct);
        return new ExportFile(LedgerName + ".xlsx", ExportFile.Xlsx);
    }

    public async Task WriteAsync(JsonElement parameters, Stream output, IExportProgress progress, CancellationToken ct)
    {
        var filter = await FilterAsync(ExportParameters.Read<TCriteria>(parameters, json.Value.Options), ct);
        var total = await CountAsync(filter, ct);
        await progress.ReportAsync(0, total, ct);
        await ExcelExporter.WriteAsync(output, RowsAsync(filter, ct).Reporting(progress, total, ct), Columns(), LedgerName, ct);
    }

    /// <summary>A page's text in Chinese, as the ledger is printed whatever the requester's language.</summary>
    protected string Label(string key) => texts.Find(key, Chinese) ?? key;
}
