using Mediation.Core.Identity;
using System.Security.Cryptography;
using Mediation.Core.Auditing;
using Mediation.Core.Domain;
using Mediation.Core.Security;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace Mediation.Identity;

public sealed record TwoFactorSetupDto(string SharedKey, string OtpauthUri);

public sealed record ConfirmTwoFactorInput(string? Code);

/// <summary>
/// Any user may add an authenticator: a new key is kept pending until a code from it is confirmed,
/// so a half-finished set-up never locks anyone out. Confirming rotates the security stamp: the user's
/// sessions end and he signs in again, now with a code.
/// </summary>
internal sealed class TwoFactorEnrolment(UserManager<AppUser> users, TotpCodes totp, ICurrentUser caller, SecurityAuditLog auditLog)
{
    private const string Issuer = "Mediation";

    public async Task<TwoFactorSetupDto> StartAsync(CancellationToken ct)
    {
        var user = await CallerAsync();
        var key = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(20));
        await users.SetAuthenticationTokenAsync(user, TotpCodes.Provider, TotpCodes.PendingKeyName, key);
        return new TwoFactorSetupDto(key, OtpauthUri(user.UserName!, key));
    }

    /// <summary>The set-up started last and not yet confirmed, so a mistyped code does not change the key.</summary>
    public async Task<TwoFactorSetupDto?> PendingAsync()
    {
        var user = await CallerAsync();
        var key = await users.GetAuthenticationTokenAsync(user, TotpCodes.Provider, TotpCodes.PendingKeyName);
        return key is null ? null : new TwoFactorSetupDto(key, OtpauthUri(user.UserName!, key));
    }

    /// <summary>The pending key's otpauth URI as a PNG QR code, or null when no set-up is pending.</summary>
    public async Task<byte[]?> QrCodeAsync()
    {
        var user = await CallerAsync();
        var key = await users.GetAuthenticationTokenAsync(user, TotpCodes.Provider, TotpCodes.PendingKeyName);
        if (key is null) return null;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(OtpauthUri(user.UserName!, key), QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(6);
    }

    public async Task ConfirmAsync(ConfirmTwoFactorInput input, CancellationToken ct)
    {
        var user = await CallerAsync();
        var key = await users.GetAuthenticationTokenAsync(user, TotpCodes.Provider, TotpCodes.PendingKeyName)
            ?? throw new BusinessException(IdentityErrorCodes.NoTwoFactorSetupPending);
        if (totp.Match(key, input.Code) is not { } step || !await totp.ClaimAsync(user.Id, step, ct))
            throw new BusinessException(IdentityErrorCodes.InvalidTwoFactorCode);

        Succeeded(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key));
        Succeeded(await users.RemoveAuthenticationTokenAsync(user, TotpCodes.Provider, TotpCodes.PendingKeyName));
        Succeeded(await users.SetTwoFactorEnabledAsync(user, true));
        Succeeded(await users.UpdateSecurityStampAsync(user));
        await auditLog.WriteAsync(AuditActions.SecondFactorEnrolled, null, user.Id, user.UserName, ct: ct);
    }

    private static void Succeeded(IdentityResult result)
    {
        if (!result.Succeeded) throw new ConflictException(CoreErrorCodes.ConcurrencyConflict, new Dictionary<string, object?> { ["reason"] = string.Join("; ", result.Errors.Select(e => e.Code)) });
    }

    public static string OtpauthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer + ":" + userName)}?secret={key}&issuer={Issuer}&digits=6&period=30";

    private async Task<AppUser> CallerAsync() =>
        await users.FindByIdAsync(caller.Id!.Value.ToString()) ?? throw new UnauthenticatedException(CoreErrorCodes.Unauthorized);
}
