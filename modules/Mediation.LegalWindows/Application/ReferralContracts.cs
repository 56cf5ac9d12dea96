using Mediation.Cases;

namespace Mediation.LegalWindows.Application;

/// <summary>The other side of the dispute; <paramref name="Consents"/>: he agreed to mediation (人民调解法 Art. 17).</summary>
public sealed record ReferralPartyInput(PartyKind? Kind, string? Name, string? IdCardNumber, string? CreditCode, string? Phone, string? Address,
    bool? Consents);

/// <summary>
/// Refer the record's dispute to a committee. <paramref name="PersonConsents"/>: the person served agreed to mediation;
/// <paramref name="PersonIdCardNumber"/>: his 身份证号 when the record has none (a case needs it for a natural person).
/// </summary>
public sealed record ReferToMediationInput(Guid? CommitteeId, DisputeType? DisputeType, string? Summary, bool? PersonConsents,
    IReadOnlyList<ReferralPartyInput>? OtherParties, string? ConcurrencyStamp, string? PersonIdCardNumber = null);

public sealed record ReferralCheckDto(Guid RecordId, string Number, bool CanRefer, string? Refusal, string? PersonName,
    IReadOnlyList<CommitteeSummaryDto> Committees, string DefaultSummary, string ConcurrencyStamp);
