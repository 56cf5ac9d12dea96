using System.Text.RegularExpressions;

namespace Mediation.Core.PersonalData;

public static partial class ChineseIdentifiers
{
    private static readonly int[] IdCardWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCardCheckChars = "10X98765432";
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 11643-1999 citizen identity number: 17 digits, a valid birth date, ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsValidIdCardNumber(string? value)
    {
        if (value is null || !IdCardPattern().IsMatch(value)) return false;
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", out var birth) || birth.Year < 1900) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (value[i] - '0') * IdCardWeights[i];
        return char.ToUpperInvariant(value[17]) == IdCardCheckChars[sum % 11];
    }

    /// <summary>GB 32100-2015 unified social credit code: 18 characters, MOD 31 check character.</summary>
    public static bool IsValidCreditCode(string? value)
    {
        if (value is null || value.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = CreditCodeAlphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (index < 0) return false;
            sum += index * CreditCodeWeights[i];
        }
        var check = (31 - sum % 31) % 31;
        return value[17] == CreditCodeAlphabet[check];
    }

    /// <summary>Mainland mobile numbers: 11 digits starting 13–19.</summary>
    public static bool IsValidMobile(string? value) => value is not null && MobilePattern().IsMatch(value);

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>
    /// What a valid 身份证号 itself states (GB 11643-1999): the birth date (digits 7–14) and the sex (the 17th digit is odd
    /// for a man, even for a woman). Null for anything that is not a valid number.
    /// </summary>
    public static (DateOnly BirthDate, string Sex)? ReadIdCardNumber(string? value)
    {
        if (value is null || !IsValidIdCardNumber(value)) return null;
        var birth = DateOnly.ParseExact(value.AsSpan(6, 8), "yyyyMMdd");
        return (birth, (value[16] - '0') % 2 == 1 ? "男" : "女");
    }

    /// <summary>
    /// The number of an identity document other than the 身份证: a passport (5–20 letters and digits), a 港澳台居民居住证
    /// (GB 11643 structure, region 810000 / 820000 / 830000), a 港澳居民来往内地通行证 (H or M and 8 or 10 digits) or a
    /// 台湾居民来往大陆通行证 (8 or 10 digits). <see cref="IdDocumentKind.None"/> has no number.
    /// </summary>
    public static bool IsValidIdDocument(IdDocumentKind kind, string? value) => value is not null && kind switch
    {
        IdDocumentKind.ResidentIdCard => IsValidIdCardNumber(value),
        IdDocumentKind.Passport => PassportPattern().IsMatch(value),
        IdDocumentKind.HkMacaoTaiwanResidencePermit => IsValidIdCardNumber(value) && value[..6] is "810000" or "820000" or "830000",
        IdDocumentKind.HkMacaoTravelPermit => HkMacaoPermitPattern().IsMatch(value),
        IdDocumentKind.TaiwanTravelPermit => TaiwanPermitPattern().IsMatch(value),
        _ => false,
    };

    [GeneratedRegex("^[A-Z0-9]{5,20}$")]
    private static partial Regex PassportPattern();

    [GeneratedRegex("^[HM][0-9]{8}([0-9]{2})?$")]
    private static partial Regex HkMacaoPermitPattern();

    [GeneratedRegex("^[0-9]{8}([0-9]{2})?$")]
    private static partial Regex TaiwanPermitPattern();

    [GeneratedRegex("^[1-9][0-9]{16}[0-9Xx]$")]
    private static partial Regex IdCardPattern();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}

public enum PersonalDataKind
{
    IdCardNumber,
    CreditCode,
    Mobile,
    /// <summary>A passport, residence permit or travel permit number.</summary>
    IdDocumentNumber,
}

/// <summary>The identity document a natural person gave; <see cref="None"/> is recorded with the reason none was given.</summary>
public enum IdDocumentKind
{
    /// <summary>居民身份证.</summary>
    ResidentIdCard,
    /// <summary>护照.</summary>
    Passport,
    /// <summary>港澳台居民居住证.</summary>
    HkMacaoTaiwanResidencePermit,
    /// <summary>港澳居民来往内地通行证.</summary>
    HkMacaoTravelPermit,
    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanTravelPermit,
    None,
}

/// <summary>How each kind is shown to someone without the reveal permission.</summary>
public static class Masking
{
    public static string Mask(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.IdCardNumber => Keep(value, 4, 4),
        PersonalDataKind.Mobile => Keep(value, 3, 4),
        PersonalDataKind.CreditCode => Keep(value, 4, 4),
        PersonalDataKind.IdDocumentNumber => Keep(value, 2, 2),
        _ => new string('*', value.Length),
    };

    private static string Keep(string value, int head, int tail) =>
        value.Length <= head + tail ? new string('*', value.Length) : value[..head] + new string('*', value.Length - head - tail) + value[^tail..];
}
