using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Messaging;
using Mediation.Core.Numbering;
using Mediation.Core.PersonalData;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

internal sealed class CaseAppService(MediationDbContext db, PersonalDataProtector protector, ICurrentUser user,
    IIntegrationEventPublisher events, IDeadlineClocks clocks, INumberSequence numbers, IUserDirectory users, TimeProvider clock,
    CaseListQuery listQuery)
{
    public const string RecordType = nameof(MediationCase);

    public async Task<IReadOnlyList<CommitteeDto>> ListCommitteesAsync(CancellationToken ct) =>
        (await db.Set<MediationCommittee>().AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct)).Select(ToDto).ToList();

    public async Task<CommitteeDto> CreateCommitteeAsync(CreateCommitteeInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.OrgUnitId, "orgUnitId")
            .Required(input.Name, "name").MaxLength(input.Name, 100, "name")
            .Required(input.ShortName, "shortName").MaxLength(input.ShortName, 20, "shortName")
            .Required(input.Kind, "kind")
            .Add(input.Kind is CommitteeKind.Specialised && input.Specialty is null ? "specialty" : null, CasesErrorCodes.SpecialtyRequired)
            .Add(input.Kind is not CommitteeKind.Specialised && input.Specialty is not null ? "specialty" : null, CasesErrorCodes.SpecialtyOnlyForSpecialised)
            .ThrowIfInvalid();
        if (await db.Set<MediationCommittee>().IgnoreQueryFilters().AnyAsync(c => c.ShortName == input.ShortName!.Trim(), ct))
            throw new ConflictException(CasesErrorCodes.ShortNameTaken);
        var committee = new MediationCommittee(Guid.CreateVersion7(), input.OrgUnitId!.Value, input.Name!.Trim(), input.ShortName!.Trim(), input.Kind!.Value, input.Specialty);
        db.Add(committee);
        await db.SaveChangesAsync(ct);
        return ToDto(committee);
    }

    public async Task<CommitteeDto> AddMediatorAsync(Guid committeeId, AddMediatorInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.UserId, "userId").ThrowIfInvalid();
        var committee = await FindCommitteeAsync(committeeId, ct);
        var mediator = await users.FindAsync(input.UserId!.Value, ct)
            ?? throw new EntityNotFoundException("AppUser.Mediator", input.UserId!.Value);
        committee.AddMediator(mediator.Id, string.IsNullOrWhiteSpace(input.Name) ? mediator.DisplayName : input.Name.Trim(), input.IsHead);
        await db.SaveChangesAsync(ct);
        return ToDto(committee);
    }

    /// <summary>
    /// Cases in the caller's scope filtered as the list page filters them (every case in scope, not only the caller's own); the latest
    /// number first (per committee and year) unless a sort is asked for.
    /// </summary>
    public async Task<PagedList<CaseSummaryDto>> ListCasesAsync(CaseListCriteria criteria, Guid? committeeId, Paging paging, CancellationToken ct)
    {
        var filter = await listQuery.FilterAsync(criteria with { All = true }, ct);
        return await listQuery.SummariesAsync(filter with { CommitteeId = committeeId, NumberOrder = criteria.Sort is null }, paging, ct);
    }

    public async Task<CaseDto> GetCaseAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await FindCaseAsync(id, ct), ct);

    /// <summary>Sources whose cases only another module's hand-over creates: their outcome drives that module's record.</summary>
    internal static readonly IReadOnlySet<CaseSource> HandOverSources = new HashSet<CaseSource> { CaseSource.PetitionHandover, CaseSource.LegalWindowReferral, CaseSource.ServiceDeskReferral };

    /// <summary>
    /// Registration by a person (API, page). A 访调对接 case is created only by the hand-over through
    /// ICaseIntakeIntegrationService: a planted PetitionHandover case would otherwise be linked to
    /// the petition named in its source record, and its outcome would drive that petition.
    /// </summary>
    public Task<CaseDto> RegisterAsync(RegisterCaseInput input, CancellationToken ct)
    {
        if (input.Source is { } source && HandOverSources.Contains(source))
            throw new InputValidationException([new FieldError("source", CasesErrorCodes.SourceReservedForHandOver, new Dictionary<string, object?>())]);
        return RegisterAnySourceAsync(input, ct);
    }

    internal async Task<CaseDto> RegisterAnySourceAsync(RegisterCaseInput input, CancellationToken ct)
    {
        var parties = ValidateRegistration(input);
        var committee = await FindCommitteeAsync(input.CommitteeId!.Value, ct);
        var now = clock.GetUtcNow();
        var year = now.ToOffset(ChinaTimeJsonConverter.ChinaOffset).Year;

        // A caller's transaction (访调对接 registers the case together with the petition's change) is joined, not nested.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = new CaseNumber(year, await numbers.NextAsync(CaseNumber.Kind, committee.Id, year, ct));
        var mediationCase = MediationCase.Register(Guid.CreateVersion7(), committee, number, input.DisputeType!.Value, input.Summary!.Trim(),
            input.AmountInDispute, input.Place?.Trim(), input.Source!.Value, input.SourceRecordId, parties,
            input.MediatorIds ?? [], input.RiskGrade!.Value, input.RiskReason, user.UserName, now);
        db.Add(mediationCase);
        if (mediationCase.RiskGrade is RiskGrade.Red)
            events.Publish(new CaseRaisedToRedEto(mediationCase.Id, mediationCase.Number, mediationCase.OrgUnitId, input.RiskReason));
        await db.SaveChangesAsync(ct);
        // The one-month mediation term (人民调解法 has no fixed term; the local rule is one month, extendable), started in the
        // registering transaction: a case never exists without its term clock, and a failed start gives the number back.
        await clocks.StartAsync(new StartClockInput(RecordType, mediationCase.Id, mediationCase.OrgUnitId, CasesPolicies.Term, now, user.UserName), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return await ToDtoAsync(mediationCase, ct);
    }

    public async Task<CaseDto> AssessRiskAsync(Guid id, AssessRiskInput input, CancellationToken ct)
    {
        var check = new InputValidator().Required(input.Grade, "grade").MaxLength(input.Reason, 500, "reason")
            .MaxLength(input.PoliceStation, 100, "policeStation");
        if (input.MayTurnCriminal) check.Required(input.PoliceReportedOn, "policeReportedOn").Required(input.PoliceStation, "policeStation");
        check.ThrowIfInvalid();
        var mediationCase = await FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        var report = input.MayTurnCriminal ? new PoliceReport(input.PoliceReportedOn!.Value, input.PoliceStation!.Trim()) : null;
        if (mediationCase.AssessRisk(input.Grade!.Value, input.Reason, report, user.UserName, clock.GetUtcNow()))
            events.Publish(new CaseRaisedToRedEto(mediationCase.Id, mediationCase.Number, mediationCase.OrgUnitId, input.Reason));
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(mediationCase, ct);
    }

    /// <summary>民转刑: the dispute became a criminal case — a separate, later record from the Art. 25 risk flag.</summary>
    public async Task<CaseDto> RecordBecameCriminalAsync(Guid id, RecordBecameCriminalInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.On, "on").Required(input.Note, "note").MaxLength(input.Note, 500, "note").ThrowIfInvalid();
        var mediationCase = await FindCaseAsync(id, ct);
        db.ExpectConcurrencyStamp(mediationCase, input.ConcurrencyStamp);
        mediationCase.RecordBecameCriminal(input.On!.Value, input.Note!.Trim(), clock.GetUtcNow(), user.UserName);
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(mediationCase, ct);
    }

    /// <summary>A committee head assigns several cases at once; all or none change.</summary>
    public async Task<IReadOnlyList<CaseSummaryDto>> AssignMediatorsAsync(AssignMediatorsInput input, CancellationToken ct)
    {
        new InputValidator()
            .Add(input.CaseIds is { Count: > 0 } ? null : "caseIds", CoreErrorCodes.Validation.Required)
            .Add(input.MediatorIds is { Count: > 0 } ? null : "mediatorIds", CoreErrorCodes.Validation.Required)
            .ThrowIfInvalid();
        var cases = new List<MediationCase>();
        foreach (var caseId in input.CaseIds!.Distinct())
        {
            var mediationCase = await FindCaseAsync(caseId, ct);
            mediationCase.AssignMediators(await FindCommitteeAsync(mediationCase.CommitteeId, ct), input.MediatorIds!);
            cases.Add(mediationCase);
        }
        await db.SaveChangesAsync(ct);
        return cases.Select(c => new CaseSummaryDto(c.Id, c.Number, c.DisputeType, c.Summary, c.Status, c.RiskGrade, c.CommitteeId, c.RegisteredAt)).ToList();
    }

    private List<CaseParty> ValidateRegistration(RegisterCaseInput input)
    {
        var check = new InputValidator()
            .Required(input.CommitteeId, "committeeId")
            .Required(input.DisputeType, "disputeType")
            .Required(input.Summary, "summary").MaxLength(input.Summary, 2000, "summary")
            .Required(input.Source, "source")
            .Required(input.RiskGrade, "riskGrade").MaxLength(input.RiskReason, 500, "riskReason")
            .MaxLength(input.SourceRecordId, 100, "sourceRecordId")
            .MaxLength(input.Place, 200, "place");
        if (input.AmountInDispute is < 0) check.Add("amountInDispute", CoreErrorCodes.Validation.OutOfRange, ("min", 0), ("max", "∞"));
        var parties = new List<CaseParty>();
        var inputs = input.Parties ?? [];
        for (var i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i];
            var field = $"parties[{i}]";
            check.Required(p.Kind, field + ".kind").Required(p.Name, field + ".name").MaxLength(p.Name, 100, field + ".name")
                .MaxLength(p.LegalRepresentative, 100, field + ".legalRepresentative").MaxLength(p.Agent, 100, field + ".agent")
                .MaxLength(p.Representative, 100, field + ".representative").MaxLength(p.Address, 300, field + ".address");
            if (p.Phone is not null && !ChineseIdentifiers.IsValidMobile(p.Phone.Trim())) check.Add(field + ".phone", IdentityErrorCodes.InvalidMobile);
            var document = p.IdDocumentKind ?? IdDocumentKind.ResidentIdCard;
            if (p.Kind is PartyKind.Person && document is IdDocumentKind.ResidentIdCard
                && !ChineseIdentifiers.IsValidIdCardNumber(p.IdCardNumber is null ? null : ChineseIdentifiers.Normalize(p.IdCardNumber)))
                check.Add(field + ".idCardNumber", CasesErrorCodes.PersonNeedsIdCard);
            if (p.Kind is PartyKind.Person && document is IdDocumentKind.None)
                check.Required(p.NoIdReason, field + ".noIdReason").MaxLength(p.NoIdReason, 200, field + ".noIdReason");
            if (p.Kind is PartyKind.Person && document is not (IdDocumentKind.ResidentIdCard or IdDocumentKind.None)
                && !ChineseIdentifiers.IsValidIdDocument(document, DocumentNumber(p) is { } number ? ChineseIdentifiers.Normalize(number) : null))
                check.Add(field + ".idDocumentNumber", CasesErrorCodes.IdDocumentInvalid);
            if (p.Kind is PartyKind.Organisation && !ChineseIdentifiers.IsValidCreditCode(p.CreditCode is null ? null : ChineseIdentifiers.Normalize(p.CreditCode)))
                check.Add(field + ".creditCode", CasesErrorCodes.OrganisationNeedsCreditCode);
        }
        check.ThrowIfInvalid();

        foreach (var p in inputs)
        {
            var phone = p.Phone is null ? null : protector.Protect(PersonalDataKind.Mobile, p.Phone);
            var document = p.IdDocumentKind ?? IdDocumentKind.ResidentIdCard;
            var number = p.Kind is not PartyKind.Person ? null : document switch
            {
                IdDocumentKind.ResidentIdCard => protector.Protect(PersonalDataKind.IdCardNumber, p.IdCardNumber!),
                IdDocumentKind.None => null,
                _ => protector.Protect(PersonalDataKind.IdDocumentNumber, DocumentNumber(p)!),
            };
            parties.Add((p.Kind is PartyKind.Person
                ? CaseParty.Person(p.Name!.Trim(), document, number, document is IdDocumentKind.None ? p.NoIdReason!.Trim() : null, phone, p.Address?.Trim(),
                    p.ConsentsToMediation)
                : CaseParty.Organisation(p.Name!.Trim(), ChineseIdentifiers.Normalize(p.CreditCode!), p.Representative?.Trim(), phone, p.Address?.Trim(), p.ConsentsToMediation))
                .RepresentedBy(p.LegalRepresentative, p.Agent));
        }
        return parties;
    }

    /// <summary>Another document's number travels in IdDocumentNumber (a client may also send it as IdCardNumber).</summary>
    private static string? DocumentNumber(PartyInput p) => p.IdDocumentNumber ?? p.IdCardNumber;

    internal async Task<MediationCommittee> FindCommitteeAsync(Guid id, CancellationToken ct) =>
        await db.Set<MediationCommittee>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException(nameof(MediationCommittee), id);

    internal async Task<MediationCase> FindCaseAsync(Guid id, CancellationToken ct) =>
        await db.Set<MediationCase>().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException(nameof(MediationCase), id);

    private static CommitteeDto ToDto(MediationCommittee c) => new(c.Id, c.OrgUnitId, c.Name, c.ShortName, c.Kind,
        c.Mediators.Select(m => new CommitteeMediatorDto(m.UserId, m.Name, m.IsHead)).ToList(), c.ConcurrencyStamp, c.Specialty);

    /// <summary>The case with the people of its history named, in one directory query.</summary>
    internal async Task<CaseDto> ToDtoAsync(MediationCase c, CancellationToken ct) =>
        ToDto(c, await users.DescribeActorsAsync(c.Events.Select(e => e.Actor).Concat(c.RiskHistory.Select(r => r.AssessedBy))
            .Concat(c.Sessions.Select(s => s.RecordedBy)).Append(c.ConcludedBy), ct));

    internal static CaseDto ToDto(MediationCase c, IReadOnlyDictionary<string, ActorInfo>? actors = null) => new(c.Id, c.Number, c.CommitteeId, c.OrgUnitId, c.DisputeType, c.Summary, c.AmountInDispute,
        c.Place, c.Source, c.SourceRecordId, c.Status, c.RiskGrade,
        c.Parties.OrderBy(p => p.Position).Select(p => new PartyDto(p.Id, p.Kind, p.Name, p.IdCardMasked, p.CreditCode, p.Representative, p.PhoneMasked, p.Address, p.ConsentsToMediation,
            p.LegalRepresentative, p.Agent, p.Kind is PartyKind.Person ? p.IdDocumentKind ?? IdDocumentKind.ResidentIdCard : null, p.NoIdReason)).ToList(),
        c.Mediators.Select(m => m.UserId).ToList(),
        c.RiskHistory.Select(r => new RiskAssessmentDto(r.Grade, r.Reason, r.AssessedAt, r.AssessedBy, actors.Named(r.AssessedBy)?.DisplayName,
            actors.Named(r.AssessedBy)?.UnitName)).ToList(),
        c.RegisteredAt, c.ConcurrencyStamp,
        c.Sessions.OrderBy(s => s.Number).Select(s => new CaseSessionDto(s.Number, s.HeldAt, s.Place,
            s.Attendees.Split('\n', StringSplitOptions.RemoveEmptyEntries), s.Minutes,
            c.Statements.Where(x => x.SessionNumber == s.Number)
                .OrderBy(x => c.Parties.FirstOrDefault(p => p.Id == x.PartyId)?.Position ?? int.MaxValue).Select(x => new PartyStatementDto(x.PartyId, x.Statement)).ToList(),
            s.RecordedBy, s.RecordedAt, c.Participants.Where(p => p.SessionNumber == s.Number).OrderBy(p => p.RecordedAt)
                .Select(p => new SessionParticipantDto(p.Name, p.Role, p.Organisation, p.Capacity)).ToList(),
            actors.Named(s.RecordedBy)?.DisplayName, actors.Named(s.RecordedBy)?.UnitName)).ToList(),
        c.Outcome is not { } outcome ? null : new CaseOutcomeDto(outcome, c.ConcludedAt!.Value, c.ConcludedBy, c.AgreementFacts, c.DisputedPoints,
            c.Responsibilities, c.Terms.OrderBy(t => t.Number).Select(t => new AgreementTermDto(t.Number, t.Description, t.Amount, t.DueOn)).ToList(),
            c.Performance, c.OralRecord, c.TerminationReason, c.OtherRoutes, c.MayTurnCriminal, c.ReportedToPoliceOn, c.AgreementDocumentId,
            c.AgreementSignedAt, c.CourtDecision, c.CourtDecidedOn, c.CourtName, c.AgreementEffectiveOn, c.JudicialAppliedOn, c.MayConcernPersonalStatus,
            actors.Named(c.ConcludedBy)?.DisplayName, actors.Named(c.ConcludedBy)?.UnitName),
        c.ReportedToPoliceOn is { } reportedOn ? new PoliceReportDto(reportedOn, c.PoliceStation) : null,
        c.BecameCriminalOn is { } becameCriminalOn ? new BecameCriminalDto(becameCriminalOn, c.BecameCriminalNote) : null,
        c.Events.OrderBy(e => e.Sequence).Select(e => new CaseEventDto(e.Sequence, e.Kind, e.At, e.Actor, e.Detail,
            actors.Named(e.Actor)?.DisplayName, actors.Named(e.Actor)?.UnitName)).ToList());
}
