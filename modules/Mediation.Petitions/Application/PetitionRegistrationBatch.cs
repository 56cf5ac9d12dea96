using System.Runtime.ExceptionServices;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Domain;
using Mediation.Core.Numbering;
using Mediation.Petitions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Petitions.Application;

/// <summary>
/// A registration validated, encrypted and with its clocks computed, waiting for its number and its write.
/// <paramref name="Build"/> makes the petition, given its number or <see cref="PetitionNumber.Pending"/> (it may run twice: again alone
/// after a failed batch); <paramref name="UnitShortName"/> formats the number drawn for it;
/// <paramref name="Clocks"/> are its clocks, computed on the process's copy of the calendar and confirmed by the batch; <paramref name="Actor"/> is the
/// request's caller, named by every audit row of the registration whoever saves it, and <paramref name="CallerScopePath"/> his
/// subtree, which the unit (read in the request at <paramref name="UnitPath"/>) must lie in.
/// </summary>
internal sealed record PendingRegistration(Guid OrgUnitId, string UnitPath, string UnitShortName, int Year, Func<PetitionNumber, Petition> Build,
    IReadOnlyList<PlannedClockStart> Clocks, AuditActor Actor, string? CallerScopePath)
{
    /// <summary>True: this registration's request writes the next batch; false: another request wrote it.</summary>
    internal TaskCompletionSource<bool> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Petition? Registered { get; set; }

    internal ExceptionDispatchInfo? Failure { get; set; }
}

/// <summary>
/// Group commit of petition registrations (issue 17). The registrations that arrive while one batch is being written wait, and
/// the request of the first of them then writes them all: one transaction, the numbers of each unit and year in one upsert
/// (<c>LastValue = LastValue + N</c>, gap-free as the batch commits or rolls back together), one SaveChanges with their clocks,
/// audit rows (each attributed to its own request) and one change-feed message, one commit. On SQLite the write gate and the
/// commit are paid once per batch, on PostgreSQL the unit's counter row is locked once per batch instead of once per
/// registration. A failed batch is written again one registration at a time, so each request gets its own error and the
/// others their numbers. Nothing waits for a timer: a batch is whatever queued while the previous one was written.
/// </summary>
internal sealed class PetitionRegistrationBatch(IServiceScopeFactory scopes)
{
    /// <summary>Registrations per transaction: about 11 rows each, well inside PostgreSQL's parameter limit for one batch.</summary>
    internal const int MaxBatch = 64;

    private readonly List<PendingRegistration> _queue = [];
    private bool _writing;

    /// <summary>Queues the registration and returns it once written, by this request or by the one writing its batch.</summary>
    public async Task<Petition> RegisterAsync(PendingRegistration registration)
    {
        bool lead;
        lock (_queue)
        {
            _queue.Add(registration);
            lead = !_writing;
            _writing = true;
        }
        // No cancellation here: a registration handed over is written, and the writer's turn must be taken when it comes.
        if (!lead) lead = await registration.Turn.Task;
        if (lead) await WriteNextBatchAsync();
        registration.Failure?.Throw();
        return registration.Registered!;
    }

    /// <summary>Writes the queue's first batch (it holds the caller's registration), then hands the writer's turn on.</summary>
    private async Task WriteNextBatchAsync()
    {
        List<PendingRegistration> batch;
        lock (_queue)
        {
            batch = _queue.Take(MaxBatch).ToList();
            _queue.RemoveRange(0, batch.Count);
        }
        try
        {
            await WriteAsync(batch);
        }
        finally
        {
            PendingRegistration? next = null;
            lock (_queue)
            {
                if (_queue.Count > 0) next = _queue[0];
                else _writing = false;
            }
            foreach (var done in batch) done.Turn.TrySetResult(false);
            next?.Turn.TrySetResult(true);
        }
    }

    /// <summary>Writes the registrations together; if that fails, each alone. Every registration ends written or failed.</summary>
    internal async Task WriteAsync(IReadOnlyList<PendingRegistration> batch)
    {
        try
        {
            await WriteTogetherAsync(batch);
            return;
        }
        catch (Exception ex) when (batch.Count == 1)
        {
            batch[0].Failure = ExceptionDispatchInfo.Capture(ex);
            return;
        }
        catch (Exception)
        {
            // Rolled back with its numbers; which registration failed shows when each is written alone.
        }
        foreach (var registration in batch)
        {
            try
            {
                await WriteTogetherAsync([registration]);
            }
            catch (Exception ex)
            {
                registration.Failure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }

    private async Task WriteTogetherAsync(IReadOnlyList<PendingRegistration> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var numbers = scope.ServiceProvider.GetRequiredService<INumberSequence>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditContext>();

        // One read of the calendar's year stamps for the batch (each request used to read them); a clock planned on a copy that another
        // scope or host has changed since is computed again. A read: before the transaction, so the write gate does not wait for it.
        await scope.ServiceProvider.GetRequiredService<IDeadlineClocks>().ConfirmPlannedAsync([.. batch.SelectMany(r => r.Clocks)], CancellationToken.None);
        // Built and tracked before the transaction, their numbers still to be drawn: on SQLite every other writer waits while the gate is
        // held, and building and tracking a batch was about 8% of the registrations' time in it (3.6 s of 44 s in one run, issue 17).
        // Every entity a registration brings (petition, petitioners, events, clocks) is audited in its request's name.
        AuditActor? actor = null;
        void Attribute(object? sender, EntityTrackedEventArgs e)
        {
            if (actor is not null) audit.AttributeTo(e.Entry.Entity, actor);
        }
        db.ChangeTracker.Tracked += Attribute;
        var petitions = new Petition[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            // The save checks each record's unit against the caller's subtree; the batch's own scope is whichever request writes it.
            if (!db.UnitReadForCaller(batch[i].OrgUnitId, batch[i].UnitPath, batch[i].CallerScopePath))
                throw new EntityNotFoundException("OrgUnit", batch[i].OrgUnitId);
            actor = batch[i].Actor;
            petitions[i] = batch[i].Build(PetitionNumber.Pending(batch[i].Year));
            db.Add(petitions[i]);
            foreach (var start in batch[i].Clocks) db.Add(start.Entity);
        }
        actor = null;
        db.ChangeTracker.Tracked -= Attribute;

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // The numbers are the transaction's first statement (the counter's row lock is held to the commit). Units in a fixed order,
        // so two hosts' batches naming the same units cannot wait for each other. Taken by the entities before the save reads them.
        foreach (var group in batch.Select((r, i) => (r, i)).GroupBy(x => (x.r.OrgUnitId, x.r.Year)).OrderBy(g => g.Key.OrgUnitId).ThenBy(g => g.Key.Year))
        {
            var members = group.ToList();
            var next = await numbers.TakeAsync(PetitionNumber.Kind, group.Key.OrgUnitId, group.Key.Year, members.Count, CancellationToken.None) - members.Count + 1;
            foreach (var (registration, i) in members) petitions[i].AssignNumber(new PetitionNumber(group.Key.Year, next++), registration.UnitShortName);
        }

        // A failed save rolls the whole transaction back: EF's savepoint around it would only cost two commands.
        db.Database.AutoSavepointsEnabled = false;
        // Everything here was added (an added entity's values, the numbers too, are read at the save): the audit's one DetectChanges
        // before the save is enough, where every module's change feed listing the entries would scan the batch's several hundred
        // entities again (issue 17).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        for (var i = 0; i < batch.Count; i++) batch[i].Registered = petitions[i];
    }
}
