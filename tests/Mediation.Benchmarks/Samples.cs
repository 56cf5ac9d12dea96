using System.Globalization;
using System.Text.Json;
using Mediation.Core.Documents.Layout;

namespace Mediation.Benchmarks;

internal static class Samples
{
    public static Dictionary<string, object?> AgreementModel()
    {
        var model = new
        {
            committee = "泰安市泰山区岱庙街道人民调解委员会",
            parties = new[]
            {
                new { role = "申请人", name = "张三", gender = "男", birth = "1970年5月", id_number = "370902197005051234", address = "泰安市泰山区岱庙街道东岳大街12号", phone = "13800000001" },
                new { role = "被申请人", name = "李四", gender = "女", birth = "1975年8月", id_number = "370902197508085678", address = "泰安市泰山区岱庙街道东岳大街14号", phone = "13800000002" },
            },
            facts = "申请人张三与被申请人李四系邻居。2026年3月，被申请人翻建院墙时向申请人一侧延伸约0.3米，双方因宅基地边界及排水沟走向发生争执，多次协商未果。申请人认为被申请人侵占其宅基地，要求拆除院墙、恢复原状并赔偿损失；被申请人认为院墙系在原址翻建，未占用申请人土地。",
            responsibility = "被申请人翻建院墙未与申请人协商，对纠纷负主要责任；申请人言语过激，负次要责任。",
            terms = new[]
            {
                "被申请人于2026年4月30日前将院墙恢复至1998年测绘图（编号TA-1998-027）所示位置。",
                "排水沟由双方共同出资改造，费用共计3,500.00元，各承担50%。",
                "被申请人一次性补偿申请人误工费、财物损失费共计2,000.00元，于本协议签订之日起十日内付清。",
                "双方今后互谅互让，和睦相处，不再因本纠纷发生争执，亦不再就本纠纷向有关部门主张其他权利。",
            },
            performance = "第一项由被申请人自行履行，申请人予以配合；第二项费用于2026年4月15日前交本调解委员会转付施工方；第三项以银行转账方式支付至申请人指定账户。",
            mediator = "王五",
        };
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(model));
        var values = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        values["number"] = "泰岱调字〔2026〕第12号";
        values["issued_on"] = new DateTime(2026, 3, 28);
        return values;
    }

    public static DocumentSpec StatisticsReport()
    {
        string[] counties = ["泰山区", "岱岳区", "新泰市", "肥城市", "宁阳县", "东平县"];
        string[] months = ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"];
        var rows = Enumerable.Range(0, 150).Select(i => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture), counties[i % 6], months[i % 12], (40 + i % 37).ToString(CultureInfo.InvariantCulture),
            (31 + i % 29).ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{80 + i % 17 * 1.1:0.0}%"),
        ]).ToList();
        return new DocumentSpec
        {
            Title = "2026年度矛盾纠纷调解工作统计报告",
            HeaderText = "泰安市司法局",
            Blocks =
            [
                new Heading("2026年度矛盾纠纷调解工作统计报告"),
                new Paragraph("本年度全市各级人民调解组织共受理矛盾纠纷3,226件，调解成功2,911件，调解成功率90.2%，较上年提高1.8个百分点。其中，邻里纠纷、婚姻家庭纠纷、土地承包纠纷占受理总数的61.5%。"),
                new ChartBlock(ChartKind.Bar, "各县市区受理与调解成功件数", counties,
                    [new("受理件数", [612, 580, 701, 498, 402, 433]), new("调解成功件数", [560, 521, 630, 447, 361, 392])], 260),
                new ChartBlock(ChartKind.Line, "月度调解成功率（%）", months,
                    [new("调解成功率", [88.1, 89.5, 90.2, 87.9, 91.3, 92.0, 90.8, 89.9, 91.5, 92.7, 90.1, 91.0])], 240),
                new Heading("一、各县市区分月明细", 2),
                new TableBlock([new("序号", 0.6), new("县市区", 1.2), new("月份", 0.8), new("受理件数", 1), new("调解成功", 1), new("成功率", 1)], rows),
                new Heading("二、说明", 2),
                new Paragraph("1．统计口径：本报告数据来源于访调对接平台，统计时间为2026年1月1日至2026年12月31日。"),
                new Paragraph("2．调解成功率＝调解成功件数÷受理件数×100%。"),
            ],
        };
    }

    public static IEnumerable<string> TextOf(DocumentBlock block) => block switch
    {
        Heading h => [h.Text],
        Paragraph p => [p.Text],
        KeyValueBlock kv => kv.Items.Select(i => i.Key + "：" + i.Value),
        SignatureBlock s => s.Signers,
        TableBlock t => t.Rows.Select(r => string.Join(' ', r)),
        _ => [],
    };
}
