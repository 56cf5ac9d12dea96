using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mediation.Core.PersonalData;

public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Encryption keys by id (base64, 32 bytes each). Old ids stay to read old rows after a rotation.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The key id new values are encrypted with.</summary>
    public string CurrentKeyId { get; set; } = "";

    /// <summary>HMAC key (base64, 32 bytes) for the exact-match search column; rotating it means re-hashing.</summary>
    public string HashKey { get; set; } = "";
}

/// <summary>A personal value as stored: shown masked, searchable by keyed hash, readable only by decryption.</summary>
public sealed record ProtectedValue(string Masked, string Cipher, string Hash);

/// <summary>
/// AES-256-GCM (authenticated: a tampered cipher text fails to decrypt) with the key id in the
/// cipher text ("v1:{keyId}:{nonce|cipher|tag}"), so keys rotate without re-encrypting old rows.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;
    private readonly byte[] _hashKey;

    public PersonalDataProtector(IOptions<PersonalDataOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => DecodeKey(k.Value, $"PersonalData:Keys:{k.Key}"));
        if (!_keys.ContainsKey(o.CurrentKeyId))
            throw new InvalidOperationException("PersonalData:CurrentKeyId must name one of PersonalData:Keys.");
        _currentKeyId = o.CurrentKeyId;
        _hashKey = DecodeKey(o.HashKey, "PersonalData:HashKey");
    }

    public ProtectedValue Protect(PersonalDataKind kind, string plaintext)
    {
        var normalized = ChineseIdentifiers.Normalize(plaintext);
        return new ProtectedValue(Masking.Mask(kind, normalized), Encrypt(normalized), Hash(kind, normalized));
    }

    /// <summary>The search key for an exact match; the kind is part of it so equal digits of different kinds do not match.</summary>
    public string Hash(PersonalDataKind kind, string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(kind + ":" + ChineseIdentifiers.Normalize(plaintext));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey, data));
    }

    public string Encrypt(string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(_currentKeyId));
        return $"v1:{_currentKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string cipherText)
    {
        var parts = cipherText.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
            throw new CryptographicException("Unknown personal-data cipher format or key id.");
        var data = Convert.FromBase64String(parts[2]);
        var plain = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(data.AsSpan(0, NonceSize), data.AsSpan(NonceSize, plain.Length), data.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static byte[] DecodeKey(string base64, string setting)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            if (key.Length == 32) return key;
        }
        catch (FormatException) { /* reported below */ }
        throw new InvalidOperationException($"{setting} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
    }
}
