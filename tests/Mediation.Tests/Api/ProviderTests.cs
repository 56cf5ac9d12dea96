using Mediation.Tests.Infrastructure;

namespace Mediation.Tests.Api;

/// <summary>
/// Base of tests that run once per database provider: the concrete classes below each test name
/// say which provider ran (…_on_Sqlite, …_on_PostgreSql), so the output shows both.
/// </summary>
public abstract class ProviderTests
{
    protected abstract Task<MediationAppFactory> AppAsync();

    protected async Task<HttpClient> ClientAsync(string? language = null)
    {
        var client = (await AppAsync()).CreateClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}
