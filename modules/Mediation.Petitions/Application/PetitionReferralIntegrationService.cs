using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Localization;

namespace Mediation.Petitions.Application;

/// <summary>
/// A matter another module hands to the petition office is registered like any transferred item (转送): numbered in the receiving
/// unit, its acceptance clock and the 5-working-day objection clock started (信访工作条例 Arts. 22, 23 ¶3), in the caller's transaction.
/// </summary>
internal sealed class PetitionReferralIntegrationService(MediationDbContext db, PetitionAppService petitions, TextCatalog texts)
    : IPetitionReferralIntegrationService
{
    public async Task<ReferredPetitionDto> ReferAsync(ReferPetitionRequest request, CancellationToken ct)
    {
        var (petition, _) = await petitions.RegisterCoreAsync(new RegisterPetitionInput(PetitionChannel.Transferred, null, request.OrgUnitId,
            request.Petitioners, request.Matter, request.RequestedOutcome, request.Place, TransferKind.Forwarded, request.ReferringBody,
            request.Reference, null), ct);
        return new ReferredPetitionDto(petition.Id, petition.Number);
    }

    public async Task<IReadOnlyList<ReferredPetitionStatusDto>> FollowAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct) =>
        (await new PetitionStatusReader(db).FindAsync(petitionIds, ct))
        .Select(p => new ReferredPetitionStatusDto(p.Id, p.Number, p.Status,
            texts.Find($"PetitionsUi:PetitionStatus:{p.Status}", CultureInfo.CurrentUICulture) ?? p.Status.ToString(), p.Handled))
        .ToList();
}
