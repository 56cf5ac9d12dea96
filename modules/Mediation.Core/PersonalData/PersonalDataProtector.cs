using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mediation.Core.PersonalData;

public sealed class PersonalDataOptions
{
    public const string Section = "PersonalData";

    /// <summary>Encryption keys by id (base64, 32 bytes each). Old ids stay to read old rows after a rotation.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

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
    private static readonly byte[] FileMarker = [0x00, (byte)'P', (byte)'D', 0x01];
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

    /// <summary>
    /// Files (ID-card scans, letters) as stored: a 0x00 "PD" 0x01 marker, the key id, then
    /// nonce | cipher | tag. No accepted upload starts with 0x00 (PDF, JPEG, PNG and DOCX do not),
    /// so rows written before files were encrypted are told apart and still read.
    /// </summary>
    public byte[] EncryptBytes(ReadOnlySpan<byte> plain)
    {
        var keyId = Encoding.UTF8.GetBytes(_currentKeyId);
        var header = FileMarker.Length + 1 + keyId.Length;
        var output = new byte[header + NonceSize + plain.Length + TagSize];
        FileMarker.CopyTo(output, 0);
        output[FileMarker.Length] = checked((byte)keyId.Length);
        keyId.CopyTo(output, FileMarker.Length + 1);
        var nonce = output.AsSpan(header, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(header + NonceSize, plain.Length), output.AsSpan(header + NonceSize + plain.Length), keyId);
        return output;
    }

    public static bool IsEncryptedFile(ReadOnlySpan<byte> stored) => stored.StartsWith(FileMarker);

    /// <summary>The plaintext of a stored file; a file stored before encryption is returned as it is.</summary>
    public byte[] DecryptBytes(byte[] stored)
    {
        if (!IsEncryptedFile(stored)) return stored;
        var keyIdLength = stored[FileMarker.Length];
        var keyIdBytes = stored.AsSpan(FileMarker.Length + 1, keyIdLength);
        if (!_keys.TryGetValue(Encoding.UTF8.GetString(keyIdBytes), out var key))
            throw new CryptographicException("Unknown personal-data key id.");
        var header = FileMarker.Length + 1 + keyIdLength;
        var plain = new byte[stored.Length - header - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(header, NonceSize), stored.AsSpan(header + NonceSize, plain.Length), stored.AsSpan(header + NonceSize + plain.Length), plain, keyIdBytes);
        return plain;
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
