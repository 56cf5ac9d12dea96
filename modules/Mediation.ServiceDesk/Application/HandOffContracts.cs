using Mediation.Cases;

namespace Mediation.ServiceDesk.Application;

public sealed record MediationPartyInput(PartyKind? Kind, string? Name, string? IdCardNumber, string? CreditCode, string? Phone, bool? Consents);

/// <summary>Hand-off to a mediation committee through the Cases contract: the enterprise is one party, with every party's consent.</summary>
public sealed record HandOffToMediationInput(Guid? CommitteeId, DisputeType? DisputeType, string? Summary, bool? EnterpriseConsents,
    IReadOnlyList<MediationPartyInput>? OtherParties, string? ConcurrencyStamp);
