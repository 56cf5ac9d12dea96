using Mediation.Cases.Domain;
using Mediation.Core.Data;
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
    }
}
