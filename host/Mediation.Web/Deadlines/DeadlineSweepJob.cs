using Mediation.Core.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Web.Deadlines;

/// <summary>
/// The recurring enforcement of every running clock. The database is the source of truth: one
/// set-based query finds the clocks whose reminders or escalations are due, a second the steps
/// already recorded; each missing step is then inserted-or-skipped against its unique key, a batch
/// per transaction. Retries, restarts and several hosts therefore record each step once, and a sweep
/// that did not run for a while catches up. The notices follow once the steps are committed
/// (<see cref="DeadlineNoticeJob"/>, from the recorded steps that still owe them), so a storm's sweep
/// writes only its steps and a crash between the two loses no notice.
/// </summary>
internal sealed class DeadlineSweepJob(
    MediationDbContext db, DeadlinePolicies policies, StepInserter inserter, DeadlineNoticeJob noticeJob, TimeProvider clock,
    ILogger<DeadlineSweepJob> logger)
{
    public const string JobId = "deadlines:sweep";

    /// <summary>The catalog key of a policy's display name ("受理告知期限"); every module defines one per policy it declares.</summary>
    public static string PolicyNameKey(string policy) => "DeadlinePolicy:" + policy;

    // Only what planning a step needs: the notices, which name the record and its due date, are the notice job's.
    private sealed record Candidate(Guid Id, Guid OrgUnitId, string PolicyName, DateTimeOffset DueAt);

    private sealed record UnitInfo(Guid Id, string IssuingBodyName, OrgUnitKind Kind, string Path);

    /// <summary>The sweep, then the notices of the steps that owe them (this sweep's and any a crash left); the steps recorded.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var recorded = await RecordStepsAsync(ct);
        await noticeJob.RunAsync(ct);
        return recorded;
    }

    /// <summary>Records the due steps that are missing, without their notices; the number recorded.</summary>
    public async Task<int> RecordStepsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var reading = System.Diagnostics.Stopwatch.StartNew();
        // The host's CPU time over the sweep (every thread of the process, so background work alongside counts too): on a shared,
        // overloaded machine the wall-clock figures measure the queue for a core as much as the work.
        var cpuBefore = Environment.CpuUsage.TotalTime;
        // And the garbage collector's share: under load a collection's pause holds every thread of the sweep for as long as the
        // collector's own threads wait for a core.
        var (pausedBefore, allocatedBefore, collectionsBefore) = (GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(), GC.CollectionCount(0));
        var horizon = now + policies.LongestReminder;
        var candidates = await db.Set<DeadlineClock>().AsNoTracking()
            .Where(c => c.Status == ClockStatus.Running && c.DueAt != null && c.DueAt <= horizon)
            .Select(c => new Candidate(c.Id, c.OrgUnitId, c.PolicyName, c.DueAt!.Value))
            .ToListAsync(ct);

        // A storm's clocks share their due instants (a due date's end, one policy), so each policy and due instant is planned once:
        // the steps and their names are the same objects for every clock that shares them.
        var plans = new Dictionary<(string Policy, DateTimeOffset DueAt), PlannedStep[]>();
        var planned = new List<(Candidate Clock, PlannedStep Step)>(candidates.Count);
        foreach (var candidate in candidates)
        {
            if (!plans.TryGetValue((candidate.PolicyName, candidate.DueAt), out var steps))
                plans[(candidate.PolicyName, candidate.DueAt)] = steps = policies.Find(candidate.PolicyName) is { } policy
                    ? StepPlanner.DueSteps(policy, candidate.DueAt, now).ToArray()
                    : [];
            foreach (var step in steps) planned.Add((candidate, step));
        }
        if (planned.Count == 0) return 0;

        var clockIds = planned.Select(p => p.Clock.Id).Distinct().ToList();
        var recorded = (await db.Set<DeadlineStep>().AsNoTracking()
                .Where(s => clockIds.Contains(s.ClockId))
                .Select(s => new { s.ClockId, s.Step, s.DueInstant })
                .ToListAsync(ct))
            .Select(s => (s.ClockId, s.Step, s.DueInstant.UtcTicks))
            .ToHashSet();
        var missing = planned.FindAll(p => !recorded.Contains((p.Clock.Id, p.Step.Step, p.Step.DueInstant.UtcTicks)));
        if (missing.Count == 0) return 0;

        var units = await LoadUnitsAsync(missing.Select(m => m.Clock.OrgUnitId).Distinct().ToList(), ct);
        reading.Stop();
        var performed = 0;
        var timing = new Timing();
        // Key order, so hosts sweeping at the same moment lock the same keys in the same order; a batch per transaction, so a
        // deadline storm of thousands of steps is a few round trips rather than one transaction per step.
        missing.Sort(static (a, b) => a.Clock.Id.CompareTo(b.Clock.Id) is var byClock and not 0 ? byClock
            : string.CompareOrdinal(a.Step.Step, b.Step.Step) is var byStep and not 0 ? byStep
            : a.Step.DueInstant.CompareTo(b.Step.DueInstant));
        var supervisors = new Dictionary<(Guid Owner, SupervisorLevel Level), Guid?>();
        foreach (var batch in missing.Chunk(inserter.SweepStepsPerTransaction))
            performed += await RecordAsync(batch, units, supervisors, now, timing, ct);
        if (performed > 0)
            logger.LogInformation(
                "Deadline sweep recorded {Count} reminder/escalation steps of {Clocks} clocks in {Milliseconds} ms (reading {Reading} ms, " +
                "steps {Steps} ms, commits {Committing} ms; host CPU {Cpu} ms, {Collections} garbage collections pausing the host {Paused} ms, " +
                "{Allocated} MB allocated)", performed, candidates.Count,
                (int)(clock.GetUtcNow() - now).TotalMilliseconds, reading.ElapsedMilliseconds, timing.Steps.ElapsedMilliseconds,
                timing.Committing.ElapsedMilliseconds, (int)(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds,
                GC.CollectionCount(0) - collectionsBefore, (int)(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds,
                (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1_000_000);
        return performed;
    }

    /// <summary>Where a sweep's time goes, for its log line (a storm's figures in the README come from it).</summary>
    private sealed class Timing
    {
        public System.Diagnostics.Stopwatch Steps { get; } = new();
        public System.Diagnostics.Stopwatch Committing { get; } = new();
    }

    /// <param name="supervisors">Each owner's supervisor at a level, once a sweep: a storm's clocks share their owning units.</param>
    private async Task<int> RecordAsync(IReadOnlyList<(Candidate Clock, PlannedStep Step)> batch, IReadOnlyDictionary<Guid, UnitInfo> units,
        Dictionary<(Guid Owner, SupervisorLevel Level), Guid?> supervisors, DateTimeOffset now, Timing timing, CancellationToken ct)
    {
        var rows = new List<DeadlineStep>(batch.Count);
        foreach (var (candidate, step) in batch)
        {
            Guid? supervisor = null;
            if (step.Supervisor is { } level && units.TryGetValue(candidate.OrgUnitId, out var owner)
                && !supervisors.TryGetValue((owner.Id, level), out supervisor))
                supervisors[(owner.Id, level)] = supervisor = Supervisor(owner, level, units).Id;
            rows.Add(new DeadlineStep(Guid.CreateVersion7(), candidate.Id, step.Step, step.Kind, step.DueInstant.ToUniversalTime(), now, supervisor));
        }

        timing.Steps.Start();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The steps another sweep recorded first are skipped here: the unique key decides which sweep records a step (and so that
        // its notices are owed once).
        var inserted = await inserter.InsertNewAsync(rows, ct);
        timing.Steps.Stop();
        if (inserted.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }
        timing.Committing.Start();
        await transaction.CommitAsync(ct);
        timing.Committing.Stop();
        return inserted.Count;
    }

    /// <summary>Owning units and all their ancestors (ids read from the materialized paths), in two queries.</summary>
    private async Task<IReadOnlyDictionary<Guid, UnitInfo>> LoadUnitsAsync(IReadOnlyList<Guid> owners, CancellationToken ct)
    {
        var owning = await db.Set<OrgUnit>().AsNoTracking().Where(u => owners.Contains(u.Id))
            .Select(u => new UnitInfo(u.Id, u.IssuingBodyName ?? u.Name, u.Kind, u.Path)).ToListAsync(ct);
        var ancestorIds = owning.SelectMany(u => PathIds(u.Path)).Distinct().Except(owning.Select(u => u.Id)).ToList();
        var ancestors = await db.Set<OrgUnit>().AsNoTracking().Where(u => ancestorIds.Contains(u.Id))
            .Select(u => new UnitInfo(u.Id, u.IssuingBodyName ?? u.Name, u.Kind, u.Path)).ToListAsync(ct);
        return owning.Concat(ancestors).ToDictionary(u => u.Id);
    }

    private static IEnumerable<Guid> PathIds(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"));

    /// <summary>
    /// The unit above the owner that supervises a step: its parent; the county (区县) above it; the
    /// city. A unit already at or above the asked level is supervised by its parent (the root by itself).
    /// </summary>
    private static UnitInfo Supervisor(UnitInfo owner, SupervisorLevel level, IReadOnlyDictionary<Guid, UnitInfo> units)
    {
        var chain = PathIds(owner.Path).Select(id => units.GetValueOrDefault(id)).OfType<UnitInfo>().ToList();
        var parent = chain.Count >= 2 ? chain[^2] : owner;
        return level switch
        {
            SupervisorLevel.County when owner.Kind > OrgUnitKind.County => chain.FirstOrDefault(u => u.Kind == OrgUnitKind.County) ?? parent,
            SupervisorLevel.City when owner.Kind > OrgUnitKind.City => chain.FirstOrDefault(u => u.Kind == OrgUnitKind.City) ?? parent,
            _ => parent,
        };
    }
}
