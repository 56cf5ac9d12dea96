using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>
/// 访调对接 for other modules: the Petitions module hands a civil dispute over, a legal window refers one, through this contract,
/// never through Cases' types.
/// </summary>
internal sealed class CaseIntakeIntegrationService(MediationDbContext db, CaseAppService cases, IOrgUnitDirectory orgUnits) : ICaseIntakeIntegrationService
{
    public async Task<IReadOnlyList<CommitteeSummaryDto>> ListCommitteesAsync(Guid orgUnitId, CancellationToken ct)
    {
        var unitIds = orgUnits.SubtreeIds((await orgUnits.GetAsync(orgUnitId, ct)).Path);
        var committees = await db.Set<MediationCommittee>().AsNoTracking().Where(c => unitIds.Contains(c.OrgUnitId)).ToListAsync(ct);
        return committees.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CommitteeSummaryDto(c.Id, c.OrgUnitId, c.Name, c.ShortName, c.Kind, c.Mediators.Count, c.Specialty)).ToList();
    }

    public async Task<HandedOverCaseDto> RegisterHandedOverCaseAsync(HandOverCaseRequest request, CancellationToken ct)
    {
        new InputValidator()
            .Required(request.SourceRecordId, "sourceRecordId").MaxLength(request.SourceRecordId, 100, "sourceRecordId")
            .ThrowIfInvalid();
        if (!CaseAppService.HandOverSources.Contains(request.Source))
            throw new InputValidationException([new FieldError("source", CasesErrorCodes.SourceReservedForHandOver, new Dictionary<string, object?>())]);
        var sourceRecordId = request.SourceRecordId.Trim();
        var existing = await db.Set<MediationCase>().AsNoTracking()
            .Where(c => c.Source == request.Source && c.SourceRecordId == sourceRecordId)
            .Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
        if (existing is not null) return new HandedOverCaseDto(existing.Id, existing.Number, AlreadyRegistered: true);

        var mediatorIds = request.MediatorIds is { Count: > 0 } chosen
            ? chosen
            : (await cases.FindCommitteeAsync(request.CommitteeId, ct)).Mediators.Where(m => m.IsHead).Select(m => m.UserId).ToList();
        var registered = await cases.RegisterAnySourceAsync(new RegisterCaseInput(request.CommitteeId, request.DisputeType, request.Summary,
            request.AmountInDispute, request.Place, request.Source, sourceRecordId, request.Parties, mediatorIds,
            request.RiskGrade ?? RiskGrade.Blue, request.RiskReason), ct);
        return new HandedOverCaseDto(registered.Id, registered.Number, AlreadyRegistered: false);
    }
}
