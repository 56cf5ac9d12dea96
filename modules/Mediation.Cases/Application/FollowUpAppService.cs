using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>回访: visits are scheduled when a case concludes with an agreement, each on its own follow-up clock; recording one stops it.</summary>
internal sealed class FollowUpAppService(MediationDbContext db, CaseAppService cases, ICurrentUser user, IDeadlineClocks clocks, TimeProvider clock,
    IUserDirectory users)
{
    public const string RecordType = nameof(FollowUpVisit);
    private const int MaxListed = 200;

    /// <summary>Inside the concluding transaction: the visits and their clocks are saved with the conclusion or not at all.</summary>
    internal async Task ScheduleAsync(MediationCase mediationCase, CancellationToken ct)
    {
        if (mediationCase.Outcome is not (CaseOutcome.Succeeded or CaseOutcome.OralAgreement)) return;
        var visits = FollowUpVisit.ScheduleFor(mediationCase);
        foreach (var visit in visits)
        {
            // The first visit counts from the conclusion; a term's visit from the day the term falls due.
            var startedAt = visit.Kind is FollowUpVisitKind.AfterConclusion ? mediationCase.ConcludedAt!.Value : ChinaTime.StartOfDay(visit.ScheduledOn);
            visit.ClockStarted((await clocks.PreviewAsync(CasesPolicies.FollowUp, startedAt, ct)).DueDate);
            db.Add(visit);
        }
        await db.SaveChangesAsync(ct);
        foreach (var visit in visits)
        {
            var startedAt = visit.Kind is FollowUpVisitKind.AfterConclusion ? mediationCase.ConcludedAt!.Value : ChinaTime.StartOfDay(visit.ScheduledOn);
            await clocks.StartAsync(new StartClockInput(RecordType, visit.Id, visit.OrgUnitId, CasesPolicies.FollowUp, startedAt, user.UserName), ct);
        }
    }

    /// <summary>
    /// Inside the reopening transaction: the visits still scheduled for the refused agreement are withdrawn and their clocks stopped,
    /// so the next conclusion's visits do not come on top of them.
    /// </summary>
    internal async Task WithdrawScheduledAsync(Guid caseId, string reason, CancellationToken ct)
    {
        var visits = await db.Set<FollowUpVisit>().Where(v => v.CaseId == caseId && v.Status == FollowUpVisitStatus.Scheduled).ToListAsync(ct);
        foreach (var visit in visits) visit.Withdraw();
        await db.SaveChangesAsync(ct);
        foreach (var visit in visits)
        {
            foreach (var running in (await clocks.ForRecordAsync(RecordType, visit.Id, ct)).Where(c => c.Status != ClockStatus.Stopped))
                await clocks.StopAsync(running.Id, new StopClockInput(reason, user.UserName, running.ConcurrencyStamp), ct);
        }
    }

    public async Task<IReadOnlyList<FollowUpVisitDto>> ListForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(caseId, ct);
        var visits = await db.Set<FollowUpVisit>().AsNoTracking().Where(v => v.CaseId == caseId).ToListAsync(ct);
        var actors = await users.DescribeActorsAsync(visits.Select(v => v.RecordedBy), ct);
        return visits.OrderBy(v => v.ScheduledOn).ThenBy(v => v.Kind).Select(v => ToDto(v, mediationCase, actors)).ToList();
    }

    /// <summary>
    /// Scheduled visits in the caller's scope, the soonest due first; <paramref name="withinDays"/> limits to those due by then,
    /// <paramref name="todayOnly"/> to those whose day has come (今日应回访: the workbench's card and the list its count opens).
    /// </summary>
    public async Task<IReadOnlyList<FollowUpVisitDto>> ListDueAsync(int? withinDays, CancellationToken ct, bool todayOnly = false)
    {
        new InputValidator().InRange(withinDays, 0, 366, "withinDays").ThrowIfInvalid();
        var query = db.Set<FollowUpVisit>().AsNoTracking().Where(v => v.Status == FollowUpVisitStatus.Scheduled);
        if (todayOnly) query = DueToday(query, ChinaTime.DateOf(clock.GetUtcNow()));
        if (withinDays is { } days)
        {
            var last = ChinaTime.DateOf(clock.GetUtcNow()).AddDays(days);
            query = query.Where(v => v.DueDate <= last);
        }
        var visits = await query.OrderBy(v => v.DueDate).ThenBy(v => v.ScheduledOn).Take(MaxListed).ToListAsync(ct);
        var caseIds = visits.Select(v => v.CaseId).Distinct().ToList();
        var byId = await db.Set<MediationCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var actors = await users.DescribeActorsAsync(visits.Select(v => v.RecordedBy), ct);
        return visits.Where(v => byId.ContainsKey(v.CaseId)).Select(v => ToDto(v, byId[v.CaseId], actors)).ToList();
    }

    /// <summary>The visits to be made now: still scheduled, their day (the conclusion's or a term's due date) today or past.</summary>
    internal static IQueryable<FollowUpVisit> DueToday(IQueryable<FollowUpVisit> visits, DateOnly today) =>
        visits.Where(v => v.Status == FollowUpVisitStatus.Scheduled && v.ScheduledOn <= today);

    public async Task<FollowUpVisitDto> RecordAsync(Guid caseId, Guid visitId, RecordVisitInput input, CancellationToken ct)
    {
        var check = new InputValidator()
            .Required(input.VisitedAt, "visitedAt").Happened(input.VisitedAt, clock.GetUtcNow(), "visitedAt")
            .Required(input.Method, "method")
            .Required(input.Visitor, "visitor").MaxLength(input.Visitor, 100, "visitor")
            .MaxLength(input.Notes, FollowUpVisit.MaxNotesLength, "notes");
        if (input.VisitedAt is { } visitedAt && visitedAt > clock.GetUtcNow().AddMinutes(5))
            check.Add("visitedAt", CasesErrorCodes.VisitInFuture);
        var terms = input.Terms ?? [];
        for (var i = 0; i < terms.Count; i++)
            check.Required(terms[i].TermNumber, $"terms[{i}].termNumber").Required(terms[i].Performance, $"terms[{i}].performance")
                .MaxLength(terms[i].Note, FollowUpVisit.MaxNoteLength, $"terms[{i}].note");
        var parties = input.Parties ?? [];
        for (var i = 0; i < parties.Count; i++)
            check.Required(parties[i].PartyId, $"parties[{i}].partyId").Required(parties[i].Satisfaction, $"parties[{i}].satisfaction")
                .MaxLength(parties[i].Note, FollowUpVisit.MaxNoteLength, $"parties[{i}].note");
        check.ThrowIfInvalid();

        var mediationCase = await cases.FindCaseAsync(caseId, ct);
        if (mediationCase.Status is not CaseStatus.Concluded) throw new BusinessException(CasesErrorCodes.NotConcluded);
        var visit = await db.Set<FollowUpVisit>().SingleOrDefaultAsync(v => v.Id == visitId && v.CaseId == caseId, ct)
                    ?? throw new EntityNotFoundException(nameof(FollowUpVisit), visitId);
        db.ExpectConcurrencyStamp(visit, input.ConcurrencyStamp);
        visit.Record(mediationCase, new VisitRecord(input.VisitedAt!.Value, input.Method!.Value,
                terms.Select(t => new VisitRecord.Term(t.TermNumber!.Value, t.Performance!.Value, Trimmed(t.Note))).ToList(),
                parties.Select(p => new VisitRecord.Party(p.PartyId!.Value, p.Satisfaction!.Value, Trimmed(p.Note))).ToList(),
                Trimmed(input.Notes), input.Visitor!.Trim()),
            user.UserName, clock.GetUtcNow());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var running in (await clocks.ForRecordAsync(RecordType, visit.Id, ct)).Where(c => c.Policy == CasesPolicies.FollowUp && c.Status != ClockStatus.Stopped))
            await clocks.StopAsync(running.Id, new StopClockInput("已回访", user.UserName, running.ConcurrencyStamp), ct);
        await transaction.CommitAsync(ct);
        return ToDto(visit, mediationCase, await users.DescribeActorsAsync([visit.RecordedBy], ct));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static FollowUpVisitDto ToDto(FollowUpVisit v, MediationCase c, IReadOnlyDictionary<string, ActorInfo> actors)
    {
        var covered = v.CoveredTerms;
        return new FollowUpVisitDto(v.Id, v.CaseId, c.Number, v.Kind, v.ScheduledOn, v.DueDate, v.Status,
            c.Terms.Where(t => covered.Contains(t.Number)).OrderBy(t => t.Number).Select(t =>
            {
                var performance = v.Performances.FirstOrDefault(p => p.TermNumber == t.Number);
                return new VisitTermDto(t.Number, t.Description, t.DueOn, performance?.Performance, performance?.Note);
            }).ToList(),
            c.Parties.OrderBy(p => p.Position).Select(p =>
            {
                var satisfaction = v.Satisfactions.FirstOrDefault(s => s.PartyId == p.Id);
                return new VisitPartyDto(p.Id, p.Name, satisfaction?.Satisfaction, satisfaction?.Note);
            }).ToList(),
            v.VisitedAt, v.Method, v.Notes, v.Visitor, v.RecordedBy, v.RecordedAt, v.ConcurrencyStamp,
            actors.Named(v.RecordedBy)?.DisplayName, actors.Named(v.RecordedBy)?.UnitName);
    }
}
