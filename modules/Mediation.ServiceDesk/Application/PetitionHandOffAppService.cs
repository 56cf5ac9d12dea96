using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.PersonalData;
using Mediation.Core.Validation;
using Mediation.Petitions;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// A 涉法案件 that is a complaint about a body goes, with the enterprise's consent and its contact as the petitioner, to the petition
/// office of the desk's level: 信访工作条例 Art. 23 ¶1 — a body other than the petition office registers a petition matter it receives,
/// transfers (转送) it to the one with power to handle it and tells the petitioner where it went (here on the portal). The petition is
/// registered through the Petitions contract inside the request's transaction, so both exist, linked, or neither; the desk follows it
/// (<see cref="PetitionFollowHandler"/>).
/// </summary>
internal sealed class PetitionHandOffAppService(MediationDbContext db, DeskScope scope, RequestAppService requests, IPetitionReferralIntegrationService petitions,
    IOrgUnitDirectory units, PersonalDataProtector protector, TimeProvider clock)
{
    private const int MaxMatter = 4000;

    public async Task<DeskRequestDto> HandOffAsync(Guid id, HandOffToPetitionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.EnterpriseConsents, "enterpriseConsents").MaxLength(input.Matter, MaxMatter, "matter")
            .MaxLength(input.RequestedOutcome, 2000, "requestedOutcome").ThrowIfInvalid();
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        request.EnsureRoutable(scope.UserId);
        if (input.EnterpriseConsents is not true) throw new BusinessException(ServiceDeskErrorCodes.ConsentMissing);
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId, ct);
        var desk = DeskDocuments.IssuingBody(await units.GetAsync(request.OrgUnitId, ct));
        var matter = string.IsNullOrWhiteSpace(input.Matter)
            ? $"{enterprise.Name}反映：{request.Description}"
            : input.Matter.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var referred = await petitions.ReferAsync(new ReferPetitionRequest(request.OrgUnitId, desk, request.Number,
            [new PetitionerInput(enterprise.ContactName, null, protector.Decrypt(enterprise.ContactPhoneCipher), enterprise.Address)],
            matter.Length > MaxMatter ? matter[..MaxMatter] : matter, input.RequestedOutcome?.Trim(), request.Project), ct);
        request.RecordRoute(scope.Actor, LegalRoute.Petition, null, $"经企业同意转送信访部门（信访事项{referred.Number}）", clock.GetUtcNow(),
            petitionId: referred.PetitionId, petitionNumber: referred.Number);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await requests.ToDtoAsync(request, ct);
    }
}
