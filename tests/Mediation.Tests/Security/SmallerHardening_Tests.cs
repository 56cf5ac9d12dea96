using System.Net;
using Mediation.Core.Documents.Excel;
using Mediation.Tests.Infrastructure;
using MiniExcelLibs;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>Issue 12 item 15: what the operator surfaces, template overrides and exports give away or cost.</summary>
public sealed class SmallerHardening_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Readiness_names_no_server_folders_to_an_anonymous_caller()
    {
        var anonymous = await app.Factory.CreateClient().GetAsync("/health/ready");
        var body = await anonymous.Content.ReadAsStringAsync();
        anonymous.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldNotContain("templates");
        body.ShouldNotContain("/");
        (await anonymous.ReadJsonAsync()).GetProperty("checks").GetProperty("documents").GetProperty("status").GetString().ShouldBe("Healthy");

        var operatorView = await (await app.Factory.ClientAsAsync("demo.systemadmin")).GetStringAsync("/health/ready");
        operatorView.ShouldContain("templates");
    }

    private sealed record Row(string Name, string Matter);

    [Fact]
    public void Excel_cells_that_would_run_as_formulas_stay_text()
    {
        var stream = new MemoryStream();
        ExcelExporter.Write(stream, new[]
        {
            new Row("=HYPERLINK(\"http://evil.example\",\"点击\")", "+1+1"),
            new Row("-2+3", "@SUM(A1:A2)"),
            new Row("王某", "宅基地纠纷 = 邻里纠纷"),
        }, [new ExcelColumn<Row>("姓名", r => r.Name), new ExcelColumn<Row>("事项", r => r.Matter)]);
        stream.Position = 0;

        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["姓名"]?.ToString()).ShouldBe(["'=HYPERLINK(\"http://evil.example\",\"点击\")", "'-2+3", "王某"]);
        rows.Select(r => r["事项"]?.ToString()).ShouldBe(["'+1+1", "'@SUM(A1:A2)", "宅基地纠纷 = 邻里纠纷"]);
    }
}
