using Mediation.Cases;

namespace Mediation.Petitions;

/// <summary>One of the questions the officer answers before a hand-over (访调对接 exclusions); <see cref="Key"/> names the input field.</summary>
public sealed record HandOverQuestionDto(string Key, string Text);

/// <summary>
/// What the hand-over dialog needs: whether the petition can go to mediation now (and if not, why), the excluded matters to
/// answer, the petitioners whose consent is asked, the committees of the petition's unit, the summary to start from.
/// </summary>
public sealed record HandOverCheckDto(Guid PetitionId, string Number, PetitionStatus Status, bool CanHandOver, string? Refusal, string? RefusalMessage,
    IReadOnlyList<HandOverQuestionDto> Exclusions, IReadOnlyList<PetitionerDto> Petitioners, IReadOnlyList<CommitteeSummaryDto> Committees,
    IReadOnlyList<DisputeType> DisputeTypes, string DefaultSummary, PetitionMediationDto? Mediation, string ConcurrencyStamp);

/// <summary>A petitioner's answer, by position (1 = the first petitioner), to the question whether he agrees to mediation.</summary>
public sealed record PetitionerConsentInput(int? Position, bool? Consents);

/// <summary>
/// The other side of the dispute: a person (name, 身份证号 — or another document of <paramref name="IdDocumentKind"/>, or none with
/// <paramref name="NoIdReason"/> — phone) or an organisation (name, 统一社会信用代码, representative).
/// </summary>
public sealed record HandOverPartyInput(PartyKind? Kind, string? Name, string? IdCardNumber, string? CreditCode, string? Representative,
    string? Phone, string? Address, bool? Consents, Mediation.Core.PersonalData.IdDocumentKind? IdDocumentKind = null, string? IdDocumentNumber = null,
    string? NoIdReason = null);

/// <summary>
/// 访调对接: the committee, the dispute type, the summary (the petition's matter if empty), the answers to the excluded matters
/// (each must be answered; a labour, medical, traffic or consumer dispute names its <c>SpecialisedMatter</c> and goes to a committee of that
/// specialty), every petitioner's and other party's consent. Not for people's mediation (DOMAIN.md): criminal
/// matters, 检举控告 items (信访工作条例 Art. 30) and the confirmation of personal status, besides the four above.
/// </summary>
public sealed record HandOverPetitionInput(Guid? CommitteeId, DisputeType? DisputeType, string? Summary,
    bool? SpecialisedBodyMatter, bool? LitigationOrArbitration, bool? AdministrativeDispute, bool? PartyRefuses,
    IReadOnlyList<PetitionerConsentInput>? PetitionerConsents, IReadOnlyList<HandOverPartyInput>? OtherParties, string? ConcurrencyStamp,
    bool? CriminalMatter = null, bool? AccusationMatter = null, bool? PersonalStatusMatter = null, CommitteeSpecialty? SpecialisedMatter = null);
