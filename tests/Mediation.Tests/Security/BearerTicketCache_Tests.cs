using System.Net;
using System.Security.Claims;
using Mediation.Core.Data;
using Mediation.Identity;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Issue 17: a bearer token's ticket is decrypted once per host, not on every request; the expiry, the account's state and its
/// security stamp are still checked on every request. The clock is the test's: no test here waits.
/// </summary>
public sealed class BearerTicketCache_Tests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_presented_again_is_not_decrypted_again()
    {
        var (cache, inner, _) = Cache();
        var token = inner.Issue(Start.AddHours(1));

        cache.Unprotect(token).ShouldNotBeNull();
        cache.Unprotect(token).ShouldNotBeNull();
        cache.Unprotect(token)!.Principal.FindFirstValue(ClaimTypes.Name).ShouldBe("officer");

        inner.Decrypted.ShouldBe(1);
    }

    [Fact]
    public void A_ticket_is_kept_no_longer_than_the_duration_nor_past_its_expiry()
    {
        var (cache, inner, clock) = Cache(keepFor: TimeSpan.FromMinutes(5));
        var longLived = inner.Issue(Start.AddHours(1));
        var shortLived = inner.Issue(Start.AddMinutes(2));
        cache.Unprotect(longLived);
        cache.Unprotect(shortLived);

        clock.Advance(TimeSpan.FromMinutes(3));
        cache.Unprotect(longLived);
        inner.Decrypted.ShouldBe(2, "within the duration");
        cache.Unprotect(shortLived)!.Properties.ExpiresUtc.ShouldBe(Start.AddMinutes(2), "past its expiry: decrypted again, and the handler refuses it");
        inner.Decrypted.ShouldBe(3);

        clock.Advance(TimeSpan.FromMinutes(2));
        cache.Unprotect(longLived);
        inner.Decrypted.ShouldBe(4, "older than the duration");
    }

    [Fact]
    public void A_token_that_does_not_decrypt_is_not_kept_and_no_duration_keeps_nothing()
    {
        var (cache, inner, _) = Cache();
        cache.Unprotect("not a token").ShouldBeNull();
        cache.Unprotect("not a token").ShouldBeNull();
        inner.Decrypted.ShouldBe(2);

        var (off, offInner, _) = Cache(keepFor: TimeSpan.Zero);
        var token = offInner.Issue(Start.AddHours(1));
        off.Unprotect(token);
        off.Unprotect(token);
        offInner.Decrypted.ShouldBe(2);
    }

    [Fact]
    public void Each_request_gets_its_own_properties()
    {
        var (cache, inner, _) = Cache();
        var token = inner.Issue(Start.AddHours(1));
        cache.Unprotect(token)!.Properties.Items["written"] = "by the first request";

        cache.Unprotect(token)!.Properties.Items.ContainsKey("written").ShouldBeFalse();
    }

    [Fact]
    public void At_capacity_the_expired_tickets_make_room_and_otherwise_all_go()
    {
        var (cache, inner, clock) = Cache(keepFor: TimeSpan.FromMinutes(5));
        var early = Enumerable.Range(0, BearerTicketCache.Capacity / 2).Select(_ => inner.Issue(Start.AddMinutes(1))).ToList();
        var late = Enumerable.Range(0, BearerTicketCache.Capacity / 2).Select(_ => inner.Issue(Start.AddHours(1))).ToList();
        foreach (var token in early.Concat(late)) cache.Unprotect(token);
        clock.Advance(TimeSpan.FromMinutes(2));

        cache.Unprotect(inner.Issue(Start.AddHours(1)));
        var decrypted = inner.Decrypted;
        foreach (var token in late) cache.Unprotect(token);
        inner.Decrypted.ShouldBe(decrypted, "the expired made room; the others are still kept");

        foreach (var token in Enumerable.Range(0, BearerTicketCache.Capacity / 2).Select(_ => inner.Issue(Start.AddHours(1)))) cache.Unprotect(token);
        decrypted = inner.Decrypted;
        cache.Unprotect(late[0]);
        inner.Decrypted.ShouldBe(decrypted + 1, "full of live tickets: all were dropped");
    }

    private static (BearerTicketCache Cache, CountingFormat Inner, FakeTimeProvider Clock) Cache(TimeSpan? keepFor = null)
    {
        var clock = new FakeTimeProvider(Start);
        var inner = new CountingFormat();
        return (new BearerTicketCache(inner, clock, keepFor ?? TimeSpan.FromMinutes(5)), inner, clock);
    }

    /// <summary>Tokens are numbers naming tickets it issued; anything else does not decrypt.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly List<AuthenticationTicket> _issued = [];

        public int Decrypted { get; private set; }

        public string Issue(DateTimeOffset expires)
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "officer")], "Bearer"));
            _issued.Add(new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, "Bearer"));
            return (_issued.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public string Protect(AuthenticationTicket data) => throw new NotSupportedException();

        public string Protect(AuthenticationTicket data, string? purpose) => throw new NotSupportedException();

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Decrypted++;
            return int.TryParse(protectedText, out var index) ? _issued[index] : null;
        }
    }
}

/// <summary>The host's bearer scheme decrypts a token once, and still refuses it once expired.</summary>
public sealed class BearerTicketCacheHost_Tests(BearerTicketCacheApp app) : IClassFixture<BearerTicketCacheApp>
{
    [Fact]
    public async Task Requests_with_one_token_decrypt_it_once()
    {
        var cache = app.Factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme)
            .BearerTokenProtector.ShouldBeOfType<BearerTicketCache>();
        var client = await SignedInAsync();
        var decrypted = cache.Decryptions;

        for (var i = 0; i < 3; i++) (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        cache.Decryptions.ShouldBe(decrypted + 1);
    }

    [Fact]
    public async Task A_kept_token_is_refused_once_it_expires()
    {
        var client = await SignedInAsync();
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        BearerTicketCacheApp.Clock.Advance(TimeSpan.FromMinutes(4));
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "kept, within its 5 min lifetime");
        BearerTicketCacheApp.Clock.Advance(TimeSpan.FromMinutes(1));
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var response = await app.Factory.CreateClient().PostJsonAsync("/api/auth/token", new TokenRequest("demo.mediator", MediationAppFactory.DemoPassword, null));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await response.ReadAsync<TokenResponse>()).AccessToken);
        return client;
    }
}

/// <summary>A host on a clock the test moves, whose tokens live 5 min and whose tickets would be kept for an hour.</summary>
public sealed class BearerTicketCacheApp : SqliteApp
{
    public static readonly FakeTimeProvider Clock = new(DateTimeOffset.UtcNow);

    public BearerTicketCacheApp() : base(new MediationAppFactory(DatabaseProvider.Sqlite,
        settings: new Dictionary<string, string?> { ["Identity:TokenLifetime"] = "00:05:00", ["Identity:BearerTicketCacheDuration"] = "01:00:00" },
        services: s => s.AddSingleton<TimeProvider>(Clock)))
    {
    }
}
