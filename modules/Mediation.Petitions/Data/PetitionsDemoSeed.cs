using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Modularity;
using Mediation.Core.Security;
using Mediation.Petitions.Application;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Petitions.Data;

/// <summary>
/// 泰山区's petition office as demo.petitionofficer finds it on a first start, made through the module's own services: a visit
/// waiting for the acceptance decision, a letter of 20 days ago still undecided (its 15 days, 信访工作条例 Art. 23, have run out, so the
/// deadline sweep reminds and escalates it), an accepted letter being
/// handled, a neighbours' dispute handed over to the 岱庙街道 committee (访调对接), and a matter proposed for the joint meeting
/// (Art. 24), which the joint-meetings module receives as a proposed agenda item.
/// </summary>
internal static class PetitionsDemoSeed
{
    private const string FirstMatter = "小区地下车库长期漏水，物业公司拒不维修";

    public static Task ApplyAsync(IServiceProvider services, CancellationToken ct) =>
        DemoActor.RecordsWanted(services) ? DemoActor.RunAsAsync(services, "demo.petitionofficer", sp => SeedAsync(sp, ct), ct) : Task.CompletedTask;

    private static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<MediationDbContext>();
        if (await db.Set<Petition>().IgnoreQueryFilters().AnyAsync(p => p.Matter == FirstMatter, ct)) return;
        var intake = sp.GetRequiredService<PetitionAppService>();
        var proceedings = sp.GetRequiredService<PetitionProceedingsAppService>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();

        async Task<PetitionDto> RegisterAsync(PetitionChannel channel, int daysAgo, string name, string idCard, string phone, string matter, string outcome) =>
            await intake.RegisterAsync(new RegisterPetitionInput(channel, now.AddDays(-daysAgo), null,
                [new PetitionerInput(name, idCard, phone, "泰山区岱庙街道")], matter, outcome, "泰山区岱庙街道", null, null, null, null), ct);
        async Task<PetitionDto> AcceptedAsync(PetitionDto petition) =>
            await proceedings.AcceptAsync(petition.Id, new AcceptPetitionInput(petition.ConcurrencyStamp, PetitionCategory.Grievance, GrievanceRoute.Handling), ct);

        await RegisterAsync(PetitionChannel.Visit, 2, "赵某某", "370902196304022114", "13905381301", FirstMatter, "督促物业维修并赔偿车辆损失");
        await RegisterAsync(PetitionChannel.Letter, 20, "钱某某", "370902197107193226", "13905381302", "村集体土地流转收益分配不公开", "公开收益分配账目");
        await AcceptedAsync(await RegisterAsync(PetitionChannel.Letter, 6, "孙某某", "370902198001304332", "13905381303",
            "小区供暖温度长期不达标，供热公司答复推诿", "供热达标并退还部分采暖费"));

        var neighbours = await AcceptedAsync(await RegisterAsync(PetitionChannel.Visit, 3, "李某某", "370902195509085448", "13905381304",
            "邻居在楼道堆放杂物阻碍通行，多次协商未果", "清除楼道杂物"));
        var committee = (await sp.GetRequiredService<ICaseIntakeIntegrationService>().ListCommitteesAsync(neighbours.OrgUnitId, ct))
            .FirstOrDefault(c => c.ShortName == "泰山");
        if (committee is not null)
            await sp.GetRequiredService<PetitionHandOverAppService>().HandOverAsync(neighbours.Id, new HandOverPetitionInput(committee.Id,
                DisputeType.Neighbourhood, null, false, false, false, false, [new PetitionerConsentInput(1, true)],
                [new HandOverPartyInput(PartyKind.Person, "周某某", "370902199305146550", null, null, "13905381305", "泰山区岱庙街道", true)],
                neighbours.ConcurrencyStamp, false, false, false, null), ct);

        var arrears = await AcceptedAsync(await RegisterAsync(PetitionChannel.Visit, 5, "吴某某", "370902196708227669", "13905381306",
            "某安置房项目总包单位拖欠农民工工资，涉及住建、人社两个部门", "支付拖欠工资"));
        await proceedings.RequestJointMeetingAsync(arrears.Id, new RequestJointMeetingInput("涉及住建、人社多个部门职责，需联席会议协调",
            ["市住房和城乡建设局", "市人力资源和社会保障局"], arrears.ConcurrencyStamp), ct);
    }
}
