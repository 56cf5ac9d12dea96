using Mediation.Core.Deadlines.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Localization;
using Mediation.Core.Notifications;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.Auditing;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Web.Deadlines;

/// <summary>
/// The recurring enforcement of every running clock. The database is the source of truth: one
/// set-based query finds the clocks whose reminders or escalations are due, a second the steps
/// already recorded; each missing step is then inserted-or-skipped against its unique key together
/// with its notices, in one transaction. Retries, restarts and several hosts therefore record and
/// notify each step once, and a sweep that did not run for a while catches up.
/// </summary>
internal sealed class DeadlineSweepJob(
    MediationDbContext db, DeadlinePolicies policies, StepInserter inserter, RowInserter rowInserter, NoticeOutbox notices, AuditContext audit,
    IEnumerable<IDeadlineRecordDescriber> describers, TextCatalog texts, TimeProvider clock, ILogger<DeadlineSweepJob> logger)
{
    public const string JobId = "deadlines:sweep";

    /// <summary>The catalog key of a policy's display name ("受理告知期限"); every module defines one per policy it declares.</summary>
    public static string PolicyNameKey(string policy) => "DeadlinePolicy:" + policy;

    private static readonly DeadlineRecordDescription Unnamed = new("");

    private static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    // Read once a sweep, not once per notice of a storm.
    private readonly Dictionary<string, string> policyNames = new(StringComparer.Ordinal);

    private sealed record Candidate(Guid Id, string RecordType, Guid RecordId, Guid OrgUnitId, string PolicyName, DateOnly? DueDate, DateTimeOffset DueAt);

    private sealed record UnitInfo(Guid Id, string IssuingBodyName, OrgUnitKind Kind, string Path);

    private sealed record Described(IReadOnlyDictionary<(string RecordType, Guid RecordId), DeadlineRecordDescription> Records, DateOnly Today);

    public async Task<int> RunAsync(CancellationToken ct)
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
            .Select(c => new Candidate(c.Id, c.RecordType, c.RecordId, c.OrgUnitId, c.PolicyName, c.DueDate, c.DueAt!.Value))
            .ToListAsync(ct);

        var planned = candidates
            .SelectMany(c => policies.Find(c.PolicyName) is { } policy
                ? StepPlanner.DueSteps(policy, c.DueAt, now).Select(s => (Clock: c, Policy: policy, Step: s))
                : [])
            .ToList();
        if (planned.Count == 0) return 0;

        var clockIds = planned.Select(p => p.Clock.Id).Distinct().ToList();
        var recorded = (await db.Set<DeadlineStep>().AsNoTracking()
                .Where(s => clockIds.Contains(s.ClockId))
                .Select(s => new { s.ClockId, s.Step, s.DueInstant })
                .ToListAsync(ct))
            .Select(s => (s.ClockId, s.Step, s.DueInstant.UtcTicks))
            .ToHashSet();
        var missing = planned.Where(p => !recorded.Contains((p.Clock.Id, p.Step.Step, p.Step.DueInstant.UtcTicks))).ToList();
        if (missing.Count == 0) return 0;

        var units = await LoadUnitsAsync(missing.Select(m => m.Clock.OrgUnitId).Distinct().ToList(), ct);
        var described = new Described(await DescribeAsync(missing.Select(m => m.Clock).ToList(), ct), ChinaTime.DateOf(now));
        reading.Stop();
        var performed = 0;
        var timing = new Timing();
        // Key order, so hosts sweeping at the same moment lock the same keys in the same order; a batch per transaction, so a
        // deadline storm of thousands of steps is a few round trips rather than one transaction per step.
        var ordered = missing.OrderBy(m => m.Clock.Id).ThenBy(m => m.Step.Step, StringComparer.Ordinal).ThenBy(m => m.Step.DueInstant).ToList();
        await notices.PreloadUnitsAsync(units.Keys.Concat(missing.Select(m => m.Clock.OrgUnitId)).ToHashSet(), ct);
        // One writer of the notices' audit rows for the whole storm: its buffer and each column's getter and encoded name are reused.
        using var auditRows = new CreatedAuditRows(audit, db.Model.FindEntityType(typeof(Notice))!);
        foreach (var batch in ordered.Chunk(inserter.StepsPerTransaction))
            performed += await RecordAsync(batch, units, described, now, auditRows, timing, ct);
        if (performed > 0)
            logger.LogInformation(
                "Deadline sweep recorded {Count} reminder/escalation steps of {Clocks} clocks in {Milliseconds} ms (reading {Reading} ms, " +
                "steps {Steps} ms, notices and audit rows composed and written {Writing} ms, of it rendering the notices {Rendering} ms and composing " +
                "their audit rows {Auditing} ms, " +
                "commits {Committing} ms; host CPU {Cpu} ms, {Collections} garbage collections pausing the host {Paused} ms, " +
                "{Allocated} MB allocated)", performed, candidates.Count,
                (int)(clock.GetUtcNow() - now).TotalMilliseconds, reading.ElapsedMilliseconds, timing.Steps.ElapsedMilliseconds,
                timing.Writing.ElapsedMilliseconds, timing.Rendering.ElapsedMilliseconds, timing.Auditing.ElapsedMilliseconds,
                timing.Committing.ElapsedMilliseconds, (int)(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds,
                GC.CollectionCount(0) - collectionsBefore, (int)(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds,
                (GC.GetTotalAllocatedBytes() - allocatedBefore) / 1_000_000);
        return performed;
    }

    /// <summary>Where a sweep's time goes, for its log line (a storm's figures in the README come from it).</summary>
    private sealed class Timing
    {
        public System.Diagnostics.Stopwatch Steps { get; } = new();
        public System.Diagnostics.Stopwatch Writing { get; } = new();

        /// <summary>The host's share of <see cref="Writing"/>: rendering the notices, then serializing their audit rows.</summary>
        public System.Diagnostics.Stopwatch Rendering { get; } = new();

        public System.Diagnostics.Stopwatch Auditing { get; } = new();
        public System.Diagnostics.Stopwatch Committing { get; } = new();
    }

    private async Task<int> RecordAsync(IReadOnlyList<(Candidate Clock, DeadlinePolicy Policy, PlannedStep Step)> batch,
        IReadOnlyDictionary<Guid, UnitInfo> units, Described described, DateTimeOffset now, CreatedAuditRows auditRows, Timing timing,
        CancellationToken ct)
    {
        var rows = batch.Select(m =>
        {
            units.TryGetValue(m.Clock.OrgUnitId, out var owner);
            var supervisor = m.Step.Supervisor is { } level && owner is not null ? Supervisor(owner, level, units) : null;
            var row = new DeadlineStep(Guid.CreateVersion7(), m.Clock.Id, m.Step.Step, m.Step.Kind, m.Step.DueInstant.ToUniversalTime(), now, supervisor?.Id);
            return (m.Clock, m.Policy, m.Step, Owner: owner, Supervisor: supervisor, Row: row);
        }).ToList();

        timing.Steps.Start();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The steps another sweep recorded first are skipped here, with their notices: the unique key decides who notifies.
        var inserted = await inserter.InsertNewAsync(rows.Select(r => r.Row).ToList(), ct);
        timing.Steps.Stop();
        if (inserted.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }
        // The notices are composed while they stream to the database (the provider's bulk path), so rendering in the host and
        // writing in the database overlap; their audit rows, the rows SaveChanges would write, follow the same way.
        timing.Writing.Start();
        var told = new List<Notice>();
        IEnumerable<Notice> Compose()
        {
            foreach (var (c, policy, step, owner, supervisor, row) in rows)
            {
                if (!inserted.Contains(row.Id)) continue;
                timing.Rendering.Start();
                var composed = Notices(c, policy, step, owner, supervisor, described);
                timing.Rendering.Stop();
                foreach (var notice in composed)
                {
                    told.Add(notice);
                    yield return notice;
                }
            }
        }
        await rowInserter.InsertAsync(Compose(), ct);
        await rowInserter.InsertAsync(told.Select(n =>
        {
            timing.Auditing.Start();
            var entry = auditRows.Entry(n);
            timing.Auditing.Stop();
            return entry;
        }), ct);
        timing.Writing.Stop();
        timing.Committing.Start();
        await transaction.CommitAsync(ct);
        timing.Committing.Stop();
        return inserted.Count;
    }

    /// <summary>The step's notices, for units whose codes were preloaded (<see cref="NoticeOutbox.PreloadUnitsAsync"/>).</summary>
    private IReadOnlyList<Notice> Notices(Candidate c, DeadlinePolicy policy, PlannedStep step, UnitInfo? owner, UnitInfo? supervisor,
        Described described)
    {
        var record = described.Records.GetValueOrDefault((c.RecordType, c.RecordId), Unnamed);
        var model = new Dictionary<string, object?>
        {
            ["step"] = step.Kind.ToString(),
            ["step_name"] = StepName(step.Kind),
            ["record"] = record.Label,
            ["holder"] = record.Holder ?? "",
            ["policy_name"] = PolicyName(policy.Name),
            ["policy_description"] = policy.Description,
            ["with_time"] = !policy.IsDayBased,
            ["due_date"] = (c.DueDate ?? ChinaTime.DateOf(c.DueAt)).ToDateTime(TimeOnly.MinValue),
            ["due_at"] = ChinaTime.ToChina(c.DueAt).DateTime,
            ["unit_name"] = owner?.IssuingBodyName ?? "",
            ["supervisor_name"] = supervisor?.IssuingBodyName ?? "",
            ["issued_on"] = described.Today.ToDateTime(TimeOnly.MinValue),
        };
        var key = $"{c.Id:N}:{step.Step}:{step.DueInstant.UtcTicks}";
        if (step.Kind is DeadlineStepKind.Reminder)
            return notices.Compose(new NoticeRequest("deadline-reminder", c.OrgUnitId, model, key, record.Link), [c.OrgUnitId]);
        // An escalation tells the supervising unit and the owner the same text; a root unit supervising itself is told once.
        List<Guid> recipients = supervisor is null ? [c.OrgUnitId] : supervisor.Id == c.OrgUnitId ? [supervisor.Id] : [supervisor.Id, c.OrgUnitId];
        return notices.Compose(new NoticeRequest("deadline-escalation", recipients[0], model, key, record.Link), recipients);
    }

    /// <summary>Each module names its own records; one call per record type for all the clocks of this sweep.</summary>
    private async Task<IReadOnlyDictionary<(string, Guid), DeadlineRecordDescription>> DescribeAsync(IReadOnlyList<Candidate> clocks, CancellationToken ct)
    {
        var result = new Dictionary<(string, Guid), DeadlineRecordDescription>();
        foreach (var group in clocks.GroupBy(c => c.RecordType, StringComparer.Ordinal))
        {
            var describer = describers.FirstOrDefault(d => d.RecordTypes.Contains(group.Key));
            if (describer is null) continue;
            var ids = group.Select(c => c.RecordId).Distinct().ToList();
            foreach (var (id, description) in await describer.DescribeAsync(group.Key, ids, ct))
                result[(group.Key, id)] = description;
        }
        return result;
    }

    private string PolicyName(string policy)
    {
        if (!policyNames.TryGetValue(policy, out var name))
            policyNames[policy] = name = texts.Find(PolicyNameKey(policy), Chinese) ?? "办理期限";
        return name;
    }

    private static string StepName(DeadlineStepKind kind) => kind switch
    {
        DeadlineStepKind.Urge => "催办",
        DeadlineStepKind.Supervise => "督办",
        DeadlineStepKind.Circulate => "通报",
        _ => "期限提醒",
    };

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
