using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Mediation.Core.Documents.Excel;

public sealed record ExcelColumn<T>(string Header, Func<T, object?> Value, string? Format = null, double Width = 14);

/// <summary>
/// Ledger and statistics exports with MiniExcel. Rows are pulled one at a time from the source and
/// written straight to the stream, so 100,000 rows never sit in memory together. Numbers stay
/// numbers and dates real date cells (a DateTimeOffset is written in China time).
/// Exports are long jobs: write to a file stream in a background job, then serve the file.
/// </summary>
public static class ExcelExporter
{
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static void Write<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExcelColumn<T>> columns, string sheetName = "Sheet1")
    {
        var keys = columns.Select((_, i) => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var configuration = new OpenXmlConfiguration
        {
            FastMode = true,
            EnableAutoWidth = false,
            DynamicColumns = columns.Select((c, i) => new DynamicExcelColumn(keys[i])
            {
                Name = c.Header,
                Index = i,
                Width = c.Width,
                Format = c.Format,
            }).ToArray(),
        };
        MiniExcel.SaveAs(output, Project(rows, columns, keys), printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration);
    }

    public static Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, IReadOnlyList<ExcelColumn<T>> columns, string sheetName = "Sheet1", CancellationToken ct = default) =>
        Task.Run(() => Write(output, rows.ToBlockingEnumerable(ct), columns, sheetName), ct);

    private static IEnumerable<IDictionary<string, object?>> Project<T>(IEnumerable<T> rows, IReadOnlyList<ExcelColumn<T>> columns, string[] keys)
    {
        foreach (var row in rows)
        {
            var values = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++) values[keys[i]] = Cell(columns[i].Value(row));
            yield return values;
        }
    }

    private static object? Cell(object? value) => value switch
    {
        DateTimeOffset t => t.ToOffset(ChinaOffset).DateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        Enum e => e.ToString(),
        string s => Neutralised(s),
        _ => value,
    };

    /// <summary>
    /// Text a spreadsheet would run as a formula (= + - @, or a tab/CR before one) is prefixed with an apostrophe,
    /// so a petitioner's "=HYPERLINK(…)" stays text in an officer's Excel (CSV/formula injection).
    /// </summary>
    public static string Neutralised(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
