namespace Mediation.Tests.ServiceDesk;

/// <summary>统一社会信用代码 with a correct GB 32100 check character, unique per call, so each test signs up its own enterprise.</summary>
internal static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static string New()
    {
        // 9 = 工商, 1 = 企业, 370983 = 肥城市, then a random 9-character organisation code body.
        var body = "91370983" + string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(10)]));
        return body + CheckCharacter(body);
    }

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The same code with a wrong check character.</summary>
    public static string WithWrongCheck(string code) => code[..17] + (code[17] == '0' ? '1' : '0');
}
