using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Mediation.Core.Deadlines.Application;

internal sealed class DeadlineClockAppService(
    MediationDbContext db, CalendarStore calendars, CalendarAppService calendarService, DeadlinePolicies policies, TimeProvider clock)
    : IDeadlineClocks
{
    private IQueryable<DeadlineClock> Clocks => db.Set<DeadlineClock>().Include(c => c.History);

    public IQueryable<OpenClock> OpenClocks(string recordType) => db.Set<DeadlineClock>()
        .Where(c => c.RecordType == recordType && c.Status != ClockStatus.Stopped)
        .Select(c => new OpenClock
        {
            RecordId = c.RecordId, Policy = c.PolicyName, Status = c.Status, DueDate = c.DueDate, DueAt = c.DueAt, StartedAt = c.StartedAt, ExtensionDays = c.ExtensionDays,
        });

    public async Task<DeadlineClockDto> StartAsync(StartClockInput input, CancellationToken ct)
    {
        var policy = ValidateStart(input);
        if (!await db.Set<OrgUnit>().AnyAsync(u => u.Id == input.OrgUnitId, ct))
            throw new EntityNotFoundException(nameof(OrgUnit), input.OrgUnitId!.Value);
        var recordType = input.RecordType!.Trim();
        if (await db.Set<DeadlineClock>().AnyAsync(c => c.RecordType == recordType && c.RecordId == input.RecordId && c.PolicyName == policy.Name, ct))
            throw new ConflictException(DeadlinesErrorCodes.ClockAlreadyStarted);

        // One path for every start: planned on the process's copy, confirmed against the stamps just before the write.
        var planned = await PlanStartAsync(input, policy, ct);
        await ConfirmPlannedAsync([planned], ct);
        var started = planned.Clock;
        db.Add(started);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            throw new ConflictException(DeadlinesErrorCodes.ClockAlreadyStarted);
        }
        return await ToDtoAsync(started, ct, isNew: true);
    }

    public Task<PlannedClockStart> PlanStartAsync(StartClockInput input, CancellationToken ct) => PlanStartAsync(input, ValidateStart(input), ct);

    private async Task<PlannedClockStart> PlanStartAsync(StartClockInput input, DeadlinePolicy policy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await calendars.ProcessCopyAsync(ct);
        var planned = DeadlineClock.Start(Guid.CreateVersion7(), input.RecordType!.Trim(), input.RecordId!.Value, input.OrgUnitId!.Value, policy,
            (input.StartedAt ?? now).ToUniversalTime(), calendar.Calendar, input.Actor, now);
        return new PlannedClockStart(planned, policy, input.Actor, now, calendar.Version);
    }

    public async Task ConfirmPlannedAsync(IReadOnlyCollection<PlannedClockStart> planned, CancellationToken ct)
    {
        if (planned.Count == 0) return;
        var current = await calendars.LoadCurrentAsync(ct);
        foreach (var start in planned)
            if (start.CalendarVersion != current.Version) start.Recompute(current);
    }

    private DeadlinePolicy ValidateStart(StartClockInput input)
    {
        new InputValidator()
            .Required(input.RecordType, "recordType").MaxLength(input.RecordType, DeadlineClock.MaxRecordTypeLength, "recordType")
            .Required(input.RecordId, "recordId")
            .Required(input.OrgUnitId, "orgUnitId")
            .Required(input.Policy, "policy")
            .MaxLength(input.Actor, DeadlineClock.MaxActorLength, "actor")
            .Planned(input.StartedAt, clock.GetUtcNow(), "startedAt")
            .ThrowIfInvalid();
        return policies.Get(input.Policy);
    }

    public async Task<DeadlineClockDto> PauseAsync(Guid clockId, PauseClockInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Reason, "reason").MaxLength(input.Reason, DeadlineClock.MaxReasonLength, "reason")
            .MaxLength(input.Actor, DeadlineClock.MaxActorLength, "actor")
            .ThrowIfInvalid();
        var target = await FindAsync(clockId, input.ConcurrencyStamp, ct);
        target.Pause(input.Reason!.Trim(), input.Actor, clock.GetUtcNow());
        return await SaveAsync(target, ct);
    }

    public async Task<DeadlineClockDto> ResumeAsync(Guid clockId, ResumeClockInput input, CancellationToken ct)
    {
        new InputValidator().MaxLength(input.Actor, DeadlineClock.MaxActorLength, "actor").ThrowIfInvalid();
        var target = await FindAsync(clockId, input.ConcurrencyStamp, ct);
        target.Resume(policies.Get(target.PolicyName), await calendars.LoadAsync(ct), input.Actor, clock.GetUtcNow());
        return await SaveAsync(target, ct);
    }

    public async Task<DeadlineClockDto> ExtendAsync(Guid clockId, ExtendClockInput input, CancellationToken ct)
    {
        new InputValidator()
            .Required(input.Days, "days").InRange(input.Days, 1, 366, "days")
            .Required(input.Approver, "approver").MaxLength(input.Approver, DeadlineClock.MaxActorLength, "approver")
            .Required(input.Reason, "reason").MaxLength(input.Reason, DeadlineClock.MaxReasonLength, "reason")
            .ThrowIfInvalid();
        var target = await FindAsync(clockId, input.ConcurrencyStamp, ct);
        var policy = policies.Get(target.PolicyName);
        target.Extend(input.Days!.Value, policy, policies.ExtensionOf(policy), await calendars.LoadAsync(ct),
            input.Approver!.Trim(), input.Reason!.Trim(), clock.GetUtcNow());
        return await SaveAsync(target, ct);
    }

    public async Task<DeadlineClockDto> StopAsync(Guid clockId, StopClockInput input, CancellationToken ct)
    {
        new InputValidator()
            .MaxLength(input.Reason, DeadlineClock.MaxReasonLength, "reason")
            .MaxLength(input.Actor, DeadlineClock.MaxActorLength, "actor")
            .ThrowIfInvalid();
        var target = await FindAsync(clockId, input.ConcurrencyStamp, ct);
        target.Stop(input.Reason?.Trim(), input.Actor, clock.GetUtcNow());
        return await SaveAsync(target, ct);
    }

    public async Task<DeadlineClockDto> GetAsync(Guid clockId, CancellationToken ct)
    {
        var found = await Clocks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clockId, ct)
            ?? throw new EntityNotFoundException(nameof(DeadlineClock), clockId);
        return await ToDtoAsync(found, ct);
    }

    public async Task<IReadOnlyList<DeadlineClockDto>> ForRecordAsync(string recordType, Guid recordId, CancellationToken ct)
    {
        var found = await Clocks.AsNoTracking().Where(c => c.RecordType == recordType && c.RecordId == recordId).ToListAsync(ct);
        var result = new List<DeadlineClockDto>();
        foreach (var c in found.OrderBy(c => c.StartedAt)) result.Add(await ToDtoAsync(c, ct));
        return result;
    }

    public async Task<IReadOnlyList<RecordDueDate>> DueDatesAsync(string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken ct)
    {
        var result = new List<RecordDueDate>();
        // Chunks keep the IN list under every provider's parameter limit (SQL Server: 2,100).
        foreach (var chunk in recordIds.Distinct().Chunk(500))
            result.AddRange(await Clocks.AsNoTracking().Where(c => c.RecordType == recordType && chunk.Contains(c.RecordId))
                .Select(c => new RecordDueDate(c.RecordId, c.PolicyName, c.StartedAt, c.Status, c.DueDate)).ToListAsync(ct));
        return result.OrderBy(c => c.StartedAt).ToList();
    }

    public Task<DueDto> PreviewAsync(string policy, DateTimeOffset start, CancellationToken ct) => calendarService.DueAsync(policy, start, ct);


    private async Task<DeadlineClock> FindAsync(Guid id, string? concurrencyStamp, CancellationToken ct)
    {
        var found = await Clocks.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException(nameof(DeadlineClock), id);
        db.ExpectConcurrencyStamp(found, concurrencyStamp);
        return found;
    }

    private async Task<DeadlineClockDto> SaveAsync(DeadlineClock target, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(target, ct);
    }

    private async Task<DeadlineClockDto> ToDtoAsync(DeadlineClock c, CancellationToken ct, bool isNew = false)
    {
        // A clock just started has no reminder or escalation steps yet (the sweep records them).
        List<DeadlineStep> steps = isNew ? [] : await db.Set<DeadlineStep>().AsNoTracking().Where(s => s.ClockId == c.Id).ToListAsync(ct);
        // The period as the rule fixes it, without extensions or pauses: shown beside an adjusted due date.
        var statutory = policies.Find(c.PolicyName) is { } policy
            ? DeadlineCalculator.Compute(policy, c.StartedAt, await calendars.LoadAsync(ct)).DueDate
            : (DateOnly?)null;
        return ToDto(c, steps, statutory);
    }

    internal static DeadlineClockDto ToDto(DeadlineClock c, IReadOnlyCollection<DeadlineStep> steps, DateOnly? statutoryDueDate) =>
        new(c.Id, c.RecordType, c.RecordId, c.OrgUnitId, c.PolicyName, c.StartedAt, c.Status,
            c.DueDate, c.DueAt, c.Provisional, c.ExtensionDays, c.ConcurrencyStamp,
            c.History.OrderBy(e => e.Sequence)
                .Select(e => new ClockEventDto(e.Sequence, e.Kind, e.At, e.Actor, e.Reason, e.Days, e.DueDate, e.DueAt, e.Provisional)).ToList(),
            steps.OrderBy(s => s.DueInstant).ThenBy(s => s.Step, StringComparer.Ordinal)
                .Select(s => new ClockStepDto(s.Step, s.Kind, s.DueInstant, s.RecordedAt, s.SupervisorOrgUnitId)).ToList(),
            statutoryDueDate);

    public async Task<DateOnly> WorkingDaysAfterAsync(DateOnly from, int workingDays, CancellationToken ct)
    {
        var calendar = await calendars.LoadAsync(ct);
        var day = from;
        for (var counted = 0; counted < workingDays;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }
}
