using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.PersonalData;
using Mediation.Core.Validation;
using Mediation.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mediation.ServiceDesk.Application;

/// <summary>
/// A 涉法案件 that is a civil dispute (a payment or contract dispute with another company) goes to a people's mediation committee
/// with every party's consent (人民调解法 Art. 17). The case is registered through the Cases contract inside the request's
/// transaction, so both exist, linked both ways, or neither; the case's conclusion comes back by event.
/// </summary>
internal sealed class HandOffAppService(MediationDbContext db, DeskScope scope, RequestAppService requests, ICaseIntakeIntegrationService cases,
    PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommitteeSummaryDto>> CommitteesAsync(Guid id, CancellationToken ct)
    {
        var request = await scope.StaffRequestAsync(id, ct);
        return await cases.ListCommitteesAsync(request.OrgUnitId, ct);
    }

    public async Task<DeskRequestDto> HandOffAsync(Guid id, HandOffToMediationInput input, CancellationToken ct)
    {
        Validate(input);
        var request = await scope.StaffRequestAsync(id, ct);
        db.ExpectConcurrencyStamp(request, input.ConcurrencyStamp);
        request.EnsureRoutable(scope.UserId);
        if (input.EnterpriseConsents is not true || input.OtherParties!.Any(p => p.Consents is not true))
            throw new BusinessException(ServiceDeskErrorCodes.ConsentMissing);
        var enterprise = await db.Set<Enterprise>().IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == request.EnterpriseId, ct);
        var parties = new List<PartyInput>
        {
            new(PartyKind.Organisation, enterprise.Name, null, enterprise.CreditCode, enterprise.LegalRepresentative,
                protector.Decrypt(enterprise.ContactPhoneCipher), enterprise.Address, ConsentsToMediation: true, LegalRepresentative: enterprise.LegalRepresentative),
        };
        parties.AddRange(input.OtherParties!.Select(p => new PartyInput(p.Kind, p.Name?.Trim(), p.IdCardNumber?.Trim(), p.CreditCode?.Trim(),
            null, p.Phone?.Trim(), null, ConsentsToMediation: true)));
        var summary = string.IsNullOrWhiteSpace(input.Summary) ? Trim(request.Description) : input.Summary.Trim();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var registered = await cases.RegisterHandedOverCaseAsync(new HandOverCaseRequest(input.CommitteeId!.Value, request.Id.ToString(),
            input.DisputeType!.Value, summary, parties, Place: request.Project, Source: CaseSource.ServiceDeskReferral), ct);
        request.RecordRoute(scope.Actor, LegalRoute.Mediation, null, $"经各方同意移交人民调解（{registered.Number}）", clock.GetUtcNow(),
            registered.CaseId, registered.Number);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await requests.ToDtoAsync(request, ct);
    }

    private static string Trim(string text) => text.Length > 2000 ? text[..2000] : text;

    private static void Validate(HandOffToMediationInput input)
    {
        var check = new InputValidator()
            .Required(input.CommitteeId, "committeeId")
            .Required(input.DisputeType, "disputeType")
            .MaxLength(input.Summary, 2000, "summary")
            .Required(input.EnterpriseConsents, "enterpriseConsents");
        var others = input.OtherParties ?? [];
        if (others.Count == 0) check.Add("otherParties", CoreErrorCodes.Validation.Required);
        for (var i = 0; i < others.Count; i++)
        {
            var field = $"otherParties[{i}]";
            check.Required(others[i].Kind, field + ".kind").Required(others[i].Name, field + ".name").MaxLength(others[i].Name, 100, field + ".name")
                .MaxLength(others[i].IdCardNumber, 18, field + ".idCardNumber").MaxLength(others[i].CreditCode, 18, field + ".creditCode")
                .MaxLength(others[i].Phone, 20, field + ".phone").Required(others[i].Consents, field + ".consents");
        }
        check.ThrowIfInvalid();
    }
}
