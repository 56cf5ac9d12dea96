using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.ServiceDesk.Application;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mediation.ServiceDesk.Data;

/// <summary>
/// The 肥城 政法服务先行区 desk as the seed article reports it: 87 建安 涉法案件 accepted and 65 concluded, plus 政策咨询, 服务诉求 and
/// 投诉举报 — with transfers, one-time materials notices, legal routes, ratings (one 不满意 under the desk head's review) and a few
/// overdue — from six enterprises. demo.enterpriseuser is the admin of 肥城市演示建筑安装有限公司, which has a request in every state.
/// Requests are dated from up to 75 days ago within this year, so the ledger's default period shows all of them. Concluded requests
/// carry no clocks; open ones run theirs from their real start, so the overdue view and the sweep see them as they would live.
/// </summary>
internal static class ServiceDeskDemoSeed
{
    public const string DemoCreditCode = "91370983MA3C8D001X";
    private const string Actor = "demo";

    private enum Fate
    {
        Waiting,
        Handling,
        Overdue,
        AwaitingMaterials,
        Unrated,
        Satisfied,
        BasicallySatisfied,
        UnderReview,
        Upheld,
    }

    private sealed record SeedEnterprise(string CreditCode, string Name, string LegalRepresentative, string ContactName, string Phone, string Address);

    private static readonly SeedEnterprise[] Enterprises =
    [
        new(DemoCreditCode, "肥城市演示建筑安装有限公司", "赵建国", "钱立新", "13905380101", "肥城市新城街道龙山路88号"),
        new("91370983MA3C8D0021", "肥城市安泰建筑工程有限公司", "孙广明", "李春华", "13905380102", "肥城市老城街道泰西大街16号"),
        new("91370983MA3C8D0034", "山东肥城恒信建设集团有限公司", "周德胜", "吴晓燕", "13905380103", "肥城市高新区创业路9号"),
        new("91370983MA3C8D0047", "肥城市鑫达安装工程有限公司", "郑永强", "王丽", "13905380104", "肥城市王瓜店街道工业路21号"),
        new("91370983MA3C8D005A", "肥城市宏远市政工程有限公司", "冯志刚", "陈静", "13905380105", "肥城市仪阳街道仪阳大街5号"),
        new("91370983MA3C8D006D", "泰安华通建筑劳务有限公司", "褚福来", "卫红梅", "13905380106", "肥城市石横镇驻地"),
    ];

    private static readonly SeedEnterprise PendingEnterprise =
        new("91370983MA3C8D007G", "肥城市众成装饰工程有限公司", "蒋永福", "沈丽娟", "13905380107", "肥城市桃园镇桃都路3号");

    private static readonly string[] Projects =
    [
        "肥城市新城安置区3号楼", "龙山河片区改造项目", "高新区标准化厂房二期", "老城街道老旧小区改造工程", "桃园镇污水管网工程",
        "仪阳街道农村公路提升工程", "王瓜店街道中学综合楼", "石横镇工业园区道路工程",
    ];

    private sealed record Matter(string Title, string Detail, string Result);

    private static readonly Matter[] LegalMatters =
    [
        new("总包方拖欠分包工程款", "主体工程已完工并经验收，总包方以建设单位未付款为由拖欠分包工程款", "已协调总包方签订还款计划，首期款项已支付"),
        new("农民工工资拖欠", "劳务分包结算后，总包方未按月足额拨付农民工工资，涉及工人四十余名", "经人社部门督促，拖欠的农民工工资已全部清偿"),
        new("工程结算款长期未付", "工程竣工结算已审定，建设单位逾期一年未支付结算款", "已引导企业起诉并申请财产保全，法院已立案"),
        new("质量保证金到期不退", "缺陷责任期已满，建设单位拒不返还质量保证金", "经调解双方达成和解，质量保证金已返还"),
        new("生效判决对方拒不履行", "工程款纠纷判决已生效，被执行人拒不履行", "已协调法院执行局，执行款已到位"),
        new("建材买卖合同纠纷", "钢材供货后对方以质量异议为由拒付货款", "经调解双方确认货款数额并分期支付"),
        new("机械租赁费拖欠", "塔吊及施工升降机租赁期满，承租方拖欠租金", "已协调承租方结清租赁费"),
        new("施工合同解除纠纷", "建设单位单方解除施工合同，已完工程量及损失无法结算", "经委托造价鉴定，双方按鉴定结果完成结算"),
    ];

    private static readonly Matter[] PolicyMatters =
    [
        new("建筑业企业资质升级条件", "咨询施工总承包二级资质升级为一级的业绩、人员条件", "已逐项告知资质标准及申报材料，并推送办事指南"),
        new("农民工工资专用账户开设", "咨询新开工项目农民工工资专用账户开设流程和时限", "已告知开户流程，协调合作银行上门办理"),
        new("工程款支付担保政策", "咨询以银行保函替代现金缴纳保证金的政策依据", "已告知相关政策及办理银行名单"),
        new("稳岗返还申领", "咨询建筑企业失业保险稳岗返还的申领条件", "已告知申领条件，企业已在线提交申请"),
        new("施工许可告知承诺制", "咨询施工许可告知承诺制的适用范围", "已告知适用范围及承诺事项"),
    ];

    private static readonly Matter[] ServiceMatters =
    [
        new("施工许可证办理进度", "项目施工许可申请已提交二十日，尚未办结", "已协调住建部门，施工许可证已核发"),
        new("竣工联合验收协调", "项目具备竣工验收条件，需协调多部门联合验收", "已组织联合验收并出具意见"),
        new("临时用电接入协调", "项目开工在即，临时用电接入迟迟未落实", "已协调供电公司完成临时用电接入"),
        new("建筑垃圾消纳场地协调", "拆除工程产生的建筑垃圾无处消纳", "已协调城管部门指定消纳场地"),
    ];

    private static readonly Matter[] ComplaintMatters =
    [
        new("街道拖延支付工程进度款", "道路工程进度款经审核后三个月未拨付", "已督促街道办事处拨付进度款并说明原因"),
        new("项目施工受阻", "项目所在地个别村民以噪声为由阻挠施工", "已会同属地街道做好群众工作，施工恢复"),
        new("检测收费不合理", "某检测机构收费明显高于同类标准", "已转市场监管部门核查，检测机构已退还多收费用"),
    ];

    private sealed record Plan(int Index, RequestKind Kind, Matter Matter, string Project, Fate Fate, int Enterprise, TimeSpan Age, bool Urgent)
    {
        public bool Taken => Fate is not Fate.Waiting;
        public bool Concluded => Fate is Fate.Unrated or Fate.Satisfied or Fate.BasicallySatisfied or Fate.UnderReview or Fate.Upheld;
    }

    public static async Task ApplyAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.CreditCode == DemoCreditCode, ct)) return;
        var options = sp.GetRequiredService<IOptions<ServiceDeskOptions>>().Value;
        var desk = await sp.GetRequiredService<IOrgUnitDirectory>().FindByCodeAsync(options.DeskUnitCode, ct);
        var users = sp.GetRequiredService<IUserDirectory>();
        var portalUser = await users.FindByUserNameAsync("demo.enterpriseuser", ct);
        var first = await users.FindByUserNameAsync("demo.deskofficer", ct);
        var second = await users.FindByUserNameAsync("demo.deskofficer2", ct);
        var head = await users.FindByUserNameAsync("demo.deskhead", ct);
        if (desk is null || portalUser is null || first is null || second is null || head is null) return;
        // An account already in an enterprise (signed up by hand on an older demo) keeps it.
        if (await db.Set<Enterprise>().IgnoreQueryFilters().AnyAsync(e => e.Members.Any(m => m.UserId == portalUser.Id), ct)) return;

        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var clocks = sp.GetRequiredService<IDeadlineClocks>();
        var numbers = sp.GetRequiredService<INumberSequence>();
        var yearStart = ChinaTime.StartOfDay(new DateOnly(ChinaTime.ToChina(now).Year, 1, 1)).ToUniversalTime();
        DeskActor officer = new(first.Id, first.DisplayName), colleague = new(second.Id, second.DisplayName);

        var enterprises = Enterprises.Select(e => SignUp(e, desk.Id, protector, now.AddDays(-90) < yearStart ? yearStart : now.AddDays(-90))).ToList();
        foreach (var e in enterprises) e.Approve(first.UserName, e.SignedUpAt.AddHours(3));
        enterprises[0].AddMember(portalUser.Id, portalUser.UserName, isAdmin: true, enterprises[0].SignedUpAt);
        db.AddRange(enterprises);
        db.Add(SignUp(PendingEnterprise, desk.Id, protector, now.AddHours(-5)));

        var visit = new Visit(Guid.CreateVersion7(), enterprises[0], ChinaTime.DateOf(Clamp(now.AddDays(-6), yearStart, now)), $"{first.DisplayName}、{second.DisplayName}",
            "钱立新（项目经理）", ["农民工工资专用账户开设进度慢，影响新项目进场", "希望了解建筑业高质量发展扶持政策"], first.UserName, Clamp(now.AddDays(-6), yearStart, now));
        db.Add(visit);

        var plans = Plans().ToList();
        // The portal account's enterprise has a request in every state, and the visit's problem became one of its service requests.
        foreach (var fate in Enum.GetValues<Fate>())
            if (!plans.Any(p => p.Fate == fate && p.Enterprise == 0) && plans.FindIndex(p => p.Fate == fate) is >= 0 and var i)
                plans[i] = plans[i] with { Enterprise = 0 };
        var visitPlan = plans.FindIndex(p => p.Kind is RequestKind.ServiceRequest && p.Fate is Fate.Handling);
        plans[visitPlan] = plans[visitPlan] with { Enterprise = 0 };
        var ordered = plans.Select(p => (Plan: p, At: Clamp(now - p.Age, yearStart.AddHours(1), now.AddHours(-1)))).OrderBy(p => p.At).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (plan, submittedAt) in ordered)
        {
            var enterprise = enterprises[plan.Enterprise];
            var owner = plan.Index % 3 == 2 ? colleague : officer;
            var ackPolicy = plan.Urgent ? ServiceDeskPolicies.AcknowledgementUrgent : ServiceDeskPolicies.Acknowledgement;
            var ackDue = (await clocks.PreviewAsync(ackPolicy, submittedAt, ct)).DueAt.ToUniversalTime();
            var year = ChinaTime.ToChina(submittedAt).Year;
            var sequence = await numbers.NextAsync(RequestAppService.NumberKind, desk.Id, year, ct);
            var checklist = MaterialsChecklist.For(plan.Kind).Select(m => m.Code).ToList();
            var noticeFirst = plan.Fate is Fate.AwaitingMaterials || (plan.Concluded && plan.Index % 10 == 2 && checklist.Count > 1);
            var fromVisit = plan.Index == plans[visitPlan].Index;
            var request = DeskRequest.File(Guid.CreateVersion7(), enterprise, OfficialNumber.Format(options.NumberPrefix, year, sequence), year, sequence, plan.Kind,
                fromVisit ? "农民工工资专用账户开设进度慢" : plan.Matter.Title, Describe(enterprise, plan), plan.Project, plan.Urgent,
                noticeFirst ? checklist.Take(checklist.Count - 1 > 0 ? 1 : 0) : checklist, fromVisit ? first.UserName : plan.Enterprise == 0 ? portalUser.UserName : enterprise.ContactName,
                submittedAt, ackDue);
            db.Add(request);
            if (!plan.Taken)
            {
                await db.SaveChangesAsync(ct);
                await clocks.StartAsync(new StartClockInput(RequestAppService.RecordType, request.Id, request.OrgUnitId, ackPolicy, submittedAt, Actor), ct);
                continue;
            }

            var cursor = submittedAt;
            // Each step after the one before, none later than a few minutes ago.
            DateTimeOffset At(TimeSpan after)
            {
                var at = Clamp(cursor + after, cursor, now.AddMinutes(-10));
                return cursor = at <= cursor ? cursor.AddMinutes(1) : at;
            }
            var late = plan.Index % 10 == 7 && !plan.Urgent;
            var acknowledgedAt = At(plan.Urgent ? TimeSpan.FromMinutes(35) : late ? TimeSpan.FromHours(27) : TimeSpan.FromHours(1 + plan.Index % 5));
            if (fromVisit)
            {
                request.RaisedOnVisit(visit.Id, owner, acknowledgedAt);
                visit.Problems[0].Raised(request.Id, request.Number);
            }
            else request.Take(owner, complex: plan.Kind is RequestKind.LegalMatter && plan.Index % 6 == 0 && plan.Fate is not Fate.Overdue, acknowledgedAt);

            if (plan.Index % 8 == 3)
            {
                var to = owner == officer ? colleague : officer;
                request.Transfer(owner, to, null, plan.Kind is RequestKind.LegalMatter ? "该同志熟悉建设工程款纠纷，便于跟踪办理" : "承办人外出学习，转同事继续办理", At(TimeSpan.FromHours(3)));
                owner = to;
            }
            else if (plan.Kind is RequestKind.LegalMatter && plan.Index % 11 == 6)
                request.Transfer(owner, null, "肥城市人力资源和社会保障局", "涉农民工欠薪，属劳动保障监察职责", At(TimeSpan.FromHours(3)));

            if (noticeFirst)
            {
                request.IssueMaterialsNotice(owner, [], null, At(TimeSpan.FromHours(1)));
                if (plan.Fate is not Fate.AwaitingMaterials)
                    request.Supply(request.OpenNotice!.ItemList, enterprise.ContactName, "已按告知补齐材料", At(TimeSpan.FromDays(1)));
            }
            var route = plan.Kind is RequestKind.LegalMatter && plan.Index % 4 == 1 && request.OwnerDepartment is null && request.IsOpen
                && request.Status is RequestStatus.InHandling;
            var routeKind = (plan.Index / 4 % 3) switch { 0 => LegalRoute.Court, 1 => LegalRoute.Arbitration, _ => LegalRoute.OtherDepartment };
            if (route)
                request.RecordRoute(owner, routeKind, routeKind switch { LegalRoute.Court => "肥城市人民法院", LegalRoute.Arbitration => "泰安仲裁委员会", _ => "肥城市住房和城乡建设局" },
                    routeKind switch { LegalRoute.Court => "引导企业立案并申请财产保全", LegalRoute.Arbitration => "合同约定仲裁，协助准备仲裁申请", _ => "建设单位为国有投资主体，由主管部门督促" },
                    At(TimeSpan.FromHours(2)));

            if (plan.Concluded)
            {
                if (route)
                    request.RecordRouteOutcome(routeKind switch { LegalRoute.Court => "法院已作出判决，支持工程款及利息", LegalRoute.Arbitration => "仲裁委已作出裁决，款项已履行", _ => "主管部门约谈建设单位，款项已支付" },
                        owner.Name, At(TimeSpan.FromDays(1 + plan.Index % 4)));
                request.Conclude(owner, plan.Matter.Result, At(TimeSpan.FromDays(2 + plan.Index % 5)));
                var rater = plan.Enterprise == 0 ? portalUser.UserName : enterprise.ContactName;
                switch (plan.Fate)
                {
                    case Fate.Satisfied:
                        request.Rate(ServiceRating.Satisfied, plan.Index % 3 == 0 ? "办理及时，感谢" : null, rater, At(TimeSpan.FromHours(20)));
                        break;
                    case Fate.BasicallySatisfied:
                        request.Rate(ServiceRating.BasicallySatisfied, "结果认可，办理时间偏长", rater, At(TimeSpan.FromHours(20)));
                        break;
                    case Fate.UnderReview:
                        request.Rate(ServiceRating.Dissatisfied, "对方仍未按还款计划付款，问题未实际解决", rater, At(TimeSpan.FromHours(20)));
                        break;
                    case Fate.Upheld:
                        request.Rate(ServiceRating.Dissatisfied, "希望全额一次性支付", rater, At(TimeSpan.FromHours(20)));
                        request.Review(false, "已按法定程序处理，分期支付经双方书面确认，维持办结", head.DisplayName, At(TimeSpan.FromDays(1)));
                        break;
                }
                continue;
            }

            // Open: the feedback clock from the acknowledgement, paused while materials are awaited.
            await db.SaveChangesAsync(ct);
            var feedback = await clocks.StartAsync(new StartClockInput(RequestAppService.RecordType, request.FeedbackClockKey, request.OrgUnitId,
                request.Complex ? ServiceDeskPolicies.FeedbackComplex : ServiceDeskPolicies.Feedback, acknowledgedAt, Actor), ct);
            if (request.Status is RequestStatus.AwaitingMaterials)
                await clocks.PauseAsync(feedback.Id, new PauseClockInput("一次性告知补正材料", Actor, feedback.ConcurrencyStamp), ct);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static Enterprise SignUp(SeedEnterprise e, Guid deskUnitId, PersonalDataProtector protector, DateTimeOffset at) =>
        Enterprise.SignUp(Guid.CreateVersion7(), deskUnitId, e.CreditCode, e.Name, e.LegalRepresentative, e.ContactName,
            protector.Protect(PersonalDataKind.Mobile, e.Phone), e.Address, at);

    private static string Describe(Enterprise enterprise, Plan plan) =>
        $"{enterprise.Name}反映：{plan.Project}，{plan.Matter.Detail}，请求协调解决。";

    private static DateTimeOffset Clamp(DateTimeOffset value, DateTimeOffset min, DateTimeOffset max) => value < min ? min : value > max ? max : value;

    /// <summary>
    /// Per kind: requests taken, of them concluded, and left waiting. 涉法案件 87 taken / 65 concluded is the article's row; the rest
    /// are in the same proportions a desk's first months show. Concluded ones are older, open ones recent, overdue ones 9–18 days old.
    /// </summary>
    private static IEnumerable<Plan> Plans()
    {
        var index = 0;
        var concludedCount = 0;
        var openCount = 0;
        foreach (var (kind, matters, taken, concluded, waiting) in new[]
                 {
                     (RequestKind.LegalMatter, LegalMatters, 87, 65, 0),
                     (RequestKind.PolicyConsultation, PolicyMatters, 24, 22, 2),
                     (RequestKind.ServiceRequest, ServiceMatters, 18, 12, 1),
                     (RequestKind.ComplaintReport, ComplaintMatters, 6, 4, 0),
                 })
        {
            for (var j = 0; j < taken + waiting; j++, index++)
            {
                Fate fate;
                TimeSpan age;
                if (j >= taken)
                {
                    fate = Fate.Waiting;
                    // One consultation has waited past its 24 hours: the acknowledgement is overdue.
                    age = kind is RequestKind.PolicyConsultation && j == taken ? TimeSpan.FromHours(30) : TimeSpan.FromHours(2);
                }
                else if (j < concluded)
                {
                    var c = concludedCount++;
                    fate = c switch
                    {
                        17 or 88 => Fate.Upheld,
                        41 => Fate.UnderReview,
                        _ when c % 9 == 4 => Fate.Unrated,
                        _ when c % 7 == 3 => Fate.BasicallySatisfied,
                        _ => Fate.Satisfied,
                    };
                    age = TimeSpan.FromHours(12 * 24 + (75 - 12) * 24.0 * (concluded - j) / concluded);
                }
                else
                {
                    var o = openCount++;
                    fate = o % 5 == 0 ? Fate.AwaitingMaterials : o % 4 == 1 ? Fate.Overdue : Fate.Handling;
                    age = fate switch
                    {
                        Fate.Overdue => TimeSpan.FromDays(9 + o % 10),
                        Fate.AwaitingMaterials => TimeSpan.FromDays(3 + o % 5),
                        _ => TimeSpan.FromHours(20 + 24 * (o % 5)),
                    };
                }
                yield return new Plan(index, kind, matters[index % matters.Length], Projects[index % Projects.Length], fate, index % Enterprises.Length, age,
                    Urgent: index % 9 == 0 && fate is not Fate.Waiting);
            }
        }
    }
}
