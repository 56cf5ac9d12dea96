using System.Net;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines;
using Mediation.Core.Deadlines.Application;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Messaging;
using Mediation.Core.Numbering;
using Mediation.Core.OrgUnits;
using Mediation.Core.Web;
using Mediation.Petitions;
using Mediation.Petitions.Application;
using Mediation.Petitions.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Petitions;

/// <summary>
/// Issue 17: registrations arriving together are written by one transaction (<see cref="PetitionRegistrationBatch"/>). Whatever
/// batches form, numbers stay distinct and gap-free, every audit row names its own request, and a registration that fails at the
/// save fails alone. The batch tests hand the writer a batch directly, so nothing depends on how requests happen to meet.
/// </summary>
public abstract class PetitionGroupCommit_Tests
{
    protected abstract Task<MediationAppFactory> AppAsync();

    [Fact]
    public async Task Concurrent_registrations_get_distinct_gap_free_numbers_and_audit_rows_in_their_own_requests_name()
    {
        var app = await AppAsync();
        var client = await app.ClientAsAsync("demo.petitionofficer");
        var responses = await Task.WhenAll(Enumerable.Range(400, 20).Select(n => client.PostJsonAsync("/api/petitions", IntakeCost_Tests.Letter(n))));

        var registered = new Dictionary<Guid, string>();
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            registered.Add((await response.ReadAsync<PetitionDto>()).Id, response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single());
        }
        registered.Values.Distinct().Count().ShouldBe(20);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var ids = registered.Keys.ToList();
        var petitions = await db.Set<Petition>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.OrgUnitId, p.Year, p.SequenceNumber }).ToListAsync();
        petitions.Select(p => (p.OrgUnitId, p.Year)).Distinct().ShouldHaveSingleItem();
        var sequences = petitions.Select(p => p.SequenceNumber).Order().ToList();
        sequences.ShouldBe(Enumerable.Range(sequences[0], 20).ToList(), "twenty numbers, none skipped, none twice");
        (await LastNumberAsync(db, petitions[0].OrgUnitId, petitions[0].Year)).ShouldBe(sequences[^1], "no number was taken and not used");

        var clockOf = await db.Set<DeadlineClock>().AsNoTracking().Where(c => ids.Contains(c.RecordId)).ToDictionaryAsync(c => c.Id.ToString(), c => c.RecordId);
        clockOf.Count.ShouldBe(20);
        var audits = await AuditRowsAsync(db, registered.Values);
        foreach (var (id, correlationId) in registered)
        {
            var own = audits.Where(a => a.CorrelationId == correlationId).ToList();
            own.ShouldAllBe(a => a.UserName == "demo.petitionofficer");
            own.Select(a => a.EntityType).Distinct().Order(StringComparer.Ordinal).ShouldBe(["DeadlineClock", "DeadlineClockEvent", "Petition", "PetitionEvent", "Petitioner"]);
            own.Where(a => a.EntityType == "Petition").ShouldHaveSingleItem().EntityId.ShouldBe(id.ToString());
            clockOf[own.Single(a => a.EntityType == "DeadlineClock").EntityId!].ShouldBe(id);
        }
    }

    [Fact]
    public async Task A_batch_is_one_commit_whose_audit_rows_name_each_registrations_own_caller()
    {
        var app = await AppAsync();
        var unit = await OfficersUnitAsync(app);
        var actors = Enumerable.Range(1, 3).Select(i => new AuditActor(Guid.NewGuid(), "caller" + i, "10.0.0." + i, Guid.NewGuid().ToString("N"))).ToList();
        var batch = new List<PendingRegistration>();
        foreach (var actor in actors) batch.Add(await PendingAsync(app, unit, actor));

        await app.Services.GetRequiredService<PetitionRegistrationBatch>().WriteAsync(batch);

        batch.ShouldAllBe(r => r.Failure == null && r.Registered != null);
        var sequences = batch.Select(r => r.Registered!.SequenceNumber).ToList();
        sequences.ShouldBe(Enumerable.Range(sequences[0], 3).ToList(), "one range, in the order the registrations queued");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var audits = await AuditRowsAsync(db, actors.Select(a => a.CorrelationId!));
        for (var i = 0; i < actors.Count; i++)
        {
            var own = audits.Where(a => a.CorrelationId == actors[i].CorrelationId).ToList();
            own.ShouldAllBe(a => a.UserName == actors[i].UserName && a.UserId == actors[i].UserId && a.IpAddress == actors[i].IpAddress);
            own.Select(a => a.EntityType).Order(StringComparer.Ordinal).ShouldBe(["DeadlineClock", "DeadlineClockEvent", "Petition", "PetitionEvent", "Petitioner"]); // each entity audited once
            own.Single(a => a.EntityType == "Petition").EntityId.ShouldBe(batch[i].Registered!.Id.ToString());
        }
        var ids = batch.Select(r => r.Registered!.Id.ToString()).ToList();
        var feeds = (await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == PetitionsChangedEto.EventName).ToListAsync())
            .Where(m => ids.Any(id => m.Payload.Contains(id, StringComparison.OrdinalIgnoreCase))).ToList();
        var feed = feeds.ShouldHaveSingleItem("one change-feed message names the batch's petitions");
        foreach (var id in ids) feed.Payload.ShouldContain(id, Case.Insensitive);
    }

    [Fact]
    public async Task A_registration_that_fails_at_the_save_gets_its_own_error_and_the_others_their_numbers()
    {
        var app = await AppAsync();
        var unit = await OfficersUnitAsync(app);
        var client = await app.ClientAsAsync("demo.petitionofficer");
        var existing = await (await client.PostJsonAsync("/api/petitions", IntakeCost_Tests.Letter(450))).ReadAsync<PetitionDto>();
        var actors = Enumerable.Range(1, 3).Select(i => new AuditActor(null, "caller" + i, null, Guid.NewGuid().ToString("N"))).ToList();
        // The second reuses a petition's id: only the database's primary key refuses it, at the save.
        var batch = new List<PendingRegistration>
        {
            await PendingAsync(app, unit, actors[0]),
            await PendingAsync(app, unit, actors[1], petitionId: existing.Id),
            await PendingAsync(app, unit, actors[2]),
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var year = batch[0].Year;
        var before = await LastNumberAsync(db, unit.Id, year);

        await app.Services.GetRequiredService<PetitionRegistrationBatch>().WriteAsync(batch);

        batch[1].Failure.ShouldNotBeNull().SourceException.ShouldBeOfType<DbUpdateException>();
        batch[1].Registered.ShouldBeNull();
        batch[0].Registered.ShouldNotBeNull().SequenceNumber.ShouldBe(before + 1);
        batch[2].Registered.ShouldNotBeNull().SequenceNumber.ShouldBe(before + 2, "the failed registration's number was given back");
        (await LastNumberAsync(db, unit.Id, year)).ShouldBe(before + 2);
        var audits = await AuditRowsAsync(db, actors.Select(a => a.CorrelationId!));
        audits.ShouldNotContain(a => a.CorrelationId == actors[1].CorrelationId, "nothing of the failed registration was written");
        audits.Count(a => a.CorrelationId == actors[0].CorrelationId).ShouldBe(5);
        audits.Count(a => a.CorrelationId == actors[2].CorrelationId).ShouldBe(5);
        (await db.Set<Petition>().AsNoTracking().SingleAsync(p => p.Id == existing.Id)).Number.ShouldBe(existing.Number);
    }

    /// <summary>
    /// A request computes its clocks on the process's copy of the working calendar; the batch reads the years' stamps once, before its
    /// transaction, and computes again a clock whose calendar another host edited in between (the edit written here past this host's
    /// services, as that host's save would: new days and a new stamp). The request answers with the clock as written.
    /// </summary>
    [Fact]
    public async Task A_clock_planned_before_another_host_edited_the_calendar_is_written_on_the_edited_calendar()
    {
        var app = await AppAsync();
        var unit = await OfficersUnitAsync(app);
        // Five working days from Monday 3 November 2025 end on Monday the 10th; with Wednesday the 5th a holiday, on Tuesday the 11th.
        var received = new DateTimeOffset(2025, 11, 3, 10, 0, 0, ChinaTimeJsonConverter.ChinaOffset).ToUniversalTime(); // as the API stores it
        var pending = await PendingAsync(app, unit, new AuditActor(null, "caller", null, Guid.NewGuid().ToString("N")), receivedAt: received,
            policy: PetitionPolicies.MisroutedObjection);
        pending.Clocks.ShouldHaveSingleItem().Dto.DueDate.ShouldBe(new DateOnly(2025, 11, 10));

        await EditYear2025Async(app, days => [.. days, new CalendarDayEntry(new(2025, 11, 5), CalendarDayKind.Holiday, "测试")]);
        try
        {
            await app.Services.GetRequiredService<PetitionRegistrationBatch>().WriteAsync([pending]);

            pending.Failure.ShouldBeNull(pending.Failure?.SourceException.ToString());
            await using var scope = app.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<DeadlineClock>().AsNoTracking()
                .SingleAsync(c => c.RecordId == pending.Registered!.Id);
            stored.DueDate.ShouldBe(new DateOnly(2025, 11, 11), "computed again on the calendar the other host saved");
            pending.Clocks.Single().Dto.DueDate.ShouldBe(new DateOnly(2025, 11, 11), "the request answers with the clock as written");
            pending.Clocks.Single().Dto.Id.ShouldBe(stored.Id);
        }
        finally
        {
            await EditYear2025Async(app, days => [.. days.Where(d => d.Date != new DateOnly(2025, 11, 5))]);
        }
    }

    private static async Task EditYear2025Async(MediationAppFactory app, Func<IReadOnlyList<CalendarDayEntry>, List<CalendarDayEntry>> edit)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var year = await db.Set<CalendarYear>().Include(y => y.Days).SingleAsync(y => y.Id == 2025);
        year.Replace(year.Source, edit([.. year.Entries]), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    private static async Task<OrgUnitInfo> OfficersUnitAsync(MediationAppFactory app)
    {
        var client = await app.ClientAsAsync("demo.petitionofficer");
        var petition = await (await client.PostJsonAsync("/api/petitions", IntakeCost_Tests.Letter(460))).ReadAsync<PetitionDto>();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOrgUnitDirectory>().GetAsync(petition.OrgUnitId, CancellationToken.None);
    }

    /// <summary>What a request hands the batch: the petition to build once numbered, and its clock planned on the process's calendar.</summary>
    private static async Task<PendingRegistration> PendingAsync(MediationAppFactory app, OrgUnitInfo unit, AuditActor actor, Guid? petitionId = null,
        DateTimeOffset? receivedAt = null, string policy = PetitionPolicies.AcceptanceNotice)
    {
        var id = petitionId ?? Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var received = receivedAt ?? now;
        await using var scope = app.Services.CreateAsyncScope();
        var clock = await scope.ServiceProvider.GetRequiredService<IDeadlineClocks>().PlanStartAsync(
            new StartClockInput(Petition.RecordType, id, unit.Id, policy, received, actor.UserName), CancellationToken.None);
        return new PendingRegistration(unit.Id, unit.Path, PetitionNumber.ShortNameOf(unit.Name), received.ToOffset(ChinaTimeJsonConverter.ChinaOffset).Year,
            number => Petition.Register(id, unit.Id, number, PetitionNumber.ShortNameOf(unit.Name), PetitionChannel.Visit, received,
                [Petitioner.Create("王某", null, null, "岱东社区")], "组提交测试 " + actor.CorrelationId, null, null, null, actor.UserName, now),
            [clock], actor, null);
    }

    private static Task<int> LastNumberAsync(MediationDbContext db, Guid unitId, int year) =>
        db.Set<NumberSequenceRow>().AsNoTracking()
            .Where(r => r.Kind == PetitionNumber.Kind && r.IssuerId == unitId && r.Year == year).Select(r => r.LastValue).SingleAsync();

    private static async Task<List<AuditEntry>> AuditRowsAsync(MediationDbContext db, IEnumerable<string> correlationIds)
    {
        var ids = correlationIds.ToList();
        return await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Category == AuditCategory.Data && ids.Contains(a.CorrelationId!)).ToListAsync();
    }
}

public sealed class GroupCommitApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: IntakeCost_Tests.QuietBackground));

public sealed class PetitionGroupCommit_Tests_on_Sqlite(GroupCommitApp app) : PetitionGroupCommit_Tests, IClassFixture<GroupCommitApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class PetitionGroupCommit_Tests_on_PostgreSql(PostgresCluster cluster) : PetitionGroupCommit_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), settings: IntakeCost_Tests.QuietBackground);
}
