using Mediation.Core.Identity;
using Mediation.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Mediation.Identity;

/// <summary>
/// RFC 6238 codes (30 s steps, one step of clock drift either way), each usable once: the last
/// accepted time step is stored per user and only a later step is accepted, with one conditional
/// UPDATE so two parallel uses of one code cannot both pass.
/// </summary>
public sealed class TotpCodes(MediationDbContext db, TimeProvider clock)
{
    public const string Provider = "[Mediation]";
    public const string LastStepName = "LastTotpTimeStep";
    public const string PendingKeyName = "PendingAuthenticatorKey";

    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>The matched time step, or null when the code is not valid now.</summary>
    public long? Match(string base32Key, string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit)) return null;
        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, Drift) ? step : null;
    }

    /// <summary>Records the step as used; false when it (or a later one) was already used — a replay.</summary>
    public async Task<bool> ClaimAsync(Guid userId, long step, CancellationToken ct)
    {
        var value = step.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
        var tokens = db.Set<IdentityUserToken<Guid>>().Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == LastStepName);
        if (await tokens.Where(t => string.Compare(t.Value, value) < 0).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), ct) == 1) return true;
        if (await tokens.AnyAsync(ct)) return false;

        var first = new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = LastStepName, Value = value };
        db.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(first).State = EntityState.Detached;
            return false;
        }
    }
}
