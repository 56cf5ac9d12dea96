using System.Globalization;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Excel;
using Mediation.Core.Documents.Layout;
using Mediation.Core.Exports;
using Mediation.Statistics.Domain;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Mediation.Statistics.Application;

/// <summary>The figures of one report: the unit's and its units', the year-on-year sentences and the monthly trend.</summary>
internal sealed record ReportData(FiguresDto Figures, IReadOnlyList<TrendPointDto> Trend, DateOnly MadeOn);

/// <summary>
/// The statistics report: A4 landscape PDF (summary tables per unit, bar chart of the success rate by unit, line chart of the monthly
/// trend, the definitions on the last page) and the same figures in Excel, one sheet per table, numbers as numbers.
/// </summary>
internal sealed class ReportBuilder(FigureService figures, IDocumentPdf pdf)
{
    public const string CaseSheet = "调解工作";
    public const string OtherSheet = "信访法律服务联席会议";
    public const string DeskSheet = "接诉即办";
    public const string YearOnYearSheet = "同比";
    public const string TrendSheet = "月度趋势";
    public const string DefinitionsSheet = "指标口径";

    private static readonly string[] CaseKeys =
        ["received", "concluded", "handledRate", "successRate", "closureRate", "averageHandlingDays", "satisfactionRate", "becameCriminal",
         "judicialApplied", "judicialConfirmed", "overdue"];

    private static readonly string[] OtherKeys =
        ["petitionsReceived", "petitionsAcceptedOnTime", "petitionsRepliedOnTime", "petitionsOverdue", "legalServices", "legalServicesCivilAgency",
         "legalServicesConsultation", "legalServicesPublicWelfare", "legalServicesCivilMediation", "meetingTasksAssigned", "meetingTasksOnTime",
         "meetingTasksOverdue"];

    private static readonly string[] DeskKeys = ["deskReceived", "deskResponseRate", "deskResolutionRate", "deskSatisfactionRate"];

    public Task<ReportData> ComputeAsync(FigureQuery query, CancellationToken ct) => ComputeAsync(query, null, ct);

    /// <summary>Steps of a report's progress: each query of the figures, each month of the trend, and the file.</summary>
    public static int ProgressTotal(ReportPeriod period) => FigureService.FigureSteps + FigureService.TrendMonthCount(period) + 1;

    /// <summary>The report's figures; <paramref name="progress"/> counts each figure and each month of the trend (the writer counts the file).</summary>
    public async Task<ReportData> ComputeAsync(FigureQuery query, IExportProgress? progress, CancellationToken ct)
    {
        var total = ProgressTotal(figures.Resolve(query));
        var done = 0;
        Func<ValueTask>? step = progress is null ? null : () => progress.ReportAsync(++done, total, ct);
        return new(await figures.GetAsync(query, step, ct), await figures.TrendAsync(query, step, ct), figures.Today);
    }

    public static string FileName(ReportData data, string extension) => FileName(new ReportPeriod(data.Figures.From, data.Figures.To), extension);

    public static string FileName(ReportPeriod period, string extension) =>
        $"统计报表{period.From.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{period.To.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{extension}";

    /// <summary>GB/T 9704: 2026年3月1日, no padding.</summary>
    public static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string Title(FiguresDto report) => $"{report.OrgUnitName}矛盾纠纷化解工作统计报表";

    private static string Cell(FigureDto figure) => figure.Value is not { } value ? "—" : figure.Unit switch
    {
        FigureUnit.Rate => value.ToString("0.00", CultureInfo.InvariantCulture) + "%",
        FigureUnit.Days => value.ToString("0.00", CultureInfo.InvariantCulture),
        _ => value.ToString("0", CultureInfo.InvariantCulture),
    };

    private static IEnumerable<(string Unit, Dictionary<string, FigureDto> Figures)> Rows(FiguresDto report) =>
        report.Units.Select(u => (u.OrgUnitName, u.Figures.ToDictionary(f => f.Key)))
            .Append(("合计", report.Figures.ToDictionary(f => f.Key)));

    private static TableBlock Table(FiguresDto report, string[] keys)
    {
        var names = report.Figures.ToDictionary(f => f.Key, f => f.Name);
        var columns = new List<TableColumn> { new("单位", 1.6) };
        columns.AddRange(keys.Select(k => new TableColumn(names[k], 1, TextAlign.Right)));
        var rows = Rows(report).Select(r => (IReadOnlyList<string>)new[] { r.Unit }.Concat(keys.Select(k => r.Figures.TryGetValue(k, out var f) ? Cell(f) : "—")).ToList())
            .ToList();
        return new TableBlock(columns, rows);
    }

    public byte[] Pdf(ReportData data)
    {
        var report = data.Figures;
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"统计期间：{ChineseDate(report.From)}至{ChineseDate(report.To)}", TextAlign.Center, IndentFirstLine: false),
            new Heading("一、调解工作", 2),
            Table(report, CaseKeys),
            new Heading("二、信访、法律服务和联席会议交办事项", 2),
            Table(report, OtherKeys),
            new Heading("三、接诉即办", 2),
            Table(report, DeskKeys),
            new Heading("四、同比情况", 2),
        };
        blocks.AddRange(report.YearOnYear.Select(y => new Paragraph(y.Wording + "。")));
        var success = report.Units.Where(u => u.Figures.Any(f => f.Key == "successRate")).ToList();
        blocks.Add(new ChartBlock(ChartKind.Bar, "各单位调解成功率（%）", success.Select(u => u.OrgUnitName).ToList(),
            [new ChartSeries("调解成功率", success.Select(u => (double)(u.Figures.Single(f => f.Key == "successRate").Value ?? 0)).ToList())]));
        blocks.Add(new ChartBlock(ChartKind.Line, "月度趋势（件）", data.Trend.Select(t => t.Month).ToList(),
            [new ChartSeries("受理", data.Trend.Select(t => (double)t.Received).ToList()), new ChartSeries("调结", data.Trend.Select(t => (double)t.Concluded).ToList())]));
        blocks.Add(new Paragraph($"制表日期：{ChineseDate(data.MadeOn)}", TextAlign.Right, IndentFirstLine: false));
        blocks.Add(new PageBreak());
        blocks.Add(new Heading("指标口径", 2));
        blocks.AddRange(report.Figures.Select(f => new Paragraph($"{f.Name}：{f.Definition}")));
        return pdf.Write(new DocumentSpec { Title = Title(report), Orientation = PaperOrientation.Landscape, Blocks = [new Heading(Title(report)), .. blocks] });
    }

    /// <summary>One sheet per table; rates are fractions shown as percentages, so a statistician can add and average them.</summary>
    public static byte[] Excel(ReportData data)
    {
        var report = data.Figures;
        var columns = new List<DynamicExcelColumn>();
        var sheets = new Dictionary<string, object>();

        IEnumerable<IDictionary<string, object?>> UnitSheet(string prefix, string[] keys)
        {
            var names = report.Figures.ToDictionary(f => f.Key);
            columns.Add(new DynamicExcelColumn(prefix + "unit") { Name = "单位", Index = 0, Width = 16 });
            for (var i = 0; i < keys.Length; i++)
            {
                var unit = names[keys[i]].Unit;
                columns.Add(new DynamicExcelColumn(prefix + keys[i])
                {
                    Name = names[keys[i]].Name, Index = i + 1, Width = 14,
                    Format = unit switch { FigureUnit.Rate => "0.00%", FigureUnit.Days => "0.00", _ => "0" },
                });
            }
            return Rows(report).Select(r =>
            {
                var row = new Dictionary<string, object?>(StringComparer.Ordinal) { [prefix + "unit"] = r.Unit };
                foreach (var key in keys)
                    row[prefix + key] = r.Figures.TryGetValue(key, out var f) && f.Value is { } v ? (f.Unit is FigureUnit.Rate ? v / 100 : v) : null;
                return (IDictionary<string, object?>)row;
            }).ToList();
        }

        sheets[CaseSheet] = UnitSheet("c_", CaseKeys);
        sheets[OtherSheet] = UnitSheet("o_", OtherKeys);
        sheets[DeskSheet] = UnitSheet("k_", DeskKeys);
        columns.AddRange([new DynamicExcelColumn("y_name") { Name = "指标", Index = 0, Width = 18 }, new DynamicExcelColumn("y_before") { Name = "上年同期", Index = 1 },
            new DynamicExcelColumn("y_now") { Name = "本期", Index = 2 }, new DynamicExcelColumn("y_change") { Name = "增减", Index = 3 },
            new DynamicExcelColumn("y_text") { Name = "表述", Index = 4, Width = 40 }]);
        var names = report.Figures.ToDictionary(f => f.Key, f => f.Name);
        sheets[YearOnYearSheet] = report.YearOnYear.Select(y => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["y_name"] = names[y.Key], ["y_before"] = y.Previous, ["y_now"] = y.Current, ["y_change"] = y.Change, ["y_text"] = y.Wording,
        }).ToList();
        columns.AddRange([new DynamicExcelColumn("t_month") { Name = "月份", Index = 0 }, new DynamicExcelColumn("t_received") { Name = "受理", Index = 1, Format = "0" },
            new DynamicExcelColumn("t_concluded") { Name = "调结", Index = 2, Format = "0" },
            new DynamicExcelColumn("t_success") { Name = "调解成功率", Index = 3, Format = "0.00%" }]);
        sheets[TrendSheet] = data.Trend.Select(t => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["t_month"] = t.Month, ["t_received"] = t.Received, ["t_concluded"] = t.Concluded, ["t_success"] = t.SuccessRate / 100,
        }).ToList();
        columns.AddRange([new DynamicExcelColumn("d_name") { Name = "指标", Index = 0, Width = 18 },
            new DynamicExcelColumn("d_text") { Name = "口径", Index = 1, Width = 100 }]);
        sheets[DefinitionsSheet] = report.Figures.Select(f => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["d_name"] = f.Name, ["d_text"] = ExcelExporter.Neutralised(f.Definition),
        }).ToList();

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: true, excelType: ExcelType.XLSX,
            configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = false, DynamicColumns = [.. columns] });
        return stream.ToArray();
    }
}
