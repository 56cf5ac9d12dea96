namespace Mediation.Tests.Documents;

internal static class SampleDocuments
{
    public static object AgreementModel() => new
    {
        committee = "泰安市泰山区岱庙街道人民调解委员会",
        parties = new[]
        {
            new { role = "申请人", name = "张三", gender = "男", birth = "1970年5月", id_number = "370902197005051234", address = "泰安市泰山区岱庙街道东岳大街12号", phone = "13800000001" },
            new { role = "被申请人", name = "李四", gender = "女", birth = "1975年8月", id_number = "370902197508085678", address = "泰安市泰山区岱庙街道东岳大街14号", phone = "13800000002" },
        },
        facts = "申请人张三与被申请人李四系邻居。2026年3月，被申请人翻建院墙时向申请人一侧延伸约0.3米，双方因宅基地边界及排水沟走向发生争执，多次协商未果。",
        responsibility = "被申请人翻建院墙未与申请人协商，对纠纷负主要责任；申请人言语过激，负次要责任。",
        terms = new[]
        {
            "被申请人于2026年4月30日前将院墙恢复至1998年测绘图（编号TA-1998-027）所示位置。",
            "排水沟由双方共同出资改造，费用共计3,500.00元，各承担50%。",
            "双方今后互谅互让，和睦相处，不再因本纠纷发生争执。",
        },
        performance = "第一项由被申请人自行履行；第二项费用于2026年4月15日前交本调解委员会转付施工方。",
        mediator = "王五",
    };

    public static object NoticeModel() => new
    {
        office = "泰安市泰山区信访局",
        petitioner = "赵六",
        received_on = "2026年3月2日",
        channel = "来访",
        subject = "小区供暖不达标",
    };
}
