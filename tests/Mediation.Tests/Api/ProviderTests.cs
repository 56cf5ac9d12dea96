using Mediation.Tests.Infrastructure;

namespace Mediation.Tests.Api;

/// <summary>
/// Base of tests that run once per database provider: the concrete classes below each test name
/// say which provider ran (…_on_Sqlite, …_on_PostgreSql), so the output shows both.
/// </summary>
public abstract class ProviderTests
{
    protected abstract Task<MediationAppFactory> AppAsync();

    /// <summary>A client signed in as <paramref name="userName"/> (by default the demo SystemAdmin of 泰山区).</summary>
    protected async Task<HttpClient> ClientAsync(string? language = null, string userName = "demo.systemadmin") =>
        await (await AppAsync()).ClientAsAsync(userName, language);

    protected async Task<HttpClient> AnonymousClientAsync(string? language = null)
    {
        var client = (await AppAsync()).CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}
