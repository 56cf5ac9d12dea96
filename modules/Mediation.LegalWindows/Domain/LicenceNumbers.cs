namespace Mediation.LegalWindows.Domain;

/// <summary>执业证号 as printed on the certificate.</summary>
public static class LicenceNumbers
{
    private static readonly HashSet<int> ProvinceCodes =
        [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];

    /// <summary>
    /// A 律师执业证 number has 17 digits in the Ministry of Justice's layout: 1 (the certificate), the province (2 digits) and
    /// city (2) of the law firm, the year of first practice (4), the practice category (1 专职 … 8), then the holder's digits.
    /// A 基层法律服务工作者执业证 number is laid out by each province's 司法厅, so only its form (8–20 digits) is checked.
    /// </summary>
    public static bool IsValid(AdvisorKind kind, string? number, int currentYear)
    {
        if (string.IsNullOrEmpty(number) || !number.All(char.IsAsciiDigit)) return false;
        if (kind is AdvisorKind.GrassrootsLegalWorker) return number.Length is >= 8 and <= 20;
        if (number.Length != 17 || number[0] != '1') return false;
        var year = int.Parse(number.AsSpan(5, 4), provider: null);
        return ProvinceCodes.Contains(int.Parse(number.AsSpan(1, 2), provider: null))
               && year >= 1979 && year <= currentYear
               && number[9] is >= '1' and <= '8';
    }
}
