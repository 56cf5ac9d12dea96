using System.Net;
using Mediation.Integrations;
using Mediation.Core.Data;
using Mediation.Integrations.Application;
using Mediation.Integrations.Domain;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

/// <summary>The administrator's page: the registered systems, and each callback with its attempts — a failure, then the delivery.</summary>
public sealed class Integrations_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_system_admin_sees_the_systems_and_every_attempt_of_a_callback()
    {
        await using var integrator = await FakeIntegrator.StartAsync();
        var admin = await app.Factory.ClientAsAsync("demo.systemadmin");
        var name = "泰安市12345热线" + Guid.NewGuid().ToString("N")[..4];
        var registered = await (await admin.PostJsonAsync("/api/integrations/systems",
            new RegisterSystemInput(name, integrator.CallbackUrl.AbsoluteUri, ["370902"], true))).ReadAsync<RegisteredSystemDto>();
        integrator.Secret = registered.CallbackSecret;
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Add(IntegrationsModuleInfo.ApiKeyHeader, registered.ApiKey);
        var number = "GD" + Guid.NewGuid().ToString("N")[..8];
        var pushed = await client.PostJsonAsync("/api/integrations/work-orders", new WorkOrderInput(number, "12345热线",
            new WorkOrderCallerInput("张某某", "13800138000"), "夜间施工噪音扰民", "环境保护", "370902", DateTimeOffset.UtcNow.AddDays(5), WorkOrderKind.Petition));
        pushed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await pushed.ReadAsync<WorkOrderDto>();
        var officer = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var petition = await (await officer.GetAsync($"/api/petitions/{order.RecordId}")).ReadAsync<Mediation.Petitions.PetitionDto>();
        (await officer.PostJsonAsync($"/api/petitions/{petition.Id}/accept", new Mediation.Petitions.AcceptPetitionInput(petition.ConcurrencyStamp,
            Mediation.Petitions.PetitionCategory.Grievance, Mediation.Petitions.GrievanceRoute.Handling))).StatusCode.ShouldBe(HttpStatusCode.OK);
        integrator.FailNext = 1;
        await Eventually.Async(async () =>
        {
            await app.Factory.InScopeAsync(sp => sp.GetRequiredService<CallbackDispatcher>().RunAsync(CancellationToken.None));
            return integrator.Calls.IsEmpty ? null : integrator;
        }, "the first attempt");

        var page = await app.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync("demo.systemadmin");
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByLabel("动态验证码").FillAsync(await app.Factory.TotpCodeAsync("demo.systemadmin"));
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "系统对接" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "系统对接", Level = 1 })).ToBeVisibleAsync();
        var system = page.GetByRole(AriaRole.Region, new() { Name = "对接系统" }).GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Assertions.Expect(system).ToContainTextAsync(registered.System.ApiKeyPrefix);
        await Assertions.Expect(system).ToContainTextAsync("泰山区");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(registered.ApiKey);

        await system.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        var delivery = page.GetByRole(AriaRole.Region, new() { Name = "回调投递日志" }).GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(delivery).ToContainTextAsync("已受理");
        await Assertions.Expect(delivery).ToContainTextAsync("500");
        await Assertions.Expect(delivery).ToContainTextAsync("重试");

        // The retry falls due (a minute later by default), and the next round delivers it.
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<CallbackDelivery>()
            .Where(d => d.WorkOrderNumber == number).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        await app.Factory.InScopeAsync(sp => sp.GetRequiredService<CallbackDispatcher>().RunAsync(CancellationToken.None));
        await page.ReloadAsync();
        await Assertions.Expect(delivery).ToContainTextAsync("已送达");
        await Assertions.Expect(delivery.Locator("li")).ToHaveCountAsync(2);
    }
}
