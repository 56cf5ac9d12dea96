using Mediation.Core.Identity;
namespace Mediation.Identity;

public sealed class IdentitySettings
{
    public const string Section = "Identity";

    /// <summary>A signed-in session ends after this long without a request (等保: 15 minutes).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in however active it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public SignInRateLimitSettings SignInRateLimit { get; set; } = new();

    /// <summary>
    /// How long this process keeps what the claims loader read for an account (its state, unit and permissions) before it reads them
    /// again (<see cref="UserClaimsCache"/>). A change saved in this process takes effect on the next request regardless; a change made
    /// by another host, or in the database by hand, within this long. Zero reads them on every request.
    /// </summary>
    public TimeSpan ClaimsCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long this process keeps a bearer token's decrypted ticket (<see cref="BearerTicketCache"/>), never past the token's expiry.
    /// The account's state and security stamp and the expiry are checked on every request regardless; what the duration bounds is how
    /// long a token stays readable after its data-protection key is revoked. Zero decrypts the token on every request.
    /// </summary>
    public TimeSpan BearerTicketCacheDuration { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Sign-in attempts allowed per window, per client address and per user name.</summary>
public sealed class SignInRateLimitSettings
{
    public int PerAddress { get; set; } = 30;

    public int PerUserName { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts checked at the same time in this host; more wait in a queue of <see cref="Queued"/>, beyond it 429.</summary>
    public int Concurrent { get; set; } = 4;

    public int Queued { get; set; } = 200;
}
