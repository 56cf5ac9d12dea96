using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mediation.Core.Auditing;

public enum AuditCategory
{
    Data,
    Security,
}

/// <summary>
/// One audited fact. Rows are written inside the transaction of the change they describe; the
/// chain fields (<see cref="Sequence"/>, <see cref="PreviousHash"/>, <see cref="Hash"/>) are set
/// shortly after by the single chain sealer, so concurrent transactions never fork the chain.
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public AuditCategory Category { get; init; }
    public required string Action { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public string? IpAddress { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    public string? Details { get; init; }
    public string? CorrelationId { get; init; }
    public long? Sequence { get; private set; }
    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }

    public void Seal(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence?.ToString(CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), Category, Action, UserId, UserName, IpAddress,
            EntityType, EntityId, Details, CorrelationId, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";
}

public static class AuditActions
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    /// <summary>Many records written at once by a generator or import: one entry for all of them (<see cref="Data.BulkInserter"/>).</summary>
    public const string Imported = "Imported";
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string LockedOut = "LockedOut";
    public const string SignOut = "SignOut";
    public const string TokenIssued = "TokenIssued";
    public const string PermissionDenied = "PermissionDenied";
    public const string PersonalDataRevealed = "PersonalDataRevealed";
    public const string RoleChanged = "RoleChanged";
    public const string PasswordWithoutSecondFactor = "PasswordWithoutSecondFactor";
    public const string SecondFactorEnrolled = "SecondFactorEnrolled";
}
