namespace Mediation.Core.Numbering;

/// <summary>
/// Gap-free numbers per kind ("cases.case"), issuing body and year. The number is taken inside the
/// caller's transaction: concurrent callers wait on the same row, and a rolled-back registration
/// gives its number back.
/// </summary>
public interface INumberSequence
{
    Task<int> NextAsync(string kind, Guid issuerId, int year, CancellationToken ct);

    /// <summary>
    /// Takes <paramref name="count"/> consecutive numbers in one statement and returns the last of them (the first is
    /// last − count + 1): a group commit numbers its registrations with one row lock, still gap-free as they commit together.
    /// </summary>
    Task<int> TakeAsync(string kind, Guid issuerId, int year, int count, CancellationToken ct);
}

/// <summary>GB/T 9704—2012 7.2.4 发文字号: 机关代字, the year in 〔〕, the sequence without padding (不编虚位) and 号.</summary>
public static class OfficialNumber
{
    public static string Format(string issuerCode, int year, int sequence) => $"{issuerCode}〔{year}〕{sequence}号";
}
