using System.Globalization;
using Mediation.Core.Data;
using Mediation.Core.Localization;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;

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

    public async Task<IReadOnlyList<ReferredPetitionStatusDto>> FollowAsync(IReadOnlyCollection<Guid> petitionIds, CancellationToken ct)
    {
        var found = await new PetitionStatusReader(db).FindAsync(petitionIds, ct);
        var handledIds = found.Where(p => p.Handled).Select(p => p.Id).ToList();
        var answers = handledIds.Count == 0
            ? []
            : (await db.Set<Petition>().AsNoTracking().Where(p => handledIds.Contains(p.Id)).ToListAsync(ct)).ToDictionary(p => p.Id, AnswerOf);
        return found.Select(p => new ReferredPetitionStatusDto(p.Id, p.Number, p.Status,
            texts.Find($"PetitionsUi:PetitionStatus:{p.Status}", CultureInfo.CurrentUICulture) ?? p.Status.ToString(), p.Handled,
            answers.GetValueOrDefault(p.Id))).ToList();
    }

    private static string? AnswerOf(Petition petition) => petition.Status switch
    {
        PetitionStatus.Replied => petition.LatestOpinion(OpinionKind.Reply)?.FactsAndReasons,
        PetitionStatus.Reviewed => petition.LatestOpinion(OpinionKind.Review)?.FactsAndReasons,
        PetitionStatus.Reexamined => petition.LatestOpinion(OpinionKind.Reexamination)?.FactsAndReasons,
        PetitionStatus.SuggestionAnswered => petition.SuggestionReply,
        _ => petition.DecisionReason,
    };
}
