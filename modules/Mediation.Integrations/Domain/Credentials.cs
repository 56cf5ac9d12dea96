using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mediation.Core.Domain;

namespace Mediation.Integrations.Domain;

/// <summary>A new API key in clear (shown once), the prefix kept to tell keys apart, and the hash the server keeps.</summary>
public sealed record IssuedApiKey(string Key, string Prefix, string Hash);

public static class ApiKeys
{
    private const string Marker = "mdk_";

    /// <summary>256 random bits: an unsalted SHA-256 is enough to keep it, as nothing this long can be guessed from its hash.</summary>
    public static IssuedApiKey Issue()
    {
        var key = Marker + Base64Url(RandomNumberGenerator.GetBytes(32));
        return new IssuedApiKey(key, key[..(Marker.Length + 6)], Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim())));

    /// <summary>The shared callback secret: 256 random bits, kept encrypted with the personal-data keys.</summary>
    public static string NewCallbackSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The callback signature: HMAC-SHA256 keyed with the shared secret over "{timestamp}.{body}", in lower-case hex. The timestamp
/// (Unix seconds) is signed with the body so that a recorded callback cannot be replayed later under a fresh time.
/// </summary>
public static class CallbackSignature
{
    public static string Compute(string secret, long timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>What a receiver checks: the signature in constant time, and a timestamp within <paramref name="tolerance"/> of its clock.</summary>
    public static bool Verify(string secret, long timestamp, string body, string signature, DateTimeOffset now, TimeSpan tolerance) =>
        Math.Abs(now.ToUnixTimeSeconds() - timestamp) <= tolerance.TotalSeconds
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant()));
}

/// <summary>
/// The idempotency key of a push is (system, external number): the number is compared as sent, trimmed, case included, so the
/// same number from two systems is two work orders and a repeat from one system is the same one.
/// </summary>
public static partial class WorkOrderNumbers
{
    public const int MaxLength = 50;

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Allowed();

    public static string? Normalize(string? number) => string.IsNullOrWhiteSpace(number) ? null : number.Trim();

    public static bool IsValid(string? number) => Normalize(number) is { Length: <= MaxLength } n && Allowed().IsMatch(n);
}

public static class CallbackUrls
{
    /// <summary>An absolute http or https address with a host; nothing else can be called back (no file:, no relative path).</summary>
    public static Uri? Parse(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host)
        && text!.Trim().Length <= IntegratingSystem.CallbackUrlMaxLength && string.IsNullOrEmpty(uri.UserInfo)
            ? uri
            : null;

    public static Uri Require(string? text, string field) =>
        Parse(text) ?? throw new Mediation.Core.Validation.InputValidationException(
            [new Mediation.Core.Validation.FieldError(field, IntegrationsErrorCodes.CallbackUrlInvalid, new Dictionary<string, object?>())]);
}
