using System.Net;
using Mediation.Core.Data;
using Mediation.Core.Identity;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Two hosts on one database, as behind a load balancer: the sign-in limits (6 per address, 8 per user name, 3 failures
/// lock) hold across them — an attacker spreading attempts over the hosts gets no more than against one.
/// </summary>
public abstract class SignInAcrossHosts_Tests
{
    public static readonly IReadOnlyDictionary<string, string?> Limits = new Dictionary<string, string?>
    {
        ["Identity:SignInRateLimit:PerAddress"] = "6",
        ["Identity:SignInRateLimit:PerUserName"] = "8",
        ["Identity:SignInRateLimit:Window"] = "00:05:00",
        ["Identity:MaxFailedAttempts"] = "3",
    };

    public static void ClientAddressFromHeader(IServiceCollection services) => services.AddTransient<IStartupFilter, ClientAddressFromTestHeader>();

    protected abstract Task<MediationAppFactory[]> HostsAsync();

    private async Task<HttpResponseMessage> TokenAsync(int host, string address, string userName)
    {
        var client = (await HostsAsync())[host].CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressFromTestHeader.Header, address);
        return await client.PostJsonAsync("/api/auth/token", new TokenRequest(userName, "Wrong-Pass-2026", null));
    }

    private static async Task<(HttpStatusCode, string?)> AnswerAsync(HttpResponseMessage response) =>
        (response.StatusCode, (await response.ReadJsonAsync()).GetProperty("code").GetString());

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    private static string Address(int i) => $"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{i + 1}";

    [Fact]
    public async Task A_user_name_gets_eight_attempts_in_all_however_they_are_spread_over_the_hosts()
    {
        var name = Unique("spread");
        for (var i = 0; i < 8; i++)
            (await TokenAsync(i % 2, Address(i), name)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await AnswerAsync(await TokenAsync(1, Address(9), name))).ShouldBe((HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts));
        (await AnswerAsync(await TokenAsync(0, Address(10), name))).ShouldBe((HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts));
    }

    [Fact]
    public async Task An_address_gets_six_attempts_in_all_however_they_are_spread_over_the_hosts()
    {
        var address = Address(200);
        for (var i = 0; i < 6; i++)
            (await TokenAsync(i % 2, address, Unique("addr"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await TokenAsync(0, address, Unique("addr"));
        (await AnswerAsync(refused)).ShouldBe((HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts));
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 300);
    }

    [Fact]
    public async Task An_address_gets_six_enterprise_sign_ups_in_all_however_they_are_spread_over_the_hosts()
    {
        // The sign-up was limited in each host's memory: two hosts gave an address twice the attempts.
        var address = Address(201);
        async Task<HttpResponseMessage> SignUpAsync(int host)
        {
            var client = (await HostsAsync())[host].CreateClient();
            client.DefaultRequestHeaders.Add(ClientAddressFromTestHeader.Header, address);
            return await client.PostJsonAsync("/api/service-desk/enterprises/sign-up",
                ServiceDesk.DeskSetup.SignUpInput(userName: Unique("ent.")) with { ContactPhone = "12345" });
        }
        for (var i = 0; i < 6; i++)
            (await SignUpAsync(i % 2)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var refused = await SignUpAsync(1);
        (await AnswerAsync(refused)).ShouldBe((HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts));
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 300);
        (await AnswerAsync(await SignUpAsync(0))).ShouldBe((HttpStatusCode.TooManyRequests, IdentityErrorCodes.TooManySignInAttempts));
        (await TokenAsync(0, address, Unique("addr"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "sign-ups have a count of their own");
    }

    [Fact]
    public async Task A_name_that_is_no_account_locks_after_three_failures_counted_on_both_hosts()
    {
        var name = Unique("nobody");
        (await AnswerAsync(await TokenAsync(0, Address(1), name))).ShouldBe((HttpStatusCode.Unauthorized, IdentityErrorCodes.InvalidCredentials));
        (await AnswerAsync(await TokenAsync(1, Address(2), name))).ShouldBe((HttpStatusCode.Unauthorized, IdentityErrorCodes.InvalidCredentials));
        (await AnswerAsync(await TokenAsync(0, Address(3), name))).ShouldBe((HttpStatusCode.Unauthorized, IdentityErrorCodes.LockedOut));
        (await AnswerAsync(await TokenAsync(1, Address(4), name))).ShouldBe((HttpStatusCode.Unauthorized, IdentityErrorCodes.LockedOut));
    }
}

/// <summary>Two hosts on one SQLite file: SQLite is one machine, but the counts must not live in a host's memory there either.</summary>
public sealed class TwoSqliteHosts : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mediation-tests", "two-hosts-" + Guid.NewGuid().ToString("N")[..8]);

    public MediationAppFactory[] Hosts { get; private set; } = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var connection = $"Data Source={Path.Combine(_folder, "mediation.db")};Default Timeout=120";
        Hosts = [.. Enumerable.Range(0, 2).Select(_ => new MediationAppFactory(DatabaseProvider.Sqlite, connection,
            SignInAcrossHosts_Tests.Limits, SignInAcrossHosts_Tests.ClientAddressFromHeader))];
        foreach (var host in Hosts) host.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in Hosts) await host.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the temp folder is cleaned later */ }
    }
}

public sealed class SignInAcrossHosts_Tests_on_Sqlite(TwoSqliteHosts hosts) : SignInAcrossHosts_Tests, IClassFixture<TwoSqliteHosts>
{
    protected override Task<MediationAppFactory[]> HostsAsync() => Task.FromResult(hosts.Hosts);
}

[Collection(PostgresCollection.Third)]
public sealed class SignInAcrossHosts_Tests_on_PostgreSql(PostgresCluster cluster) : SignInAcrossHosts_Tests
{
    protected override Task<MediationAppFactory[]> HostsAsync() =>
        cluster.HostsSharingOneDatabaseForAsync(GetType(), 2, ClientAddressFromHeader, Limits);
}
