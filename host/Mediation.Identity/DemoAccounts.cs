using Mediation.Core.Identity;
using System.Security.Cryptography;
using Mediation.Core.Data;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Mediation.Identity;

/// <summary>
/// One account per role (demo.&lt;role&gt; in 泰山区) plus demo.mediator.daiyue in 岱岳区 and petition officers and unit heads of
/// 泰安市 and 岱庙街道 (so 复查 and 复核 can be tried up the tree, each opinion signed off by its issuing body's head). Each missing account is created, so an account added in a later
/// release also appears on a database seeded earlier. The password comes from Demo:Password, or is generated and printed. Outside the demo these accounts
/// must not exist: their password is known, so the host refuses to start while they do.
/// </summary>
internal sealed class DemoAccounts(UserManager<AppUser> users, MediationDbContext db, IConfiguration configuration, ILogger<DemoAccounts> logger, TimeProvider clock)
{
    public const string Prefix = "demo.";
    public const string TaishanCode = "370902";
    public const string DaiyueCode = "370911";
    public const string TaianCode = "370900";
    public const string DaimiaoCode = "370902001";
    /// <summary>肥城市: the 政法服务先行区 desk for 建安 enterprises, its officers and the demo enterprise's user.</summary>
    public const string FeichengCode = "370983";
    /// <summary>东平县: the county whose figures the seed quotes (3,214 disputes, 98.5% success, 民转刑 −27.5%).</summary>
    public const string DongpingCode = "370923";

    public static IEnumerable<(string UserName, string Role, string UnitCode, string DisplayName)> Accounts() =>
        RoleNames.All.Select(r => ($"{Prefix}{r.ToLowerInvariant()}", r, UnitOf(r), "演示" + RoleTitle(r)))
            .Append(($"{Prefix}mediator.daiyue", RoleNames.Mediator, DaiyueCode, "岱岳区演示调解员"))
            .Append(($"{Prefix}petitionofficer.taian", RoleNames.PetitionOfficer, TaianCode, "泰安市信访局演示信访干部"))
            .Append(($"{Prefix}petitionofficer.daimiao", RoleNames.PetitionOfficer, DaimiaoCode, "岱庙街道演示信访干部"))
            // The heads who sign off the opinions issued in their body's name along the 复查 / 复核 path (泰山区's is demo.unithead).
            .Append(($"{Prefix}unithead.daimiao", RoleNames.UnitHead, DaimiaoCode, "岱庙街道办事处演示主任"))
            .Append(($"{Prefix}unithead.taian", RoleNames.UnitHead, TaianCode, "泰安市信访局演示局长"))
            .Append(($"{Prefix}coordinator.taian", RoleNames.Coordinator, TaianCode, "泰安市委政法委演示协调员"))
            .Append(($"{Prefix}memberunit", RoleNames.UnitHead, TaianCode, "市住建局演示联络员"))
            .Append(($"{Prefix}deskofficer2", RoleNames.DeskOfficer, FeichengCode, "演示接诉即办窗口人员乙"))
            // The unit above the 肥城 desk, which receives the requests the desk escalates (上报).
            .Append(($"{Prefix}deskofficer.taian", RoleNames.DeskOfficer, TaianCode, "泰安市接诉即办演示窗口人员"))
            .Append(($"{Prefix}deskhead", RoleNames.UnitHead, FeichengCode, "肥城市政法服务先行区演示负责人"))
            .Append(($"{Prefix}statistician.dongping", RoleNames.Statistician, DongpingCode, "东平县演示统计员"));

    // The desk and its enterprises are at 肥城 (DOMAIN.md module 4); every other role's account is in 泰山区.
    private static string UnitOf(string role) => role is RoleNames.DeskOfficer or RoleNames.EnterpriseUser ? FeichengCode : TaishanCode;

    // The display name is shown in the shell and written into documents, so it reads as Chinese, like a real colleague's.
    private static string RoleTitle(string role) => role switch
    {
        RoleNames.Mediator => "调解员",
        RoleNames.PetitionOfficer => "信访干部",
        RoleNames.LegalAdvisor => "法律顾问",
        RoleNames.DeskOfficer => "接诉即办窗口人员",
        RoleNames.EnterpriseUser => "企业用户",
        RoleNames.UnitHead => "单位负责人",
        RoleNames.Coordinator => "综治中心协调员",
        RoleNames.Statistician => "统计员",
        RoleNames.SystemAdmin => "系统管理员",
        RoleNames.SecurityAdmin => "安全管理员",
        RoleNames.AuditAdmin => "审计管理员",
        _ => throw new InvalidOperationException($"Role {role} has no Chinese title for its demo account."),
    };

    public async Task SeedAsync(CancellationToken ct)
    {
        var existingUsers = await db.Set<AppUser>().IgnoreQueryFilters().Where(u => u.UserName!.StartsWith(Prefix)).ToListAsync(ct);
        // Releases before the Chinese titles named the accounts 演示Mediator etc.; rename those, keep any name an admin chose.
        var renamed = 0;
        foreach (var (userName, role, _, displayName) in Accounts())
            if (existingUsers.FirstOrDefault(u => u.UserName == userName) is { } user && user.DisplayName == "演示" + role)
            {
                user.DisplayName = displayName;
                renamed++;
            }
        // Releases before the desk put its officer and the enterprise user in 泰山区, outside the desk's unit.
        var feicheng = await db.Set<OrgUnit>().Where(u => u.Code == FeichengCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        var taishan = await db.Set<OrgUnit>().Where(u => u.Code == TaishanCode).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
        foreach (var user in existingUsers.Where(u => u.UserName is $"{Prefix}deskofficer" or $"{Prefix}enterpriseuser" && u.OrgUnitId == taishan && feicheng is not null))
        {
            user.OrgUnitId = feicheng!.Value;
            renamed++;
        }
        if (renamed > 0) await db.SaveChangesAsync(ct);
        var existing = existingUsers.Select(u => u.UserName!).ToList();
        var missing = Accounts().Where(a => !existing.Contains(a.UserName)).ToList();
        if (missing.Count == 0) return;
        var configured = configuration["Demo:Password"];
        var password = string.IsNullOrWhiteSpace(configured) ? GeneratePassword() : configured;
        var codes = missing.Select(a => a.UnitCode).Distinct().ToList();
        var units = await db.Set<OrgUnit>().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Id, ct);

        foreach (var (userName, role, unitCode, displayName) in missing)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = userName, DisplayName = displayName, OrgUnitId = units[unitCode],
                CreatedAt = clock.GetUtcNow(), LockoutEnabled = true, EmailConfirmed = true,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
            if (RoleNames.SeparatedAdminDuties.Contains(role))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
                logger.LogWarning("Demo account {UserName}: TOTP key {Key} (add it to an authenticator app)", userName, await users.GetAuthenticatorKeyAsync(user));
            }
        }
        if (string.IsNullOrWhiteSpace(configured))
            logger.LogWarning("Demo accounts {UserNames} created with the generated password {Password} (set Demo:Password to choose one)",
                string.Join(", ", missing.Select(a => a.UserName)), password);
    }

    public async Task EnsureNoneOutsideDemoAsync(CancellationToken ct)
    {
        if (await db.Set<AppUser>().IgnoreQueryFilters().AnyAsync(u => u.UserName!.StartsWith(Prefix), ct))
            throw new InvalidOperationException(
                "Demo accounts (demo.*) exist but Demo:Enabled is false. Their password is known; delete them or run with Demo:Enabled=true.");
    }

    private static string GeneratePassword() =>
        "Md-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "9a";
}
