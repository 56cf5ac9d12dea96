using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Mediation.Identity;

/// <summary>
/// The bearer scheme's token format, keeping the tickets of the tokens it has decrypted (issue 17: data protection's decryption and
/// the ticket's deserialization on every API request were 5% of the intake host's CPU). A token is the same ticket for its life: it
/// is encrypted and signed, so the text names exactly one ticket. What can end a token early is checked on every request after the
/// look-up as before — the account's state and security stamp by the claims loader, the expiry by the bearer handler — so keeping the
/// ticket changes none of that. A ticket is kept at most <see cref="IdentitySettings.BearerTicketCacheDuration"/> and never past its
/// expiry; a token that fails to decrypt is never kept. At <see cref="Capacity"/> tokens the expired ones are dropped, and all of
/// them if none has expired.
/// </summary>
internal sealed class BearerTicketCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock, TimeSpan keepFor)
    : ISecureDataFormat<AuthenticationTicket>
{
    public const int Capacity = 10_000;

    private sealed record KeptTicket(AuthenticationTicket Ticket, DateTimeOffset KeepUntil);

    private readonly ConcurrentDictionary<string, KeptTicket> _tickets = new(StringComparer.Ordinal);

    /// <summary>How many tokens were decrypted (the tests count them).</summary>
    public int Decryptions => _decryptions;

    private int _decryptions;

    /// <summary>The format this cache wraps (the tests check the host wires the cache around the framework's).</summary>
    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null || keepFor <= TimeSpan.Zero) return Decrypt(protectedText, purpose);
        var now = clock.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var kept))
        {
            if (now < kept.KeepUntil) return Handed(kept.Ticket);
            _tickets.TryRemove(new KeyValuePair<string, KeptTicket>(protectedText, kept));
        }
        var ticket = Decrypt(protectedText, null);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= now) return ticket;
        if (_tickets.Count >= Capacity) MakeRoom(now);
        _tickets[protectedText] = new KeptTicket(ticket, expires < now + keepFor ? expires : now + keepFor);
        return Handed(ticket);
    }

    private AuthenticationTicket? Decrypt(string? protectedText, string? purpose)
    {
        Interlocked.Increment(ref _decryptions);
        return inner.Unprotect(protectedText, purpose);
    }

    // Each request gets its own properties (the handler and the authentication service may write to them); the principal is shared:
    // the claims loader reads it and builds the request's own identity, and nothing writes to the token's.
    private static AuthenticationTicket Handed(AuthenticationTicket kept) =>
        new(kept.Principal, kept.Properties.Clone(), kept.AuthenticationScheme);

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (token, kept) in _tickets)
            if (now >= kept.KeepUntil) _tickets.TryRemove(token, out _);
        if (_tickets.Count >= Capacity) _tickets.Clear();
    }
}
