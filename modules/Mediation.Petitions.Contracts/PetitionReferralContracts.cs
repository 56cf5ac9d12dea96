namespace Mediation.Petitions;

/// <summary>
/// Another module hands a matter to the petition office as a petition (转送, 信访工作条例 Art. 23 ¶1; recorded in the system so it flows
/// online, Art. 21 ¶2): registered in <paramref name="OrgUnitId"/> as transferred by <paramref name="ReferringBody"/> under its <paramref name="Reference"/> (the referring record's
/// number), so the office may object to a misrouted item within 5 working days like any transfer (Art. 23 ¶3).
/// </summary>
public sealed record ReferPetitionRequest(Guid OrgUnitId, string ReferringBody, string Reference, IReadOnlyList<PetitionerInput> Petitioners,
    string Matter, string? RequestedOutcome, string? Place);

public sealed record ReferredPetitionDto(Guid PetitionId, string Number);

/// <summary>
/// A referred petition as the referring module follows it: <paramref name="StatusText"/> names the status in the caller's language
/// (Chinese in background work); <paramref name="Handled"/>: answered or closed otherwise (not accepted, led into another procedure…).
/// <paramref name="Answer"/>: what the petitioner was told — the facts and reasons of the latest issued opinion, the reply to a suggestion,
/// or the reason it was not accepted or led elsewhere; null while nothing is decided.
/// </summary>
public sealed record ReferredPetitionStatusDto(Guid PetitionId, string Number, PetitionStatus Status, string StatusText, bool Handled, string? Answer = null);

/// <summary>
/// How a module that is not the petition office hands a matter to it and follows it to the end, without referencing the Petitions module.
/// <see cref="ReferAsync"/> joins the caller's transaction when there is one, so the referral and the caller's record of it commit together.
/// The petition's later changes arrive as <see cref="PetitionsChangedEto"/>; <see cref="FollowAsync"/> reads them under the caller's data
/// scope (in background work, under none).
/// </summary>
public interface IPetitionReferralIntegrationService
{
    Task<ReferredPetitionDto> ReferAsync(ReferPetitionRequest request, CancellationToken ct);

    Task<IReadOnlyList<ReferredPetitionStatusDto>> FollowAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct);
}
