using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.Identity;
using Mediation.Core.Security;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Cases.Application;

/// <summary>调解安排: planning a case's mediation sessions ahead, rescheduling and cancelling them, and the day's list (今日调解).</summary>
internal sealed class SessionPlanAppService(MediationDbContext db, CaseAppService cases, ICurrentUser user, IUserDirectory users, TimeProvider clock)
{
    private const int MaxListed = 200;

    public Task<SessionPlanDto> PlanAsync(Guid caseId, PlanSessionInput input, CancellationToken ct) => PlanAsync(caseId, input, clock.GetUtcNow(), ct);

    /// <summary>A plan made at <paramref name="now"/>: the demo's sessions of today were planned before the day began.</summary>
    internal async Task<SessionPlanDto> PlanAsync(Guid caseId, PlanSessionInput input, DateTimeOffset now, CancellationToken ct)
    {
        // Stored as an instant: PostgreSQL takes only offset 0, and the demo's "before the day began" is China time.
        now = now.ToUniversalTime();
        var check = Check(input.StartsAt, now).Required(input.StartsAt, "startsAt").Required(input.Place, "place");
        check.MaxLength(input.Place, SessionPlan.MaxPlaceLength, "place").ThrowIfInvalid();
        var mediationCase = await cases.FindCaseAsync(caseId, ct);
        var mediatorId = input.MediatorId ?? user.Id ?? throw new ForbiddenException();
        await EnsureNotPlannedTwiceAsync(mediationCase.Id, null, input.StartsAt!.Value, mediatorId, ct);
        var plan = SessionPlan.Plan(mediationCase, input.StartsAt!.Value, input.Place!.Trim(), mediatorId, await MediatorNameAsync(mediatorId, ct),
            user.UserName, now);
        db.Add(plan);
        await SaveOnceAsync(ct);
        return (await ToDtoAsync([(plan, mediationCase.Number)], ct))[0];
    }

    public async Task<SessionPlanDto> RescheduleAsync(Guid caseId, Guid planId, RescheduleSessionInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        Check(input.StartsAt, now).Required(input.StartsAt, "startsAt").MaxLength(input.Place, SessionPlan.MaxPlaceLength, "place").ThrowIfInvalid();
        var (plan, mediationCase) = await FindAsync(caseId, planId, ct);
        db.ExpectConcurrencyStamp(plan, input.ConcurrencyStamp);
        (Guid, string)? mediator = input.MediatorId is { } id ? (id, await MediatorNameAsync(id, ct)) : null;
        await EnsureNotPlannedTwiceAsync(mediationCase.Id, plan.Id, input.StartsAt!.Value, input.MediatorId ?? plan.MediatorId, ct);
        plan.Reschedule(mediationCase, input.StartsAt!.Value, string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim(), mediator, now);
        await SaveOnceAsync(ct);
        return (await ToDtoAsync([(plan, mediationCase.Number)], ct))[0];
    }

    public async Task<SessionPlanDto> CancelAsync(Guid caseId, Guid planId, CancelSessionPlanInput input, CancellationToken ct)
    {
        new InputValidator().Required(input.Reason, "reason").MaxLength(input.Reason, SessionPlan.MaxReasonLength, "reason").ThrowIfInvalid();
        var (plan, mediationCase) = await FindAsync(caseId, planId, ct);
        db.ExpectConcurrencyStamp(plan, input.ConcurrencyStamp);
        plan.Cancel(input.Reason!.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (await ToDtoAsync([(plan, mediationCase.Number)], ct))[0];
    }

    public async Task<IReadOnlyList<SessionPlanDto>> ListForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(caseId, ct);
        return await ListAsync(mediationCase.Id, mediationCase.Number, ct);
    }

    /// <summary>The plans of a case the page has already read.</summary>
    internal Task<IReadOnlyList<SessionPlanDto>> ListForCaseAsync(CaseDto mediationCase, CancellationToken ct) =>
        ListAsync(mediationCase.Id, mediationCase.Number, ct);

    private async Task<IReadOnlyList<SessionPlanDto>> ListAsync(Guid caseId, string caseNumber, CancellationToken ct)
    {
        var plans = await db.Set<SessionPlan>().AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.StartsAt).ThenBy(p => p.Id).ToListAsync(ct);
        return await ToDtoAsync(plans.Select(p => (p, caseNumber)).ToList(), ct);
    }

    /// <summary>
    /// The sessions still to be held in the caller's units, soonest first: from today on, or (<paramref name="todayOnly"/>) today's only —
    /// the workbench's 今日调解 and the list its count opens, the same predicate (<see cref="PlannedToday"/>).
    /// </summary>
    public async Task<IReadOnlyList<SessionPlanDto>> ListPlannedAsync(bool todayOnly, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var plans = db.Set<SessionPlan>().AsNoTracking();
        plans = todayOnly ? PlannedToday(plans, today) : plans.Where(p => p.Status == SessionPlanStatus.Planned && p.PlannedOn >= today);
        var rows = await plans.Join(db.Set<MediationCase>().AsNoTracking(), p => p.CaseId, c => c.Id, (p, c) => new { Plan = p, c.Number })
            .OrderBy(x => x.Plan.PlannedOn).ThenBy(x => x.Plan.StartsAt).ThenBy(x => x.Plan.Id).Take(MaxListed).ToListAsync(ct);
        return await ToDtoAsync(rows.Select(x => (x.Plan, x.Number)).ToList(), ct);
    }

    /// <summary>今日调解: planned for today (China time) and not yet held or cancelled.</summary>
    internal static IQueryable<SessionPlan> PlannedToday(IQueryable<SessionPlan> plans, DateOnly today) =>
        plans.Where(p => p.Status == SessionPlanStatus.Planned && p.PlannedOn == today);

    /// <summary>Inside the recording's save: the held session fulfils the case's plan nearest to it (<see cref="SessionPlan.ToFulfil"/>).</summary>
    internal async Task FulfilAsync(MediationCase mediationCase, int sessionNumber, DateTimeOffset heldAt, CancellationToken ct)
    {
        var open = await db.Set<SessionPlan>().Where(p => p.CaseId == mediationCase.Id && p.Status == SessionPlanStatus.Planned).ToListAsync(ct);
        SessionPlan.ToFulfil(open, heldAt)?.Fulfil(sessionNumber, clock.GetUtcNow());
    }

    /// <summary>Inside the conclusion's save: what is still planned will not be held.</summary>
    internal async Task CancelOpenAsync(Guid caseId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var plan in await db.Set<SessionPlan>().Where(p => p.CaseId == caseId && p.Status == SessionPlanStatus.Planned).ToListAsync(ct))
            plan.Cancel(SessionPlan.ConcludedReason, now);
    }

    private static InputValidator Check(DateTimeOffset? startsAt, DateTimeOffset now)
    {
        var check = new InputValidator().Planned(startsAt, now, "startsAt");
        if (startsAt is { } at && SessionPlan.StartsInThePast(at, now)) check.Add("startsAt", CasesErrorCodes.SessionPlanInPast);
        return check;
    }

    // Checked before the write for the common case; two identical plans entered at the same instant both pass it and the unique index
    // on open plans refuses the second (SaveOnceAsync).
    private async Task EnsureNotPlannedTwiceAsync(Guid caseId, Guid? exceptPlanId, DateTimeOffset startsAt, Guid mediatorId, CancellationToken ct)
    {
        var utcStart = startsAt.ToUniversalTime();
        var open = await db.Set<SessionPlan>().AsNoTracking()
            .Where(p => p.CaseId == caseId && p.Status == SessionPlanStatus.Planned && p.MediatorId == mediatorId && p.Id != exceptPlanId)
            .ToListAsync(ct);
        if (open.Any(p => p.Repeats(utcStart, mediatorId))) throw new ConflictException(CasesErrorCodes.SessionPlanDuplicate);
    }

    private async Task SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException(CasesErrorCodes.SessionPlanDuplicate);
        }
    }

    private async Task<(SessionPlan Plan, MediationCase Case)> FindAsync(Guid caseId, Guid planId, CancellationToken ct)
    {
        var mediationCase = await cases.FindCaseAsync(caseId, ct);
        var plan = await db.Set<SessionPlan>().SingleOrDefaultAsync(p => p.Id == planId && p.CaseId == caseId, ct)
                   ?? throw new EntityNotFoundException(nameof(SessionPlan), planId);
        return (plan, mediationCase);
    }

    private async Task<string> MediatorNameAsync(Guid mediatorId, CancellationToken ct) =>
        mediatorId == user.Id && user.DisplayName is { Length: > 0 } mine ? mine : (await users.FindAsync(mediatorId, ct))?.DisplayName ?? "?";

    /// <summary>Plans with who planned them named, in one directory query.</summary>
    private async Task<IReadOnlyList<SessionPlanDto>> ToDtoAsync(IReadOnlyList<(SessionPlan Plan, string CaseNumber)> plans, CancellationToken ct)
    {
        var actors = await users.DescribeActorsAsync(plans.Select(x => x.Plan.PlannedBy), ct);
        return plans.Select(x => new SessionPlanDto(x.Plan.Id, x.Plan.CaseId, x.CaseNumber, x.Plan.StartsAt, x.Plan.PlannedOn, x.Plan.Place, x.Plan.MediatorId,
            x.Plan.MediatorName, x.Plan.Status, x.Plan.HeldSessionNumber, x.Plan.CancelReason, x.Plan.PlannedBy, actors.Named(x.Plan.PlannedBy)?.DisplayName,
            actors.Named(x.Plan.PlannedBy)?.UnitName, x.Plan.ConcurrencyStamp)).ToList();
    }
}
