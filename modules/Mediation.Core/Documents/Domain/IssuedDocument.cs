using System.Security.Cryptography;
using Mediation.Core.Domain;

namespace Mediation.Core.Documents.Domain;

/// <summary>
/// A document as it was handed out: its exact bytes, their SHA-256, its number and the record it
/// belongs to. A reprint returns these bytes, so every copy is identical; a copy whose hash differs
/// was altered.
/// </summary>
internal sealed class IssuedDocument : Entity<Guid>, Mediation.Core.Security.IOrgScoped
{
    public const int MaxNumberLength = 64;
    public const int MaxKindLength = 64;
    public const int MaxRecordTypeLength = 64;
    public const int MaxRecordIdLength = 64;
    public const int MaxTitleLength = 200;

    private IssuedDocument() { }

    public string Number { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public int SizeBytes { get; private set; }
    public int? TemplateVersion { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>The issuer's unit: only that unit and those above it can read or verify the copy.</summary>
    public Guid OrgUnitId { get; private set; }

    public static IssuedDocument Issue(Guid id, string number, string kind, string title, string recordType, string recordId,
        byte[] content, int? templateVersion, string? issuedBy, DateTimeOffset issuedAt, Guid orgUnitId) =>
        new()
        {
            Id = id, Number = number, Kind = kind, Title = title, RecordType = recordType, RecordId = recordId,
            Content = content, SizeBytes = content.Length, Sha256 = HashOf(content),
            TemplateVersion = templateVersion, IssuedBy = issuedBy, IssuedAt = issuedAt, OrgUnitId = orgUnitId,
        };

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Compares in constant time, so the check does not leak how much of a guessed hash was right.</summary>
    public bool IsMatchedBy(string sha256Hex)
    {
        var expected = Convert.FromHexString(Sha256);
        Span<byte> actual = stackalloc byte[32];
        return sha256Hex.Length == 64
               && Convert.FromHexString(sha256Hex, actual, out _, out var written) == System.Buffers.OperationStatus.Done
               && written == 32
               && CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
