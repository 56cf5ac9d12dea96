using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>A PetitionOfficer of 岱岳区 (the sibling county): the demo data has none, so tests add one per host.</summary>
internal static class ForeignPetitionOfficer
{
    public const string UserName = "test.petitionofficer.daiyue";

    public static async Task<HttpClient> ClientAsync(MediationAppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(UserName) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var daiyue = await db.Set<OrgUnit>().SingleAsync(u => u.Code == DemoAccounts.DaiyueCode);
                var user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = UserName, DisplayName = "岱岳区信访干部", OrgUnitId = daiyue.Id,
                    CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true, EmailConfirmed = true,
                };
                (await users.CreateAsync(user, MediationAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, RoleNames.PetitionOfficer)).Succeeded.ShouldBeTrue();
            }
        }
        return await app.ClientAsAsync(UserName);
    }
}
