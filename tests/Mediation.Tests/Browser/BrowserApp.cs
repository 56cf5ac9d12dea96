using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mediation.Tests.Browser;

/// <summary>
/// The host on a real loopback port (Kestrel) plus Debian's Chromium driven by Playwright.
/// Playwright's own browser download is not used: this machine has no route to it.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public MediationAppFactory Factory { get; } = new(DatabaseProvider.Sqlite);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException("Chromium not found at /usr/bin/chromium. Run etc/test.sh (it installs the `chromium` package).");
        Factory.UseKestrel(0);
        Factory.StartServer();
        // Playwright's 5 s default for an expectation is a page on an idle machine; on two CI cores shared
        // with the PostgreSQL tests a debounced fetch (the duplicate hint) has taken longer.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(ContextOptions());
        // A first page of a fresh host (views compiled, seed read) under a full suite on two cores
        // has passed Playwright's 30 s navigation default; a real hang still fails, only later.
        context.SetDefaultNavigationTimeout(90_000);
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in through the sign-in form as the demo account <paramref name="userName"/>.</summary>
    public async Task<IPage> SignedInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(MediationAppFactory.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>
    /// A browser as our users have it: Chinese, on China time. Pinned so that a test machine's own
    /// LANG or TZ (which Chromium would otherwise adopt) cannot change what the pages show.
    /// </summary>
    public BrowserNewContextOptions ContextOptions() => new()
    {
        BaseURL = BaseAddress.ToString(),
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
    };

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}
