using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Modularity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.LegalWindows.Application;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mediation.LegalWindows.Data;

/// <summary>
/// Past years of a legal window at each county's 公共法律服务中心 for etc/generate-demo.sh, the same years and counties as the cases: two
/// lawyers attached, consultations (about 60%), 民事代办 errands (20%, done or cannot be done within the 10 working days of the errand's
/// clock, a few late; the clock stopped when the errand closed), 普法 sessions (10%) and mediations at the window (10%) — the rows
/// ServiceRecordAppService writes, numbered 东平法〔2020〕n号 from its sequence, the served person's 身份证号 and phone encrypted, without
/// documents. The small set goes through SaveChanges; a set counted in records through the bulk path, with one audit entry for the import.
/// </summary>
internal static class LegalWindowsDemoVolume
{
    /// <summary>Services a county window gives in a year of the small set; at a size counted in records, 6% of the size.</summary>
    private const int SmallPerCountyYear = 20;
    private const double ShareOfRecords = 0.06;

    private static readonly (string Matter, string Advice, string Laws)[] Consultations =
    [
        ("邻居翻建院墙占用本人宅基地，协商未果，询问如何处理", "告知可申请人民调解，也可向人民法院起诉", "《中华人民共和国民法典》第二百八十八条"),
        ("务工单位拖欠工资，询问维权途径", "告知可向劳动保障监察机构投诉或申请劳动仲裁", "《保障农民工工资支付条例》第五十条"),
        ("父母去世后兄弟姐妹就房屋继承发生争议", "讲解法定继承顺序和份额，建议先行协商或调解", "《中华人民共和国民法典》第一千一百二十七条"),
        ("借款到期对方拒不归还，询问诉讼时效", "告知诉讼时效为三年，建议保留催款证据", "《中华人民共和国民法典》第一百八十八条"),
    ];

    private static readonly string[] Errands = ["代为向县法律援助中心提交法律援助申请材料", "代为办理公证申请材料递交", "代为向不动产登记中心查询登记信息"];
    private static readonly string[] Topics = ["民法典进农村宣讲", "防范电信网络诈骗普法讲座", "农民工工资支付条例宣讲"];

    public static async Task ApplyAsync(IServiceProvider services, DemoVolume volume, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<LegalWindow>().IgnoreQueryFilters().AnyAsync(w => w.Name == WindowName(DemoVolume.Counties[0]), ct)) return;
        var units = sp.GetRequiredService<IOrgUnitDirectory>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var clocks = await DemoClocks.LoadAsync(sp, ct);
        var random = new Random(volume.Seed);
        var today = ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow());
        var lastDay = today.AddDays(-60);

        var windows = new List<(DemoCounty County, LegalWindow Window, LegalAdvisor[] Advisors)>();
        foreach (var county in DemoVolume.Counties)
        {
            if (await units.FindByCodeAsync(county.Code, ct) is not { } unit) continue;
            var advisors = Enumerable.Range(0, 2).Select(i => new LegalAdvisor(Guid.CreateVersion7(), unit.Id, DemoVolume.PersonName(random), AdvisorKind.Lawyer,
                $"山东{county.Brief}律师事务所", $"1370920{15 + i}1{random.Next(0, 10_000_000):D7}", protector.Protect(PersonalDataKind.Mobile, DemoVolume.MobileNumber(random)),
                null, today.Year)).ToArray();
            var window = new LegalWindow(Guid.CreateVersion7(), unit.Id, WindowName(county), county.Brief + "法", $"{county.Name}公共法律服务中心一楼大厅",
                new TimeOnly(8, 30), new TimeOnly(17, 30), "工作日 8:30—17:30", null);
            foreach (var advisor in advisors) window.Attach(advisor);
            db.AddRange(advisors);
            db.Add(window);
            windows.Add((county, window, advisors));
        }
        await db.SaveChangesAsync(ct);

        var perCountyYear = volume.PerCountyYear(SmallPerCountyYear, ShareOfRecords, windows.Count * (lastDay.Year - DemoVolume.FirstYear + 1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var written = await DemoVolume.ForEachCountyYearAsync(windows, lastDay, (at, year, last) =>
            volume.WriteNumberedYearAsync(services, ServiceRecordAppService.NumberKind, at.Window.Id, year, DemoVolume.DaysOfYear(random, year, last, perCountyYear), clocks,
                (day, sequence) => ServiceOf(at.County, at.Window, at.Advisors[random.Next(at.Advisors.Length)], year, sequence, day, random, protector, clocks), ct));

        await volume.AuditImportAsync(services, nameof(ServiceRecord), written, new { windows = windows.Select(w => w.Window.Name) }, ct);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LegalWindowsDemoVolume)).LogInformation(
            "Demo volume {Size}: {Count} legal-window services of {Windows} windows written in {Seconds:F1} s ({Rate:F0} a second)",
            volume.Size, written, windows.Count, clock.Elapsed.TotalSeconds, written / Math.Max(0.001, clock.Elapsed.TotalSeconds));
    }

    private static string WindowName(DemoCounty county) => $"{county.Name}公共法律服务中心法律服务窗口";

    private static ServiceRecord ServiceOf(DemoCounty county, LegalWindow window, LegalAdvisor advisor, int year, int sequence, DateOnly day, Random random,
        PersonalDataProtector protector, DemoClocks clocks)
    {
        var servedAt = DemoVolume.OfficeHour(random, day);
        var number = OfficialNumber.Format(window.ShortName, year, sequence);
        var kind = random.Next(10) switch { < 6 => ServiceKind.Consultation, < 8 => ServiceKind.CivilAgency, 8 => ServiceKind.PublicWelfare, _ => ServiceKind.CivilMediation };
        ServedPerson Person() => new(DemoVolume.PersonName(random), protector.Protect(PersonalDataKind.IdCardNumber, DemoVolume.IdCardNumber(random, county.Code)),
            protector.Protect(PersonalDataKind.Mobile, DemoVolume.MobileNumber(random)));
        switch (kind)
        {
            case ServiceKind.PublicWelfare:
                return ServiceRecord.Record(Guid.CreateVersion7(), window, advisor, number, year, sequence, kind, servedAt, null,
                    new ServiceDetails(null, null, 90, null, false, null, Topics[random.Next(Topics.Length)], county.Place, random.Next(30, 201)), servedAt);
            case ServiceKind.CivilAgency:
            {
                var errand = ServiceRecord.Record(Guid.CreateVersion7(), window, advisor, number, year, sequence, kind, servedAt, Person(),
                    new ServiceDetails(Errands[random.Next(Errands.Length)], null, 15, null, false, null, null, null, null), servedAt);
                // Closed within the 10 working days, one in twelve a few days late; one in ten cannot be done.
                var closedAt = servedAt.AddDays(random.Next(12) == 0 ? random.Next(15, 22) : random.Next(1, 12)).AddHours(random.Next(0, 4));
                var done = random.Next(10) != 0;
                errand.StartErrand("已联系承办部门");
                errand.CloseErrand(done, done ? "已办结并告知当事人" : "材料不全，当事人未能补正，已告知原因", closedAt);
                clocks.Closed(LegalWindowPolicies.Errand, ServiceRecordAppService.RecordType, errand.Id, window.OrgUnitId, servedAt, closedAt,
                    done ? "代办完成" : "代办无法完成", advisor.Name);
                return errand;
            }
            default:
            {
                var (matter, advice, laws) = Consultations[random.Next(Consultations.Length)];
                return ServiceRecord.Record(Guid.CreateVersion7(), window, advisor, number, year, sequence, kind, servedAt, Person(),
                    new ServiceDetails(matter, advice, random.Next(10, 60), laws, false, null, null, null, null), servedAt);
            }
        }
    }
}
