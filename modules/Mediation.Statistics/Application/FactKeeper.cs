using Mediation.Cases;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.OrgUnits;
using Mediation.JointMeetings;
using Mediation.LegalWindows;
using Mediation.Petitions;
using Mediation.ServiceDesk;
using Mediation.Statistics.Domain;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mediation.Statistics.Application;

/// <summary>
/// Keeps the fact rows equal to what the modules' read contracts say now: a changed record is read again and its row replaced,
/// a record that no longer exists (or is no longer counted) loses its row. Order and repetition of change events do not matter.
/// </summary>
internal sealed class FactKeeper(MediationDbContext db, MonthlyCounter counter, IOrgUnitDirectory units, BulkInserter bulk,
    ICaseStatisticsSource cases, IPetitionStatisticsSource petitions, IServiceStatisticsSource services, ITaskStatisticsSource tasks,
    IDeskRequestStatisticsSource desk)
{
    private readonly Dictionary<Guid, string> _unitKeys = [];

    public static readonly IReadOnlyList<RecordKind> Kinds = [RecordKind.Case, RecordKind.Petition, RecordKind.LegalService, RecordKind.MeetingTask, RecordKind.DeskRequest];

    public Task<IReadOnlyList<Guid>> AllIdsAsync(RecordKind kind, CancellationToken ct) => kind switch
    {
        RecordKind.Case => cases.AllIdsAsync(ct),
        RecordKind.Petition => petitions.AllIdsAsync(ct),
        RecordKind.LegalService => services.AllIdsAsync(ct),
        RecordKind.DeskRequest => desk.AllIdsAsync(ct),
        _ => tasks.AllIdsAsync(ct),
    };

    /// <summary>The facts the modules' records give now (records not counted give none).</summary>
    public async Task<IReadOnlyList<RecordFact>> ReadAsync(RecordKind kind, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var facts = new List<RecordFact>();
        switch (kind)
        {
            case RecordKind.Case:
                foreach (var row in await cases.ReadAsync(ids, ct)) facts.Add(await FromCaseAsync(row, ct));
                break;
            case RecordKind.Petition:
                foreach (var row in await petitions.ReadAsync(ids, ct)) facts.Add(await FromPetitionAsync(row, ct));
                break;
            case RecordKind.LegalService:
                foreach (var row in await services.ReadAsync(ids, ct)) facts.Add(await FromServiceAsync(row, ct));
                break;
            case RecordKind.DeskRequest:
                foreach (var row in await desk.ReadAsync(ids, ct)) facts.Add(await FromDeskRequestAsync(row, ct));
                break;
            default:
                foreach (var row in await tasks.ReadAsync(ids, ct)) facts.Add(await FromTaskAsync(row, ct));
                break;
        }
        return facts;
    }

    /// <summary>
    /// The facts of the next <paramref name="count"/> records of <paramref name="kind"/> after <paramref name="after"/>, in the database's
    /// order of ids, through the module's paged read (one projected query a page instead of a list of ids).
    /// </summary>
    public async Task<KeysetPage<RecordFact>> ReadPageAsync(RecordKind kind, Guid? after, int count, CancellationToken ct) => kind switch
    {
        RecordKind.Case => await FactsAsync(await cases.ReadPageAsync(after, count, ct), FromCaseAsync, ct),
        RecordKind.Petition => await FactsAsync(await petitions.ReadPageAsync(after, count, ct), FromPetitionAsync, ct),
        RecordKind.LegalService => await FactsAsync(await services.ReadPageAsync(after, count, ct), FromServiceAsync, ct),
        RecordKind.DeskRequest => await FactsAsync(await desk.ReadPageAsync(after, count, ct), FromDeskRequestAsync, ct),
        _ => await FactsAsync(await tasks.ReadPageAsync(after, count, ct), FromTaskAsync, ct),
    };

    private static async Task<KeysetPage<RecordFact>> FactsAsync<TRow>(KeysetPage<TRow> page, Func<TRow, CancellationToken, Task<RecordFact>> factOf,
        CancellationToken ct)
    {
        var facts = new List<RecordFact>(page.Rows.Count);
        foreach (var row in page.Rows) facts.Add(await factOf(row, ct));
        return new(facts, page.Read, page.Last);
    }

    /// <summary>
    /// Makes the kept facts of <paramref name="kind"/> whose record ids fall in (<paramref name="after"/>, <paramref name="last"/>] — a
    /// page's range, every record of it read — equal to <paramref name="facts"/>, in one transaction (the recount's, which read the page
    /// holding the kind's lock, or one of its own): an equal row stays, a changed one is
    /// replaced, a row of a record that no longer exists or gives none is deleted, and new rows are written in bulk (COPY on PostgreSQL,
    /// a prepared INSERT on SQLite) instead of through the change tracker. <paramref name="last"/> null: every id after
    /// <paramref name="after"/> (the rest, after the last page). The monthly and daily counts are left alone (the recount reconciles them
    /// once at the end).
    /// </summary>
    public async Task ReplaceRangeAsync(RecordKind kind, Guid? after, Guid? last, IReadOnlyList<RecordFact> facts, CancellationToken ct)
    {
        await using var transaction = await FactLocks.BeginOrJoinAsync(db, [kind], ct);
        var range = db.Set<RecordFact>().Where(f => f.Kind == kind);
        if (after is { } start) range = range.Where(f => f.RecordId.CompareTo(start) > 0);
        if (last is { } end) range = range.Where(f => f.RecordId.CompareTo(end) <= 0);
        var stale = await range.AsNoTracking().ToDictionaryAsync(f => f.RecordId, ct);
        var written = new List<RecordFact>(facts.Count);
        foreach (var fact in facts)
        {
            if (stale.TryGetValue(fact.RecordId, out var kept) && kept.SameAs(fact)) stale.Remove(fact.RecordId);
            else written.Add(fact);
        }
        foreach (var gone in stale.Keys.Chunk(500))
            await db.Set<RecordFact>().Where(f => f.Kind == kind && gone.Contains(f.RecordId)).ExecuteDeleteAsync(ct);
        await bulk.InsertAsync(written, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    public Task RefreshAsync(RecordKind kind, IReadOnlyCollection<Guid> ids, CancellationToken ct) => RefreshAsync(kind, ids, moveCounts: true, ct);

    /// <summary>
    /// Reads the records again and stores their facts, the read inside the transaction that holds the kind's lock: a recount's page or
    /// another host's refresh of the same records then cannot write an older reading after this one (see <see cref="FactLocks"/>).
    /// </summary>
    public async Task RefreshAsync(RecordKind kind, IReadOnlyCollection<Guid> ids, bool moveCounts, CancellationToken ct)
    {
        await using var transaction = await FactLocks.BeginOrJoinAsync(db, [kind], ct);
        await StoreAsync(kind, ids, await ReadAsync(kind, ids, ct), moveCounts, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    public Task StoreAsync(RecordKind kind, IReadOnlyCollection<Guid> ids, IReadOnlyList<RecordFact> facts, CancellationToken ct) =>
        StoreAsync(kind, ids, facts, moveCounts: true, ct);

    /// <summary>
    /// Replaces the facts of <paramref name="ids"/> with <paramref name="facts"/> (an id without one loses its row) and moves the monthly
    /// counts by the difference, all in one transaction (the change event's, or one of its own). Without <paramref name="moveCounts"/> the
    /// counts are left alone: a full recount reconciles them with the facts once at the end instead of row by row for every batch.
    /// Facts derived from records must have been read in the same transaction after the kind's lock was taken, as
    /// <see cref="RefreshAsync(RecordKind, IReadOnlyCollection{Guid}, bool, CancellationToken)"/> does.
    /// </summary>
    public async Task StoreAsync(RecordKind kind, IReadOnlyCollection<Guid> ids, IReadOnlyList<RecordFact> facts, bool moveCounts, CancellationToken ct)
    {
        var idList = ids.Distinct().ToList();
        await using var transaction = await FactLocks.BeginOrJoinAsync(db, [kind], ct);
        var existing = await db.Set<RecordFact>().Where(f => f.Kind == kind && idList.Contains(f.RecordId)).ToDictionaryAsync(f => f.RecordId, ct);
        var before = existing.Values.Select(Copy).ToList();
        var added = new List<RecordFact>();
        foreach (var fact in facts)
        {
            if (existing.Remove(fact.RecordId, out var row)) row.CopyFrom(fact);
            else added.Add(fact);
        }
        db.RemoveRange(existing.Values);
        if (moveCounts) await counter.ApplyAsync(before, facts, ct);
        await db.SaveChangesAsync(ct);
        // New facts (every registration's, a round's worth at a time) as the recount writes them: a prepared INSERT on SQLite, COPY on
        // PostgreSQL, instead of the change tracker and a command each — inside SQLite's write gate, which registrations wait for (issue 17).
        // Facts are not audited, so the tracker's save gave them nothing more.
        await bulk.InsertAsync(added, ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    private static RecordFact Copy(RecordFact fact)
    {
        var copy = new RecordFact { Kind = fact.Kind, RecordId = fact.RecordId };
        copy.CopyFrom(fact);
        return copy;
    }

    private async Task<RecordFact> NewAsync(RecordKind kind, Guid id, string number, Guid orgUnitId, DateTimeOffset receivedAt, CancellationToken ct) => new()
    {
        Kind = kind, RecordId = id, Number = number.Length > RecordFact.NumberMaxLength ? number[..RecordFact.NumberMaxLength] : number,
        OrgUnitId = orgUnitId, UnitKey = await UnitKeyAsync(orgUnitId, ct), ReceivedOn = ChinaTime.DateOf(receivedAt),
    };

    private static DateOnly? DateOf(DateTimeOffset? at) => at is { } instant ? ChinaTime.DateOf(instant) : null;

    private async Task<RecordFact> FromCaseAsync(CaseStatisticsRow row, CancellationToken ct)
    {
        var fact = await NewAsync(RecordKind.Case, row.CaseId, row.Number, row.OrgUnitId, row.RegisteredAt, ct);
        fact.DueOn = row.TermDueDate;
        fact.Outcome = row.Outcome?.ToString();
        fact.Succeeded = row.Outcome is CaseOutcome.Succeeded or CaseOutcome.OralAgreement;
        fact.Category = row.DisputeType.ToString();
        fact.Source = row.Source.ToString();
        (fact.Rated, fact.Satisfied) = (row.Rated, row.Satisfied);
        fact.CriminalOn = row.BecameCriminalOn;
        fact.JudicialAppliedOn = row.JudicialAppliedOn;
        fact.JudicialConfirmedOn = row.CourtDecision is CourtDecision.Confirmed ? row.CourtDecidedOn : null;
        fact.Conclude(DateOf(row.ConcludedAt));
        return fact;
    }

    private async Task<RecordFact> FromPetitionAsync(PetitionStatisticsRow row, CancellationToken ct)
    {
        var fact = await NewAsync(RecordKind.Petition, row.PetitionId, row.Number, row.OrgUnitId, row.ReceivedAt, ct);
        fact.DecidedOn = DateOf(row.DecidedAt);
        fact.DecisionDueOn = row.AcceptanceDueDate;
        fact.DueOn = row.HandlingDueDate;
        fact.Outcome = row.Status.ToString();
        fact.Category = row.Category?.ToString();
        fact.Source = row.Channel.ToString();
        fact.Conclude(DateOf(row.RepliedAt));
        return fact;
    }

    private async Task<RecordFact> FromServiceAsync(ServiceStatisticsRow row, CancellationToken ct)
    {
        var fact = await NewAsync(RecordKind.LegalService, row.RecordId, row.Number, row.OrgUnitId, row.ServedAt, ct);
        fact.Category = row.Kind.ToString();
        fact.DueOn = row.ErrandDueDate;
        fact.Outcome = row.ReferredToMediation ? "ReferredToMediation" : null;
        fact.Conclude(DateOf(row.ErrandClosedAt));
        return fact;
    }

    private async Task<RecordFact> FromTaskAsync(TaskStatisticsRow row, CancellationToken ct)
    {
        var fact = await NewAsync(RecordKind.MeetingTask, row.TaskId, row.Number, row.OrgUnitId, row.AssignedAt, ct);
        fact.DueOn = row.DueDate;
        fact.Outcome = row.Status.ToString();
        fact.Conclude(DateOf(row.AcceptedAt));
        return fact;
    }

    private async Task<RecordFact> FromDeskRequestAsync(DeskRequestStatisticsRow row, CancellationToken ct)
    {
        var fact = await NewAsync(RecordKind.DeskRequest, row.RequestId, row.Number, row.OrgUnitId, row.SubmittedAt, ct);
        fact.DecidedOn = DateOf(row.AcknowledgedAt);
        fact.Succeeded = row.RespondedOnTime;
        fact.Outcome = row.Status.ToString();
        fact.Category = row.Kind.ToString();
        (fact.Rated, fact.Satisfied) = (row.Rating is not null, row.Satisfied);
        fact.Conclude(DateOf(row.ConcludedAt));
        return fact;
    }

    /// <summary>
    /// The facts of every unit at or below <paramref name="orgUnitId"/> get the key of the unit's place in the tree now: one UPDATE per
    /// unit over the OrgUnitId index, touching only rows whose key changed, so a repeated or late delivery changes nothing. The unit's
    /// monthly and daily counts move with them: a key is one unit's path, so the rows under its old key are all its own (the empty key of
    /// unknown units excepted, whose facts are moved one by one).
    /// </summary>
    public async Task RekeySubtreeAsync(Guid orgUnitId, CancellationToken ct)
    {
        // Every kind's lock before the tree is read: a refresh that read the unit's old place cannot write its old key after this.
        await using var transaction = await FactLocks.BeginOrJoinAsync(db, Kinds, ct);
        if (await units.FindAsync(orgUnitId, ct) is not { } moved) return;
        foreach (var unit in await units.SubtreeAsync(moved.Path, ct))
        {
            var key = RecordFact.UnitKeyOf(unit.Path);
            var oldKeys = await db.Set<RecordFact>().Where(f => f.OrgUnitId == unit.Id && f.UnitKey != key).Select(f => f.UnitKey).Distinct().ToListAsync(ct);
            foreach (var oldKey in oldKeys)
            {
                if (oldKey.Length == 0)
                {
                    var facts = await db.Set<RecordFact>().AsNoTracking().Where(f => f.OrgUnitId == unit.Id && f.UnitKey == oldKey).ToListAsync(ct);
                    var rekeyed = facts.Select(Copy).ToList();
                    rekeyed.ForEach(f => f.UnitKey = key);
                    await counter.ApplyAsync(facts, rekeyed, ct);
                }
                else
                {
                    await MoveCountsAsync<MonthlyCount>(oldKey, key, ct);
                    await MoveCountsAsync<DailyCount>(oldKey, key, ct);
                }
                // Saved before the next old key's rows: two of them may add to the same new row.
                await db.SaveChangesAsync(ct);
            }
            await db.Set<RecordFact>().Where(f => f.OrgUnitId == unit.Id && f.UnitKey != key)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.UnitKey, key), ct);
            _unitKeys[unit.Id] = key;
        }
        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    /// <summary>Every count row of <paramref name="oldKey"/> moved to <paramref name="key"/> (added there, subtracted here).</summary>
    private async Task MoveCountsAsync<TRow>(string oldKey, string key, CancellationToken ct) where TRow : CountRow<TRow>, new()
    {
        var differences = new List<TRow>();
        foreach (var row in await db.Set<TRow>().AsNoTracking().Where(m => m.UnitKey == oldKey).ToListAsync(ct))
        {
            var added = row.EmptyCopy();
            added.UnitKey = key;
            added.Add(row, +1);
            var removed = row.EmptyCopy();
            removed.Add(row, -1);
            differences.Add(removed);
            differences.Add(added);
        }
        await counter.ApplyAsync(MonthlyCounter.Merge(differences), ct);
    }

    public async Task<string> UnitKeyAsync(Guid orgUnitId, CancellationToken ct)
    {
        if (_unitKeys.TryGetValue(orgUnitId, out var key)) return key;
        var unit = await units.FindAsync(orgUnitId, ct);
        // A record of a unit unknown to the tree counts in no subtree: no key starts with the empty one's range.
        key = unit is null ? "" : RecordFact.UnitKeyOf(unit.Path);
        _unitKeys[orgUnitId] = key;
        return key;
    }
}

/// <summary>
/// A fact is derived from its record by reading the record and then writing the fact; two such writers of one record (a change event's
/// refresh on one host and a recount's page, or a second host's refresh) could otherwise interleave so that the older reading is written
/// last and the figures stay wrong until the record changes again. Each kind of record therefore has one lock
/// (<see cref="TransactionLocks"/>) that every writer of its facts holds from before its read until its commit; a unit's move and the
/// counts' reconciliation take every kind's, always in <see cref="FactKeeper.Kinds"/> order, so two writers never wait for each other.
/// </summary>
internal static class FactLocks
{
    /// <summary>The lock's name, fixed: every host and release must take the same one.</summary>
    public static string NameOf(RecordKind kind) => "statistics.facts." + kind;

    // The kinds whose locks each open transaction holds. A writer joining a transaction that already holds its lock (a refresh's store,
    // a recount page's replace) would take it again for nothing: a round trip on PostgreSQL and SQL Server, whose locks are re-entrant.
    // Keyed weakly by EF's transaction object, new for every transaction begun, so an entry ends with its transaction. Not by the ADO.NET
    // transaction: Npgsql reuses one NpgsqlTransaction object for a connection's successive transactions.
    private static readonly ConditionalWeakTable<IDbContextTransaction, HashSet<RecordKind>> Held = new();

    /// <summary>
    /// Takes the locks of <paramref name="kinds"/> in the caller's transaction, or in a new one that is returned for the caller to commit
    /// (null when the caller's is used).
    /// </summary>
    public static async Task<IDbContextTransaction?> BeginOrJoinAsync(MediationDbContext db, IReadOnlyList<RecordKind> kinds, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var held = Held.GetOrCreateValue(db.Database.CurrentTransaction!);
            foreach (var kind in FactKeeper.Kinds.Where(kinds.Contains))
            {
                if (held.Contains(kind)) continue;
                await db.TakeTransactionLockAsync(NameOf(kind), ct);
                held.Add(kind);
            }
            return own;
        }
        catch
        {
            if (own is not null) await own.DisposeAsync();
            throw;
        }
    }
}
