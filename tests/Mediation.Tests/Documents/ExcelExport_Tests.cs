using Mediation.Core.Documents.Excel;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Documents;

public sealed class ExcelExport_Tests
{
    private sealed record LedgerRow(int No, string CaseName, string County, DateTimeOffset AcceptedAt, decimal Amount, bool Succeeded);

    private static readonly string[] Counties = ["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"];

    [Fact]
    public void A_100k_row_ledger_is_written_from_a_stream_of_rows_with_Chinese_headers_and_typed_cells()
    {
        var produced = 0;
        var maxAhead = 0;
        var written = 0;
        IEnumerable<LedgerRow> Rows()
        {
            var start = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
            for (var i = 1; i <= 100_000; i++)
            {
                produced++;
                yield return new LedgerRow(i, $"纠纷案件{i}", Counties[i % 6], start.AddMinutes(i), i * 1.5m, i % 3 != 0);
            }
        }
        var columns = new ExcelColumn<LedgerRow>[]
        {
            new("序号", r => { written++; maxAhead = Math.Max(maxAhead, produced - written); return r.No; }),
            new("案件名称", r => r.CaseName, Width: 24),
            new("县市区", r => r.County),
            new("受理时间", r => r.AcceptedAt, ExcelExporter.DateTimeFormat, 18),
            new("涉及金额（元）", r => r.Amount, "#,##0.00"),
            new("是否调解成功", r => r.Succeeded ? "是" : "否"),
        };

        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var file = File.Create(path)) ExcelExporter.Write(file, Rows(), columns, "工作台账");

            produced.ShouldBe(100_000);
            maxAhead.ShouldBeLessThanOrEqualTo(1, "rows must be pulled one at a time, never collected first");

            MiniExcel.GetSheetNames(path).ShouldBe(["工作台账"]);
            var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "工作台账").Cast<IDictionary<string, object?>>().Take(3).ToList();
            rows[0].Keys.ShouldBe(["序号", "案件名称", "县市区", "受理时间", "涉及金额（元）", "是否调解成功"]);
            Convert.ToDouble(rows[1]["序号"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(2);
            rows[1]["案件名称"].ShouldBe("纠纷案件2");
            rows[1]["受理时间"].ShouldBeOfType<DateTime>().ShouldBe(new DateTime(2026, 1, 1, 9, 2, 0));
            Convert.ToDecimal(rows[1]["涉及金额（元）"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(3.0m);

            var last = MiniExcel.Query(path, useHeaderRow: true).Cast<IDictionary<string, object?>>().Last();
            last["案件名称"].ShouldBe("纠纷案件100000");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_async_source_streams_too()
    {
        static async IAsyncEnumerable<(string Name, int Count)> Rows()
        {
            foreach (var county in Counties)
            {
                await Task.Yield();
                yield return (county, county.Length * 100);
            }
        }
        using var stream = new MemoryStream();
        await ExcelExporter.WriteAsync(stream, Rows(), [new("县市区", r => r.Name), new("受理件数", r => r.Count)], "统计");
        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(6);
        rows[0]["县市区"].ShouldBe("泰山区");
        Convert.ToDouble(rows[0]["受理件数"], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(300);
    }
}
