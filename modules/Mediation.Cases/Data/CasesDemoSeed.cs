using Mediation.Cases.Domain;
using Mediation.Cases.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Cases.Data;

/// <summary>
/// Committees so a demo mediator can register a case at once: 泰山区's street committee headed by demo.mediator
/// (numbers 泰山调〔year〕1号), 岱岳区's headed by demo.mediator.daiyue, and 泰山区's specialised committee for medical
/// disputes, to which a petition about a medical dispute is handed over. Seeded by short name, so a later release adds its new ones.
/// </summary>
internal static class CasesDemoSeed
{
    private static readonly (string OrgUnitCode, string Name, string ShortName, CommitteeKind Kind, CommitteeSpecialty? Specialty, string HeadUserName)[] Committees =
    [
        ("370902001", "泰山区岱庙街道人民调解委员会", "泰山", CommitteeKind.TownshipOrStreet, null, "demo.mediator"),
        ("370911001", "岱岳区天平街道人民调解委员会", "岱岳", CommitteeKind.TownshipOrStreet, null, "demo.mediator.daiyue"),
        ("370902", "泰山区医疗纠纷人民调解委员会", "泰山医", CommitteeKind.Specialised, CommitteeSpecialty.Medical, "demo.mediator"),
    ];

    public static async Task ApplyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var orgUnits = scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>();
        var users = scope.ServiceProvider.GetRequiredService<IUserDirectory>();
        foreach (var seed in Committees)
        {
            if (await db.Set<MediationCommittee>().IgnoreQueryFilters().AnyAsync(c => c.ShortName == seed.ShortName, ct)) continue;
            var unit = await orgUnits.FindByCodeAsync(seed.OrgUnitCode, ct);
            var head = await users.FindByUserNameAsync(seed.HeadUserName, ct);
            if (unit is null || head is null) continue;
            var committee = new MediationCommittee(Guid.CreateVersion7(), unit.Id, seed.Name, seed.ShortName, seed.Kind, seed.Specialty);
            committee.AddMediator(head.Id, head.DisplayName, isHead: true);
            db.Add(committee);
        }
        await db.SaveChangesAsync(ct);
        if (DemoActor.RecordsWanted(services))
            await DemoActor.RunAsAsync(services, "demo.mediator", async sp =>
            {
                await SeedCasesAsync(sp, ct);
                await SeedTodaysSessionsAsync(sp, ct);
            }, ct);
    }

    private const string NeighboursSummary = "邻居翻建院墙占用通道约半米，双方多次争吵";

    /// <summary>
    /// demo.mediator's desk on a first start: a neighbours' quarrel just registered, a wage dispute under a yellow warning in
    /// mediation, and a damages case concluded with a written agreement — each with its term clock, number and audit trail.
    /// </summary>
    private static async Task SeedCasesAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<MediationCase>().IgnoreQueryFilters().AnyAsync(c => c.Summary == NeighboursSummary, ct)) return;
        var committee = await db.Set<MediationCommittee>().AsNoTracking().FirstOrDefaultAsync(c => c.ShortName == "泰山", ct);
        var mediator = sp.GetRequiredService<ICurrentUser>().Id;
        if (committee is null || mediator is null) return;
        var cases = sp.GetRequiredService<CaseAppService>();
        var proceedings = sp.GetRequiredService<CaseProceedingsAppService>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        RegisterCaseInput Case(DisputeType type, string summary, decimal? amount, RiskGrade grade, string? riskReason, params PartyInput[] parties) =>
            new(committee.Id, type, summary, amount, "岱庙街道", CaseSource.WalkIn, null, parties, [mediator.Value], grade, riskReason);

        await cases.RegisterAsync(Case(DisputeType.Neighbourhood, NeighboursSummary, null, RiskGrade.Blue, null,
            Person("孙某某", "370902196805121233", "13905381201", "岱庙街道通天街12号"), Person("李某某", "370902197508232142", "13905381202", "岱庙街道通天街14号")), ct);

        var wages = await cases.RegisterAsync(Case(DisputeType.Labour, "装修队拖欠三名工人工资共一万二千元，工人情绪激动", 12000m, RiskGrade.Yellow, "工人扬言到工地堵门",
            Person("周某某", "370902198203043150", "13905381203", "岱庙街道岱宗大街8号"), Person("吴某某", "370902195901174162", "13905381204", "岱庙街道财源街3号")), ct);
        await proceedings.RecordSessionAsync(wages.Id, new RecordSessionInput(now.AddHours(-2), "岱庙街道人民调解委员会调解室", ["演示调解员", "周某某", "吴某某"],
            "告知双方权利义务后，双方核对了用工天数，吴某某承认欠薪数额，提出分两期支付。",
            [new PartyStatementInput(wages.Parties[0].Id, "要求一次性付清。"), new PartyStatementInput(wages.Parties[1].Id, "资金紧张，愿分两期支付。")], wages.ConcurrencyStamp), ct);

        var damages = await cases.RegisterAsync(Case(DisputeType.Damages, "电动车与行人剐蹭，行人手臂擦伤，双方就医药费赔偿发生争执", 3200m, RiskGrade.Blue, null,
            Person("郑某某", "370902199102266181", "13905381205", "岱庙街道东岳大街20号"), Person("王某某", "370902197011307196", "13905381206", "岱庙街道红门路5号")), ct);
        var heard = await proceedings.RecordSessionAsync(damages.Id, new RecordSessionInput(now.AddHours(-3), "岱庙街道人民调解委员会调解室", ["演示调解员", "郑某某", "王某某"],
            "双方对事故经过无异议，经调解就医药费、误工费达成一致。", [], damages.ConcurrencyStamp), ct);
        await proceedings.ConcludeAsync(heard.Id, new ConcludeCaseInput(CaseOutcome.Succeeded, "王某某驾驶电动车与步行的郑某某剐蹭，致郑某某手臂擦伤",
            "医药费、误工费的数额", "王某某承担全部责任",
            [new AgreementTermInput("王某某赔偿郑某某医药费、误工费", 3200m, ChinaTime.DateOf(now).AddDays(10))], null, null, null, false, null, heard.ConcurrencyStamp), ct);
    }

    /// <summary>
    /// 今日调解 on every start of the demo: when nothing is planned for today (China time), the two open demo cases get a session
    /// this morning and this afternoon, so the mediator's workbench always shows the day's sessions.
    /// </summary>
    private static async Task SeedTodaysSessionsAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = ChinaTime.DateOf(now);
        if (await db.Set<SessionPlan>().IgnoreQueryFilters().AnyAsync(p => p.PlannedOn == today, ct)) return;
        if (sp.GetRequiredService<ICurrentUser>().Id is not { } mediator) return;
        var open = await db.Set<MediationCase>().AsNoTracking().Where(c => c.Status != CaseStatus.Concluded && c.Mediators.Any(m => m.UserId == mediator))
            .OrderBy(c => c.RegisteredAt).Select(c => c.Id).Take(2).ToListAsync(ct);
        var plans = sp.GetRequiredService<SessionPlanAppService>();
        var times = new[] { new TimeOnly(9, 30), new TimeOnly(15, 0) };
        for (var i = 0; i < open.Count; i++)
            await plans.PlanAsync(open[i], new PlanSessionInput(new DateTimeOffset(today.ToDateTime(times[i]), TimeSpan.FromHours(8)),
                "岱庙街道人民调解委员会调解室", null), new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), ct);
    }

    private static PartyInput Person(string name, string idCard, string phone, string address) =>
        new(PartyKind.Person, name, idCard, null, null, phone, address, ConsentsToMediation: true);
}
