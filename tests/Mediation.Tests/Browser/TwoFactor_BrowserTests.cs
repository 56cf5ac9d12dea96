using System.Net;
using Mediation.Core.Identity;
using Mediation.Web.OrgUnits;
using Mediation.Core.Security;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;
using Shouldly;

namespace Mediation.Tests.Browser;

public sealed class TwoFactor_BrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Strong-Pass-2026";

    [Fact]
    public async Task A_user_enrols_an_authenticator_from_the_key_on_the_page_and_signs_in_again_with_its_code()
    {
        var admin = await app.Factory.ClientAsAsync("demo.systemadmin");
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var userName = "b" + Guid.NewGuid().ToString("N")[..10];
        (await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(userName, "浏览器双因素", Password, unit.Id, [RoleNames.Mediator], null, null)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await app.NewPageAsync();
        await SignInAsync(page, userName, null);
        await page.GetByRole(AriaRole.Link, new() { Name = "身份验证器" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "身份验证器", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "身份验证器密钥二维码" })).ToBeVisibleAsync();
        (await page.GetByRole(AriaRole.Img).EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(0);

        var key = (await page.GetByRole(AriaRole.Definition).InnerTextAsync()).Trim();
        await page.GetByLabel("动态验证码").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await page.GetByLabel("动态验证码").FillAsync(await SignIn.FreshCodeAsync(app.Factory, userName, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("身份验证器已设置");

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await SignInAsync(page, userName, await SignIn.FreshCodeAsync(app.Factory, userName, key));
        await Assertions.Expect(page.GetByText("浏览器双因素 · 泰山区")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_admin_duty_holder_without_an_authenticator_lands_on_enrolment_with_the_reason()
    {
        var admin = await app.Factory.ClientAsAsync("demo.systemadmin");
        var unit = (await (await admin.GetAsync("/api/org-units")).ReadAsync<List<OrgUnitDto>>()).Single(u => u.Code == "370902");
        var userName = "b" + Guid.NewGuid().ToString("N")[..10];
        (await admin.PostJsonAsync("/api/identity/users", new CreateUserInput(userName, "浏览器审计", Password, unit.Id, [RoleNames.AuditAdmin], null, null)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var page = await app.NewPageAsync();
        await SignInAsync(page, userName, null);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "身份验证器", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("须使用双因素认证");
        await Assertions.Expect(page.GetByLabel("动态验证码")).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string userName, string? code)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        if (code is not null) await page.GetByLabel("动态验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
