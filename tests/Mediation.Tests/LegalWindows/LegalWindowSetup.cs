using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Mediation.LegalWindows;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.LegalWindows;

/// <summary>Villages, windows and advisors made through the API, and a 岱岳区 advisor account the demo data lacks.</summary>
internal static class LegalWindowSetup
{
    public const string Advisor = "demo.legaladvisor";
    public const string UnitHead = "demo.unithead";
    public const string DaimiaoCode = "370902001";
    public const string DaidongCode = "370902001001";
    public const string ForeignAdvisor = "test.legaladvisor.daiyue";

    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    public static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string code, HttpStatusCode status = HttpStatusCode.UnprocessableEntity)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("code").GetString().ShouldBe(code);
    }

    public static async Task<OrgUnitDto> UnitAsync(MediationAppFactory app, string code)
    {
        var units = await (await (await app.ClientAsAsync("demo.coordinator")).GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>();
        return units.Single(u => u.Code == code);
    }

    public static async Task<OrgUnitDto> VillageAsync(MediationAppFactory app, string name, string townshipCode = DaimiaoCode)
    {
        var township = await UnitAsync(app, townshipCode);
        var admin = await app.ClientAsAsync("demo.systemadmin");
        return await OkAsync<OrgUnitDto>(await admin.PostJsonAsync("/api/org-units",
            new CreateOrgUnitInput(township.Id, townshipCode + Random.Shared.Next(100_000, 999_999), name + Suffix(), OrgUnitKind.Community, 9)), HttpStatusCode.Created);
    }

    public static string Suffix() => Guid.NewGuid().ToString("N")[..4];

    /// <summary>A 17-digit 律师执业证号 no other test uses.</summary>
    public static string LicenceNumber() => "1370920181" + Random.Shared.Next(1_000_000, 9_999_999);

    public static async Task<WindowDto> WindowAsync(MediationAppFactory app, Guid villageId, params AdvisorDto[] advisors)
    {
        var head = await app.ClientAsAsync(UnitHead);
        var window = await OkAsync<WindowDto>(await head.PostJsonAsync("/api/legal-windows/windows", new CreateWindowInput(villageId, "法律服务窗口" + Suffix(),
            "窗" + Suffix(), "综治服务大厅", new TimeOnly(8, 30), new TimeOnly(17, 30), null, "0538-8000000")), HttpStatusCode.Created);
        foreach (var advisor in advisors)
            window = await OkAsync<WindowDto>(await head.PostJsonAsync($"/api/legal-windows/windows/{window.Id}/advisors",
                new AttachAdvisorInput(advisor.Id, window.ConcurrencyStamp)));
        return window;
    }

    public static async Task<AdvisorDto> AdvisorAsync(MediationAppFactory app, string name, string? userName = null)
    {
        var head = await app.ClientAsAsync(UnitHead);
        var taishan = await UnitAsync(app, DemoAccounts.TaishanCode);
        return await OkAsync<AdvisorDto>(await head.PostJsonAsync("/api/legal-windows/advisors", new RegisterAdvisorInput(taishan.Id, name,
            AdvisorKind.Lawyer, "泰安演示律师事务所", LicenceNumber(), "13800138002", userName)), HttpStatusCode.Created);
    }

    public static async Task<HttpClient> ForeignAdvisorAsync(MediationAppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(ForeignAdvisor) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var daiyue = await db.Set<OrgUnit>().SingleAsync(u => u.Code == DemoAccounts.DaiyueCode);
                var user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = ForeignAdvisor, DisplayName = "岱岳区法律顾问", OrgUnitId = daiyue.Id,
                    CreatedAt = DateTimeOffset.UtcNow, LockoutEnabled = true, EmailConfirmed = true,
                };
                (await users.CreateAsync(user, MediationAppFactory.DemoPassword)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, RoleNames.LegalAdvisor)).Succeeded.ShouldBeTrue();
            }
        }
        return await app.ClientAsAsync(ForeignAdvisor);
    }
}
