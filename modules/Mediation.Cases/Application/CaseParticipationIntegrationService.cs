using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>律师参与调解 for other modules: a legal window records that its advisor took part in a session, never through Cases' types.</summary>
internal sealed class CaseParticipationIntegrationService(MediationDbContext db, ICurrentUser user, TimeProvider clock) : ICaseParticipationIntegrationService
{
    public async Task<SessionParticipationDto> AddSessionParticipantAsync(AddSessionParticipantRequest request, CancellationToken ct)
    {
        new InputValidator()
            .Required(request.CaseNumber, "caseNumber").MaxLength(request.CaseNumber, 60, "caseNumber")
            .Required(request.Name, "name").MaxLength(request.Name, 100, "name")
            .MaxLength(request.Organisation, 200, "organisation").MaxLength(request.Capacity, 100, "capacity")
            .Required(request.SourceRecordId, "sourceRecordId").MaxLength(request.SourceRecordId, 100, "sourceRecordId")
            .ThrowIfInvalid();
        var number = request.CaseNumber.Trim();
        var mediationCase = await db.Set<MediationCase>().FirstOrDefaultAsync(c => c.Number == number, ct)
            ?? throw new InputValidationException([new FieldError("caseNumber", CasesErrorCodes.CaseNumberNotFound, new Dictionary<string, object?>())]);
        mediationCase.AddSessionParticipant(request.SessionNumber, request.Name.Trim(), request.Role, request.Organisation?.Trim(), request.Capacity?.Trim(),
            request.SourceRecordId.Trim(), request.PartiesConsented, user.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var session = mediationCase.Session(request.SessionNumber);
        return new SessionParticipationDto(mediationCase.Id, mediationCase.Number, session.Number, session.HeldAt, mediationCase.Summary);
    }
}
