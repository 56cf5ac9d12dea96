using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

public sealed class DemoAccounts_Tests
{
    [Fact]
    public async Task Accounts_added_in_a_later_release_are_created_on_a_database_that_already_has_the_first_ones()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "demo.db")}";
        string[] later = ["demo.unithead", "demo.petitionofficer.taian", "demo.petitionofficer.daimiao", "demo.unithead.daimiao", "demo.unithead.taian"];
        await using (var first = new MediationAppFactory(DatabaseProvider.Sqlite, connection))
        {
            first.StartServer();
            await using var scope = first.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            // As if the database had been seeded by the release before these accounts existed.
            var users = await db.Set<AppUser>().IgnoreQueryFilters().Where(u => later.Contains(u.UserName!)).ToListAsync();
            users.Count.ShouldBe(later.Length);
            db.RemoveRange(users);
            (await db.Set<AppUser>().IgnoreQueryFilters().SingleAsync(u => u.UserName == "demo.mediator")).DisplayName = "演示Mediator";
            await db.SaveChangesAsync();
            // The release before seeded with other code, so its fingerprint is not this build's: the next start seeds.
            await db.Set<SeedState>().ExecuteDeleteAsync();
        }

        await using var next = new MediationAppFactory(DatabaseProvider.Sqlite, connection);
        next.StartServer();
        await using var check = next.Services.CreateAsyncScope();
        var names = await check.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AppUser>().IgnoreQueryFilters()
            .Where(u => u.UserName!.StartsWith(DemoAccounts.Prefix)).Select(u => u.UserName!).ToListAsync();
        names.ShouldBe(DemoAccounts.Accounts().Select(a => a.UserName), ignoreOrder: true);
        (await check.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AppUser>().IgnoreQueryFilters()
            .SingleAsync(u => u.UserName == "demo.mediator")).DisplayName.ShouldBe("演示调解员", "the Latin name of an earlier release is replaced");
        (await next.ClientAsAsync("demo.petitionofficer.taian")).ShouldNotBeNull();
        (await next.ClientAsAsync("demo.unithead.daimiao")).ShouldNotBeNull();
    }

    [Fact]
    public void Every_demo_account_has_its_own_chinese_display_name()
    {
        var accounts = DemoAccounts.Accounts().ToList();
        accounts.Select(a => a.Role).Distinct().ShouldBe(Mediation.Core.Security.RoleNames.All, ignoreOrder: true);
        accounts.Where(a => !System.Text.RegularExpressions.Regex.IsMatch(a.DisplayName, @"^\p{IsCJKUnifiedIdeographs}+$"))
            .Select(a => $"{a.UserName}: {a.DisplayName}").ShouldBeEmpty();
        accounts.Select(a => a.DisplayName).ShouldBeUnique();
        accounts.Single(a => a.UserName == "demo.mediator").DisplayName.ShouldBe("演示调解员");
        accounts.Single(a => a.UserName == "demo.unithead").DisplayName.ShouldBe("演示单位负责人");
    }
}
