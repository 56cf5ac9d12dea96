using System.Globalization;
using Mediation.Cases.Domain;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Templates;
using Mediation.Core.Messaging;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>From the first session to the court's judicial confirmation: 调解笔录, 结案, 调解协议书, 司法确认.</summary>
internal sealed class CaseProceedingsAppService(MediationDbContext db, CaseAppService cases, ICurrentUser user,
    IIntegrationEventPublisher events, IDeadlineClocks clocks, IDocumentArchive documents, FollowUpAppService followUps,
    PersonalDataProtector protector, SecurityAuditLog auditLog, TimeProvider clock, SessionPlanAppService plans)
{
    public const string AgreementTemplate = "mediation-agreement";
    private const string PartyRoles = "甲乙丙丁戊己庚辛壬癸";
    private static readonly string[] RevealedOnOfficeCopy = ["parties.idCardNumber"];

    public async Task<CaseDto> RecordSessionAsync(Guid id, RecordSessionInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.HeldAt, "heldAt").Happened(input.HeldAt, clock.GetUtcNow(), "heldAt")
            .Required(input.Place, "place").MaxLength(input.Place, 200, "place")
            .Required(input.Minutes, "minutes").MaxLength(input.Minutes, 20000, "minutes");
        if (input.Attendees is not { Count: > 0 }) check.Add("attendees", CoreErrorCodes.Validation.Required);
        var attendees = input.Attendees ?? [];
        for (var i = 0; i < attendees.Count; i++) check.Required(attendees[i], $"attendees[{i}]").MaxLength(attendees[i], 100, $"attendees[{i}]");
        if (string.Join('\n', attendees).Length > 2000) check.MaxLength(string.Join('\n', attendees), 2000, "attendees");
        var statements = input.Statements ?? [];
        for (var i = 0; i < statements.Count; i++)
            check.Required(statements[i].PartyId, $"statements[{i}].partyId")
                .Required(statements[i].Statement, $"statements[{i}].statement").MaxLength(statements[i].Statement, 4000, $"statements[{i}].statement");
        check.ThrowIfInvalid();

        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        var session = mediationCase.RecordSession(input.HeldAt!.Value, input.Place!.Trim(), attendees.Select(a => a!.Trim()).ToList(), input.Minutes!.Trim(),
            statements.Select(s => (s.PartyId!.Value, s.Statement!.Trim())).ToList(), user.UserName, clock.GetUtcNow());
        // Saved with the session or not at all: the held session fulfils its plan (调解安排).
        await plans.FulfilAsync(mediationCase, session.Number, session.HeldAt, ct);
        // A later session only adds owned rows; touching the case makes the save check and renew its stamp, so two
        // sessions recorded at once cannot both take the same number.
        db.Entry(mediationCase).Property(c => c.Status).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    public async Task<CaseDto> ConcludeAsync(Guid id, ConcludeCaseInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.Outcome, "outcome")
            .MaxLength(input.Facts, 4000, "facts")
            .MaxLength(input.DisputedPoints, 2000, "disputedPoints")
            .MaxLength(input.Responsibilities, 2000, "responsibilities")
            .MaxLength(input.Performance, 2000, "performance")
            .MaxLength(input.OralRecord, 4000, "oralRecord")
            .MaxLength(input.Reason, 1000, "reason")
            .Happened(input.ReportedToPoliceOn, clock.GetUtcNow(), "reportedToPoliceOn");
        var terms = input.Terms ?? [];
        for (var i = 0; i < terms.Count; i++)
        {
            check.Required(terms[i].Description, $"terms[{i}].description").MaxLength(terms[i].Description, 1000, $"terms[{i}].description")
                .Planned(terms[i].DueOn, clock.GetUtcNow(), $"terms[{i}].dueOn");
            if (terms[i].Amount is < 0) check.Add($"terms[{i}].amount", CoreErrorCodes.Validation.OutOfRange, ("min", 0), ("max", "∞"));
        }
        check.ThrowIfInvalid();

        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        mediationCase.Conclude(new CaseConclusion(input.Outcome!.Value, input.Facts?.Trim(), input.DisputedPoints?.Trim(), input.Responsibilities?.Trim(),
            terms.Select(t => t with { Description = t.Description!.Trim() }).ToList(), input.Performance?.Trim(), input.OralRecord?.Trim(),
            input.Reason?.Trim(), input.MayTurnCriminal, input.ReportedToPoliceOn), user.UserName, clock.GetUtcNow());
        events.Publish(new CaseConcludedEto(mediationCase.Id, mediationCase.Number, mediationCase.OrgUnitId, input.Outcome!.Value, mediationCase.SourceRecordId,
            mediationCase.Source, mediationCase.ConcludedAt!.Value, AgreementSummary(mediationCase), mediationCase.TerminationReason, mediationCase.OtherRoutes));
        if (mediationCase.Outcome is CaseOutcome.OralAgreement) PublishAgreementEffective(mediationCase);
        await plans.CancelOpenAsync(mediationCase.Id, ct);
        await db.SaveChangesAsync(ct);
        await StopClocksAsync(mediationCase.Id, CasesPolicies.Term, "结案", ct);
        await followUps.ScheduleAsync(mediationCase, ct);
        await transaction.CommitAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    /// <summary>Issues the 调解协议书 (Art. 29) into the document archive; the archived PDF is the one the parties sign.</summary>
    public async Task<AgreementIssuedDto> IssueAgreementAsync(Guid id, CancellationToken ct)
    {
        // A caller that has already read the case whole in this scope (the case page reads it to see whether the agreement is issued)
        // has it tracked: a second instance with the same key could not be attached, so that one records the issue.
        var tracked = db.Set<MediationCase>().Local.FindEntry(id)?.Entity;
        var printed = await AgreementCaseAsync(id, ct);
        // Otherwise only what the issue changes is tracked: the case's UPDATE, its next event and their audit rows are those of the
        // case read whole.
        var mediationCase = tracked ?? MediationCase.IssuingAgreement(printed.Id, printed.OrgUnitId, printed.ConcurrencyStamp, printed.Outcome,
            printed.AgreementDocumentId, printed.ConcludedAt, printed.LastEventSequence);
        mediationCase.EnsureAgreementCanBeIssued();
        var model = await AgreementModelAsync(printed, fullIdNumbers: false, ct);
        var document = await documents.PrepareAsync(new IssueFromTemplate(AgreementTemplate, printed.Number, CaseAppService.RecordType,
            printed.Id.ToString(), printed.OrgUnitId, model), ct);
        if (tracked is null) db.Attach(mediationCase);
        // The archived copy goes into the case's unit, which the case's read through the scope filter has just shown to be the caller's.
        db.UnitOfRecordReadInScope(mediationCase);
        // The document, the case's link to it and both audit rows are one SaveChanges, so one transaction (issue 17: it was two in one).
        var issued = await documents.IssueAsync(document, issued => mediationCase.AgreementIssued(issued.Id, issued.Number, issued.IssuedAt, user.UserName), ct);
        return new AgreementIssuedDto(mediationCase.Id, issued.Id, issued.Number);
    }

    /// <summary>
    /// The committee's file copy with the parties' full 身份证号, as a court needs it for 司法确认: printed for a holder of
    /// Pii.Reveal, audited as a reveal, never archived (the archived agreement stays masked).
    /// </summary>
    public async Task<byte[]> OfficeCopyAsync(Guid id, CancellationToken ct)
    {
        var mediationCase = await AgreementCaseAsync(id, ct);
        if (mediationCase.AgreementDocumentId is null) throw new BusinessException(CasesErrorCodes.AgreementNotIssued);
        var model = await AgreementModelAsync(mediationCase, fullIdNumbers: true, ct);
        var copy = await documents.RenderUnarchivedAsync(AgreementTemplate, mediationCase.Number, model, ct);
        await auditLog.WriteAsync(AuditActions.PersonalDataRevealed, new { fields = RevealedOnOfficeCopy, document = AgreementTemplate },
            entityType: CaseAppService.RecordType, entityId: mediationCase.Id.ToString(), ct: ct);
        return copy;
    }

    /// <summary>
    /// What the 调解协议书 prints and what issuing it checks, read through the scope filter without tracking (issue 17: the case read
    /// whole joined its nine owned tables — events, sessions, statements … — for every agreement).
    /// </summary>
    private sealed record AgreementCase(Guid Id, string Number, Guid OrgUnitId, Guid CommitteeId, string ConcurrencyStamp, CaseOutcome? Outcome,
        Guid? AgreementDocumentId, DateTimeOffset? ConcludedAt, string? AgreementFacts, string? DisputedPoints, string? Responsibilities,
        string? Performance, int LastEventSequence, List<CaseParty> Parties, List<AgreementTerm> Terms, List<Guid> MediatorIds);

    private async Task<AgreementCase> AgreementCaseAsync(Guid id, CancellationToken ct) =>
        await db.Set<MediationCase>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new AgreementCase(c.Id, c.Number, c.OrgUnitId, c.CommitteeId, c.ConcurrencyStamp, c.Outcome, c.AgreementDocumentId, c.ConcludedAt,
                c.AgreementFacts, c.DisputedPoints, c.Responsibilities, c.Performance, c.Events.Max(e => (int?)e.Sequence) ?? 0,
                c.Parties.ToList(), c.Terms.ToList(), c.Mediators.Select(m => m.UserId).ToList()))
            .SingleOrDefaultAsync(ct)
        ?? throw new EntityNotFoundException(nameof(MediationCase), id);

    private async Task<Dictionary<string, object?>> AgreementModelAsync(AgreementCase mediationCase, bool fullIdNumbers, CancellationToken ct)
    {
        // The committee's name and its mediators' names, untracked: nothing of it is written.
        var committee = await db.Set<MediationCommittee>().AsNoTracking().Where(c => c.Id == mediationCase.CommitteeId)
                            .Select(c => new { c.Name, Mediators = c.Mediators.Select(m => new { m.UserId, m.Name }).ToList() }).SingleOrDefaultAsync(ct)
                        ?? throw new EntityNotFoundException(nameof(MediationCommittee), mediationCase.CommitteeId);
        var mediatorNames = committee.Mediators.Where(m => mediationCase.MediatorIds.Contains(m.UserId)).Select(m => m.Name).ToList();
        return new Dictionary<string, object?>
        {
            ["committee"] = committee.Name,
            ["parties"] = mediationCase.Parties.OrderBy(p => p.Position).Select((p, i) =>
            {
                var idNumber = p.IdCardCipher is null ? null : protector.Decrypt(p.IdCardCipher);
                var document = p.Kind is PartyKind.Person ? p.IdDocumentKind ?? IdDocumentKind.ResidentIdCard : (IdDocumentKind?)null;
                // A 港澳台居民居住证 number has the 身份证's structure, so it states the birth date and sex as well.
                var stated = document is IdDocumentKind.ResidentIdCard or IdDocumentKind.HkMacaoTaiwanResidencePermit ? ChineseIdentifiers.ReadIdCardNumber(idNumber) : null;
                var shown = fullIdNumbers ? idNumber : p.IdCardMasked;
                return (object?)new Dictionary<string, object?>
                {
                    ["role"] = RoleOf(i),
                    ["name"] = p.Name,
                    ["gender"] = stated?.Sex,
                    ["birth"] = stated is { } s ? ChineseDates.Format(s.BirthDate) : null,
                    ["id_number"] = document is IdDocumentKind.ResidentIdCard ? shown : null,
                    ["id_document"] = document switch
                    {
                        IdDocumentKind.Passport => "护照号码 " + shown,
                        IdDocumentKind.HkMacaoTaiwanResidencePermit => "港澳台居民居住证号码 " + shown,
                        IdDocumentKind.HkMacaoTravelPermit => "港澳居民来往内地通行证号码 " + shown,
                        IdDocumentKind.TaiwanTravelPermit => "台湾居民来往大陆通行证号码 " + shown,
                        IdDocumentKind.None => $"未登记身份证件（{p.NoIdReason}）",
                        _ => null,
                    },
                    ["credit_code"] = p.CreditCode,
                    ["representative"] = p.Representative,
                    ["address"] = p.Address,
                    ["phone"] = p.PhoneMasked,
                    ["legal_representative"] = p.LegalRepresentative,
                    ["agent"] = p.Agent,
                };
            }).ToList(),
            ["facts"] = $"{mediationCase.AgreementFacts} 争议事项：{mediationCase.DisputedPoints}",
            ["responsibility"] = mediationCase.Responsibilities,
            ["terms"] = mediationCase.Terms.OrderBy(t => t.Number).Select(t => (object?)TermText(t)).ToList(),
            ["performance"] = string.IsNullOrWhiteSpace(mediationCase.Performance) ? "各方当事人按上述各项约定的期限自觉履行。" : mediationCase.Performance,
            ["mediator"] = string.Join("、", mediatorNames),
        };
    }

    /// <summary>Every party signed: the 30 days to apply jointly for judicial confirmation start (人民调解法 Art. 33).</summary>
    public async Task<CaseDto> MarkAgreementSignedAsync(Guid id, MarkAgreementSignedInput input, CancellationToken ct)
    {
        new InputValidator().Happened(input.SignedAt, clock.GetUtcNow(), "signedAt").ThrowIfInvalid();
        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        var now = clock.GetUtcNow();
        var signedAt = input.SignedAt ?? now;
        mediationCase.MarkAgreementSigned(signedAt, now, user.UserName);
        PublishAgreementEffective(mediationCase);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await clocks.StartAsync(new StartClockInput(CaseAppService.RecordType, mediationCase.Id, mediationCase.OrgUnitId,
            CasesPolicies.JudicialConfirmation, signedAt, user.UserName), ct);
        await transaction.CommitAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    /// <summary>The parties applied jointly for 司法确认 (Art. 33): recorded with the court, and the window's reminders stop.</summary>
    public async Task<CaseDto> RecordJudicialApplicationAsync(Guid id, RecordJudicialApplicationInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Court, "court").MaxLength(input.Court, 100, "court").Required(input.AppliedOn, "appliedOn").ThrowIfInvalid();
        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        mediationCase.RecordJudicialApplication(input.Court!.Trim(), input.AppliedOn!.Value, clock.GetUtcNow(), user.UserName);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await StopClocksAsync(mediationCase.Id, CasesPolicies.JudicialConfirmation, "当事人已共同申请司法确认", ct);
        await transaction.CommitAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    public async Task<CaseDto> RecordCourtDecisionAsync(Guid id, RecordCourtDecisionInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Decision, "decision").Required(input.DecidedOn, "decidedOn").MaxLength(input.CourtName, 100, "courtName")
            .Happened(input.DecidedOn, clock.GetUtcNow(), "decidedOn")
            .ThrowIfInvalid();
        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        mediationCase.RecordCourtDecision(input.Decision!.Value, input.DecidedOn!.Value, input.CourtName?.Trim(), user.UserName);
        await db.SaveChangesAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    /// <summary>After the court refused to confirm the agreement, the parties may mediate again (Art. 33 ¶2).</summary>
    public async Task<CaseDto> ReopenAsync(Guid id, ReopenCaseInput input, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        var (courtName, refusedOn) = (mediationCase.CourtName, mediationCase.CourtDecidedOn);
        mediationCase.ReopenAfterRefusal(clock.GetUtcNow(), user.UserName);
        events.Publish(new CaseReopenedEto(mediationCase.Id, mediationCase.Number, mediationCase.OrgUnitId, mediationCase.Source,
            mediationCase.SourceRecordId, mediationCase.ReopenedAt!.Value, courtName, refusedOn));
        // The case was concluded once: its term clock stays stopped (no fresh month starts), and the refused agreement's
        // pending visits go, so that concluding again schedules one set of 回访, not two.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await followUps.WithdrawScheduledAsync(mediationCase.Id, "调解协议未获司法确认，重新调解", ct);
        await transaction.CommitAsync(ct);
        return await cases.ToDtoAsync(mediationCase, ct);
    }

    private void PublishAgreementEffective(MediationCase mediationCase) =>
        events.Publish(new CaseAgreementEffectiveEto(mediationCase.Id, mediationCase.Number, mediationCase.OrgUnitId, mediationCase.Outcome!.Value,
            mediationCase.Source, mediationCase.SourceRecordId, mediationCase.AgreementEffectiveOn!.Value, AgreementSummary(mediationCase)));

    private async Task StopClocksAsync(Guid caseId, string policy, string reason, CancellationToken ct)
    {
        foreach (var running in (await clocks.ForRecordAsync(CaseAppService.RecordType, caseId, ct)).Where(c => c.Policy == policy && c.Status != ClockStatus.Stopped))
            await clocks.StopAsync(running.Id, new StopClockInput(reason, user.UserName, running.ConcurrencyStamp), ct);
    }

    /// <summary>甲方, 乙方, … by party order; past 癸 the parties are numbered.</summary>
    internal static string RoleOf(int index) =>
        index < PartyRoles.Length ? PartyRoles[index] + "方" : "当事人" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>What a petition office needs to close and reply: the terms agreed, or the mediator's record of an oral agreement.</summary>
    private static string? AgreementSummary(MediationCase mediationCase) => mediationCase.Outcome switch
    {
        CaseOutcome.Succeeded => string.Join("", mediationCase.Terms.OrderBy(t => t.Number).Select((t, i) => $"{i + 1}．{TermText(t)}")),
        CaseOutcome.OralAgreement => mediationCase.OralRecord,
        _ => null,
    };

    internal static string TermText(AgreementTerm term)
    {
        var text = term.Description.TrimEnd('。', '；', ';', '.');
        if (term.Amount is { } amount)
            text += "，金额人民币" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + "元（大写：" + ChineseAmounts.Capital(amount) + "）";
        if (term.DueOn is { } due) text += "，于" + ChineseDates.Format(due) + "前履行完毕";
        return text + "。";
    }
}
