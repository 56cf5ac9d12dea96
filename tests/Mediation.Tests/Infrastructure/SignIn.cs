using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Mediation.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Shouldly;

namespace Mediation.Tests.Infrastructure;

/// <summary>Signs demo accounts in through the real token endpoint (with a TOTP code for admins) and caches the token.</summary>
public static class SignIn
{
    private static readonly ConcurrentDictionary<(MediationAppFactory, string), string> Tokens = new();

    public static async Task<HttpClient> ClientAsAsync(this MediationAppFactory app, string userName, string? language = null)
    {
        var token = Tokens.TryGetValue((app, userName), out var cached) ? cached : await IssueTokenAsync(app, userName);
        Tokens[(app, userName)] = token;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static readonly ConcurrentDictionary<(MediationAppFactory, string), long> LastSteps = new();

    /// <summary>
    /// A code the host will accept: each time step is accepted once per user, so this takes the
    /// next unused step within the one step of drift the host allows, waiting for the clock if needed.
    /// </summary>
    public static async Task<string> TotpCodeAsync(this MediationAppFactory app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var key = await users.GetAuthenticatorKeyAsync(user);
        return key is null ? "" : await FreshCodeAsync(app, userName, key);
    }

    public static async Task<string> FreshCodeAsync(MediationAppFactory app, string userName, string base32Key)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        long Now() => clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        var step = Math.Max(Now(), LastSteps.GetValueOrDefault((app, userName)) + 1);
        while (step > Now() + 1) await Task.Delay(TimeSpan.FromSeconds(1));
        LastSteps[(app, userName)] = step;
        return new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
    }

    private static async Task<string> IssueTokenAsync(MediationAppFactory app, string userName)
    {
        var client = app.CreateClient();
        var response = await client.PostJsonAsync("/api/auth/token",
            new TokenRequest(userName, MediationAppFactory.DemoPassword, await app.TotpCodeAsync(userName)));
        response.IsSuccessStatusCode.ShouldBeTrue($"sign-in of {userName}: {await response.Content.ReadAsStringAsync()}");
        return (await response.ReadAsync<TokenResponse>()).AccessToken;
    }
}
