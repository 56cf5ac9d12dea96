using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Localization;
using Mediation.Core.Notifications;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Web.Deadlines;

/// <summary>
/// Writes the notices of the recorded steps that still owe them (<see cref="DeadlineStep.NotifiedAt"/> empty): after each sweep,
/// and so also the steps a crash between a sweep and its notices left behind. A step is claimed (its NotifiedAt set, only where it
/// is still empty) in the transaction that writes its notices and their audit rows, so a retried job, or two hosts running it at
/// once, tell each unit once: a runner whose claim finds a step already taken by a committed transaction writes nothing for it.
/// </summary>
internal sealed class DeadlineNoticeJob(
    MediationDbContext db, DeadlinePolicies policies, StepInserter inserter, RowInserter rowInserter, NoticeOutbox notices, AuditContext audit,
    IEnumerable<IDeadlineRecordDescriber> describers, TextCatalog texts, TimeProvider clock, ILogger<DeadlineNoticeJob> logger)
{
    private static readonly DeadlineRecordDescription Unnamed = new("");

    private static readonly System.Globalization.CultureInfo Chinese = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

    // Read once a run, not once per notice of a storm.
    private readonly Dictionary<string, string> policyNames = new(StringComparer.Ordinal);

    private sealed record OwedStep(Guid Id, Guid ClockId, string Step, DeadlineStepKind Kind, DateTimeOffset DueInstant, DateTimeOffset RecordedAt,
        Guid? SupervisorOrgUnitId, string RecordType, Guid RecordId, Guid OrgUnitId, string PolicyName, DateOnly? DueDate, DateTimeOffset? DueAt);

    /// <summary>
    /// Owed steps read at a time. A host that was down for days (or whose notice job failed across a storm) can owe hundreds of
    /// thousands; reading them page by page keeps a run's memory and each query's list of ids bounded. Settable for tests.
    /// </summary>
    internal int StepsPerRead { get; set; } = 10_000;

    /// <summary>The number of steps whose notices this run wrote.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var (rendering, writing) = (new System.Diagnostics.Stopwatch(), new System.Diagnostics.Stopwatch());
        var (told, written) = (0, 0);
        // One writer of the notices' audit rows for the run: its buffer and each column's getter and encoded name are reused.
        using var auditRows = new CreatedAuditRows(audit, db.Model.FindEntityType(typeof(Notice))!);
        var unitNames = new Dictionary<Guid, string>();
        // Keyset pages by id: a step this run claims is no longer owed, one another runner claims is skipped, so each page starts
        // after the last one read and the run ends. A step recorded during the run with a smaller id waits for the next run.
        Guid? after = null;
        while (true)
        {
            var owed = await OwedStepsAsync(after, ct);
            if (owed.Count == 0) break;
            after = owed[^1].Id;

            var unitIds = owed.Select(s => s.OrgUnitId).Concat(owed.Select(s => s.SupervisorOrgUnitId).OfType<Guid>())
                .Where(id => !unitNames.ContainsKey(id)).Distinct().ToList();
            foreach (var (id, name) in await db.Set<OrgUnit>().AsNoTracking().Where(u => unitIds.Contains(u.Id))
                         .Select(u => new { u.Id, Name = u.IssuingBodyName ?? u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct))
                unitNames[id] = name;
            await notices.PreloadUnitsAsync(unitIds, ct);
            var records = await DescribeAsync(owed, ct);

            foreach (var batch in owed.Chunk(inserter.StepsPerTransaction))
            {
                // Rendered before the transaction: on SQLite its one writer is held only for the writing.
                rendering.Start();
                var composed = batch.ToDictionary(s => s.Id, s => Notices(s, unitNames, records));
                rendering.Stop();
                writing.Start();
                var claimed = await WriteAsync(composed, auditRows, ct);
                writing.Stop();
                written += claimed.Count;
                told += claimed.Sum(id => composed[id].Count);
            }
            if (owed.Count < StepsPerRead) break;
        }
        if (written > 0)
            logger.LogInformation(
                "Deadline notices written for {Steps} recorded steps: {Notices} notices in {Milliseconds} ms (rendering {Rendering} ms, " +
                "notices and audit rows written {Writing} ms; host CPU {Cpu} ms)", written, told,
                (int)(clock.GetUtcNow() - started).TotalMilliseconds, rendering.ElapsedMilliseconds, writing.ElapsedMilliseconds,
                (int)(Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds);
        return written;
    }

    /// <summary>The next page of steps that owe their notices, by id, after <paramref name="after"/> (from the first when null).</summary>
    private async Task<IReadOnlyList<OwedStep>> OwedStepsAsync(Guid? after, CancellationToken ct)
    {
        var steps = db.Set<DeadlineStep>().AsNoTracking().Where(s => s.NotifiedAt == null);
        if (after is { } start) steps = steps.Where(s => s.Id.CompareTo(start) > 0);
        return await (
                from s in steps
                join c in db.Set<DeadlineClock>().AsNoTracking() on s.ClockId equals c.Id
                orderby s.Id
                select new OwedStep(s.Id, s.ClockId, s.Step, s.Kind, s.DueInstant, s.RecordedAt, s.SupervisorOrgUnitId, c.RecordType, c.RecordId,
                    c.OrgUnitId, c.PolicyName, c.DueDate, c.DueAt))
            .Take(StepsPerRead)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Claims the steps and writes their notices and audit rows in one transaction; returns the steps claimed. A claim that finds
    /// fewer steps owing than it asked for (another runner's transaction took some) is rolled back and retried with the rest.
    /// </summary>
    private async Task<IReadOnlyList<Guid>> WriteAsync(IReadOnlyDictionary<Guid, IReadOnlyList<Notice>> composed, CreatedAuditRows auditRows,
        CancellationToken ct)
    {
        var ids = composed.Keys.ToList();
        while (ids.Count > 0)
        {
            var now = clock.GetUtcNow().ToUniversalTime();
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                // Waits for a concurrent claim of the same rows to commit or roll back, then counts only those still owing.
                var claimed = await db.Set<DeadlineStep>().Where(s => ids.Contains(s.Id) && s.NotifiedAt == null)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.NotifiedAt, now), ct);
                if (claimed == ids.Count)
                {
                    var told = ids.SelectMany(id => composed[id]).ToList();
                    await rowInserter.InsertAsync(told, ct);
                    await rowInserter.InsertAsync(told.Select(auditRows.Entry), ct);
                    await transaction.CommitAsync(ct);
                    return ids;
                }
                await transaction.RollbackAsync(ct);
            }
            ids = await db.Set<DeadlineStep>().AsNoTracking().Where(s => ids.Contains(s.Id) && s.NotifiedAt == null).Select(s => s.Id).ToListAsync(ct);
        }
        return ids;
    }

    /// <summary>The step's notices, as the sweep wrote them when it recorded the step (issued on the day it was recorded).</summary>
    private IReadOnlyList<Notice> Notices(OwedStep s, IReadOnlyDictionary<Guid, string> unitNames, IReadOnlyDictionary<(string, Guid), DeadlineRecordDescription> records)
    {
        var record = records.GetValueOrDefault((s.RecordType, s.RecordId), Unnamed);
        var policy = policies.Find(s.PolicyName);
        var dueAt = s.DueAt ?? s.DueInstant;
        var model = new Dictionary<string, object?>
        {
            ["step"] = s.Kind.ToString(),
            ["step_name"] = StepName(s.Kind),
            ["record"] = record.Label,
            ["holder"] = record.Holder ?? "",
            ["policy_name"] = PolicyName(s.PolicyName),
            ["policy_description"] = policy?.Description ?? "",
            ["with_time"] = policy is { IsDayBased: false },
            ["due_date"] = (s.DueDate ?? ChinaTime.DateOf(dueAt)).ToDateTime(TimeOnly.MinValue),
            ["due_at"] = ChinaTime.ToChina(dueAt).DateTime,
            ["unit_name"] = unitNames.GetValueOrDefault(s.OrgUnitId, ""),
            ["supervisor_name"] = s.SupervisorOrgUnitId is { } supervisor ? unitNames.GetValueOrDefault(supervisor, "") : "",
            ["issued_on"] = ChinaTime.DateOf(s.RecordedAt).ToDateTime(TimeOnly.MinValue),
        };
        // The source key names the step by its unique key (clock, step, due instant), as before.
        var key = $"{s.ClockId:N}:{s.Step}:{s.DueInstant.UtcTicks}";
        var recipients = DeadlineStep.Recipients(s.Kind, s.OrgUnitId, s.SupervisorOrgUnitId);
        var template = s.Kind is DeadlineStepKind.Reminder ? "deadline-reminder" : "deadline-escalation";
        return notices.Compose(new NoticeRequest(template, recipients[0], model, key, record.Link), recipients);
    }

    /// <summary>Each module names its own records; one call per record type for all the steps of this run.</summary>
    private async Task<IReadOnlyDictionary<(string, Guid), DeadlineRecordDescription>> DescribeAsync(IReadOnlyList<OwedStep> steps, CancellationToken ct)
    {
        var result = new Dictionary<(string, Guid), DeadlineRecordDescription>();
        foreach (var group in steps.GroupBy(s => s.RecordType, StringComparer.Ordinal))
        {
            var describer = describers.FirstOrDefault(d => d.RecordTypes.Contains(group.Key));
            if (describer is null) continue;
            var ids = group.Select(s => s.RecordId).Distinct().ToList();
            foreach (var (id, description) in await describer.DescribeAsync(group.Key, ids, ct))
                result[(group.Key, id)] = description;
        }
        return result;
    }

    private string PolicyName(string policy)
    {
        if (!policyNames.TryGetValue(policy, out var name))
            policyNames[policy] = name = texts.Find(DeadlineSweepJob.PolicyNameKey(policy), Chinese) ?? "办理期限";
        return name;
    }

    private static string StepName(DeadlineStepKind kind) => kind switch
    {
        DeadlineStepKind.Urge => "催办",
        DeadlineStepKind.Supervise => "督办",
        DeadlineStepKind.Circulate => "通报",
        _ => "期限提醒",
    };
}
