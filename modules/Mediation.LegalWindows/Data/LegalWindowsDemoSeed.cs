using Mediation.Core.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.LegalWindows.Application;
using Mediation.LegalWindows.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.LegalWindows.Data;

/// <summary>
/// A working window for demo.legaladvisor: 岱东社区 and 东七里社区 (泰山区) with him attached and on the rota for the coming weeks,
/// a consultation and a finished 代办 errand of today; 保安村 (宁阳县) with its own 基层法律服务工作者, as in the seed article.
/// </summary>
internal static class LegalWindowsDemoSeed
{
    private sealed record SeedWindow(string UnitCode, string Name, string ShortName, string Place);

    private static readonly SeedWindow[] Windows =
    [
        new("370902001001", "岱东社区法律服务窗口", "岱东法", "岱东社区综治服务大厅"),
        new("370902002001", "东七里社区法律服务窗口", "东七里法", "东七里社区党群服务中心"),
        new("370921101201", "保安村法律服务窗口", "保安法", "保安村综治服务大厅"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<LegalWindow>().IgnoreQueryFilters().AnyAsync(ct)) return;
        var orgUnits = sp.GetRequiredService<IOrgUnitDirectory>();
        var units = new Dictionary<string, Guid>();
        foreach (var code in Windows.Select(w => w.UnitCode).Append("370902").Append("370921"))
            if (await orgUnits.FindByCodeAsync(code, ct) is { } unit) units[code] = unit.Id;
            else return;
        var account = await sp.GetRequiredService<IUserDirectory>().FindByUserNameAsync("demo.legaladvisor", ct);
        if (account is null) return;

        var clock = sp.GetRequiredService<TimeProvider>();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var now = clock.GetUtcNow();
        var year = ChinaTime.ToChina(now).Year;
        var advisor = new LegalAdvisor(Guid.CreateVersion7(), units["370902"], account.DisplayName, AdvisorKind.Lawyer, "泰安演示律师事务所",
            "13709201510000001", protector.Protect(PersonalDataKind.Mobile, "13800138001"), account.Id, year);
        var villageWorker = new LegalAdvisor(Guid.CreateVersion7(), units["370921"], "演示基层法律服务工作者", AdvisorKind.GrassrootsLegalWorker,
            "堽城镇法律服务所", "3709210000123", null, null, year);
        db.AddRange(advisor, villageWorker);
        var windows = Windows.Select(w => new LegalWindow(Guid.CreateVersion7(), units[w.UnitCode], w.Name, w.ShortName, w.Place,
            new TimeOnly(8, 30), new TimeOnly(17, 30), "工作日 8:30—17:30，节假日值班另行安排", "0538-8000000")).ToList();
        windows[0].Attach(advisor);
        windows[1].Attach(advisor);
        windows[2].Attach(villageWorker);
        db.AddRange(windows);

        var calendar = await sp.GetRequiredService<CalendarStore>().LoadAsync(ct);
        var today = ChinaTime.DateOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        foreach (var (window, who) in new[] { (windows[0], advisor.Id), (windows[2], villageWorker.Id) })
            db.AddRange(RosterPlanner.Plan(monday, monday.AddDays(34), [who], RosterPlanner.WorkingWeek.ToHashSet(), new HashSet<DateOnly>(), calendar)
                .Select(p => new DutyShift(Guid.CreateVersion7(), window, p.Date, p.AdvisorId, p.OnHoliday)));
        // Today is always on the rota in the demo, even on a weekend, so the "on duty now" panel shows someone.
        if (!calendar.IsWorkingDay(today)) db.Add(new DutyShift(Guid.CreateVersion7(), windows[0], today, advisor.Id, onHoliday: true));

        // Earlier today, never yesterday: seeded between midnight and 2 a.m. China time, "two hours ago" fell on the day before
        // and the window's list of today's services was empty.
        var startOfToday = ChinaTime.StartOfDay(today);
        DateTimeOffset EarlierToday(int hours) => now.AddHours(-hours) is var at && at >= startOfToday ? at : startOfToday;

        var numbers = sp.GetRequiredService<INumberSequence>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var consultation = await RecordAsync(db, numbers, windows[0], advisor, ServiceKind.Consultation, EarlierToday(2),
            new ServedPerson("王某某", protector.Protect(PersonalDataKind.IdCardNumber, "11010519491231002X"), null),
            new ServiceDetails("邻居翻建院墙占用本人宅基地约0.3米，协商未果，询问如何处理", "告知可申请人民调解，也可向人民法院起诉；建议先由社区调委会调解",
                20, "《中华人民共和国民法典》第二百八十八条；《中华人民共和国人民调解法》第十七条", false, null, null, null, null), year, now, ct);
        var errand = await RecordAsync(db, numbers, windows[0], advisor, ServiceKind.CivilAgency, EarlierToday(1),
            new ServedPerson("李某某", null, protector.Protect(PersonalDataKind.Mobile, "13900139000")),
            new ServiceDetails("代为向区法律援助中心提交法律援助申请材料", null, 15, null, false, null, null, null, null), year, now, ct);
        // A finished errand: an open one would need a running clock, and a demo clock would escalate in every test that moves time on.
        errand.StartErrand("已联系区法律援助中心");
        errand.CloseErrand(true, "申请材料已提交区法律援助中心", now);
        db.AddRange(consultation, errand);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<ServiceRecord> RecordAsync(MediationDbContext db, INumberSequence numbers, LegalWindow window, LegalAdvisor advisor,
        ServiceKind kind, DateTimeOffset servedAt, ServedPerson person, ServiceDetails details, int year, DateTimeOffset now, CancellationToken ct)
    {
        var sequence = await numbers.NextAsync(ServiceRecordAppService.NumberKind, window.Id, year, ct);
        return ServiceRecord.Record(Guid.CreateVersion7(), window, advisor, OfficialNumber.Format(window.ShortName, year, sequence), year, sequence, kind,
            servedAt, person, details, now);
    }
}
