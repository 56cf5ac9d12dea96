using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.Validation;
using Mediation.LegalWindows.Domain;

namespace Mediation.LegalWindows.Application;

/// <summary>
/// 律师参与调解: the advisor took part in a committee's session at the mediator's invitation, with the parties' consent (人民调解法
/// Art. 20). The case records him as a participant through the Cases contract, the window records a 民事调解 service, in one
/// transaction: both or neither.
/// </summary>
internal sealed class MediationParticipationAppService(MediationDbContext db, WindowAppService windows, AdvisorScope scope, ServiceRecordAppService records,
    ICaseParticipationIntegrationService cases, IOrgUnitDirectory directory, INumberSequence numbers, TimeProvider clock)
{
    private const int MaxMatterLength = 2000;

    public async Task<ServiceRecordDto> RecordAsync(ParticipateInMediationInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.WindowId, "windowId")
            .Required(input.CaseNumber, "caseNumber").MaxLength(input.CaseNumber, 60, "caseNumber")
            .Required(input.SessionNumber, "sessionNumber").InRange(input.SessionNumber, 1, 1000, "sessionNumber")
            .Required(input.Minutes, "minutes").InRange(input.Minutes, 1, 24 * 60, "minutes")
            .Required(input.Note, "note").MaxLength(input.Note, 4000, "note")
            .Required(input.PartiesConsent, "partiesConsent")
            .ThrowIfInvalid();
        var window = await windows.FindWindowAsync(input.WindowId!.Value, ct);
        var advisor = await scope.CurrentAdvisorAsync(ct) ?? throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        if (!window.HasAdvisor(advisor.Id)) throw new BusinessException(LegalWindowsErrorCodes.NotAdvisorOfWindow);
        var village = await directory.GetAsync(window.OrgUnitId, ct);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();

        // The Cases module joins this transaction: a refusal there (no such case in scope, no such session, minutes printed, no consent)
        // leaves nothing written here.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var session = await cases.AddSessionParticipantAsync(new AddSessionParticipantRequest(input.CaseNumber!.Trim(), input.SessionNumber!.Value,
            advisor.Name, advisor.Kind is AdvisorKind.Lawyer ? ParticipantRole.Lawyer : ParticipantRole.GrassrootsLegalWorker, advisor.Firm,
            village.Name + "法律顾问", id.ToString(), input.PartiesConsent is true), ct);
        var year = ChinaTime.ToChina(session.HeldAt).Year;
        var sequence = await numbers.NextAsync(ServiceRecordAppService.NumberKind, window.Id, year, ct);
        var matter = $"参与调解{session.CaseNumber}第{session.SessionNumber}次调解：{session.Summary}";
        var record = ServiceRecord.MediationParticipation(id, window, advisor, OfficialNumber.Format(window.ShortName, year, sequence), year, sequence,
            session.HeldAt, session.CaseId, session.CaseNumber, session.SessionNumber,
            new ServiceDetails(matter.Length > MaxMatterLength ? matter[..MaxMatterLength] : matter, input.Note!.Trim(), input.Minutes, null, false, null,
                null, null, null), now);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return await records.ToDtoAsync(record, ct);
    }
}
