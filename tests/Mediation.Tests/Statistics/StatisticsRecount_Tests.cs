using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.PersonalData;
using Mediation.Host.Data;
using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Statistics.Domain;
using Mediation.Tests.Api;
using Mediation.Tests.Cases;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// Random cases of 2023–2024 saved through the Cases module's own entities — so the figures are kept only by its change events —
/// then changed late (agreements refused by the court and reopened, ratings given in 2025, cases concluded after the period):
/// the kept figures equal a plain recount over the cases themselves, written here independently of the module's queries.
/// </summary>
public abstract class StatisticsRecount_Tests : ProviderTests
{
    private static readonly string[] PartyNames = ["甲", "乙"];

    [Fact]
    public async Task Kept_figures_equal_a_plain_recount_of_random_cases_after_late_changes()
    {
        var app = await AppAsync();
        var (committeeRef, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var random = new Random(20261129);
        var start = new DateTimeOffset(2023, 1, 1, 0, 0, 0, ChinaTime.Offset);
        var caseIds = new List<Guid>();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var committee = await db.Set<MediationCommittee>().IgnoreQueryFilters().SingleAsync(c => c.Id == committeeRef.Id);
            for (var i = 0; i < 60; i++)
            {
                var registeredAt = start.AddMinutes(random.Next(0, 2 * 365 * 24 * 60)).ToUniversalTime(); // PostgreSQL takes UTC only
                var parties = PartyNames.Select(p => CaseParty.Person(p + i, IdDocumentKind.Passport, null, "未带证件", null, "岱东社区", true)).ToList();
                var mediationCase = MediationCase.Register(Guid.CreateVersion7(), committee, new CaseNumber(registeredAt.Year, 5000 + i),
                    (DisputeType)random.Next(0, 8), "随机纠纷", null, null, (CaseSource)random.Next(0, 6), null, parties, [mediatorId], RiskGrade.Blue,
                    null, "测试", registeredAt);
                if (random.Next(4) > 0) Conclude(mediationCase, registeredAt.AddDays(random.Next(0, 80)), random);
                if (random.Next(10) == 0) mediationCase.RecordBecameCriminal(ChinaTime.DateOf(registeredAt.AddDays(random.Next(1, 200))), "立案", DateTimeOffset.UtcNow);
                db.Add(mediationCase);
                caseIds.Add(mediationCase.Id);
                if (i % 10 == 9) await db.SaveChangesAsync();
            }
        }

        // Late changes, each in its own save as the pages make them.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var cases = await db.Set<MediationCase>().IgnoreQueryFilters().Where(c => caseIds.Contains(c.Id)).ToListAsync();
            foreach (var mediationCase in cases)
            {
                var late = new DateTimeOffset(2025, 3, 1, 10, 0, 0, ChinaTime.Offset).AddDays(random.Next(0, 100)).ToUniversalTime();
                if (mediationCase.Status is not CaseStatus.Concluded)
                {
                    if (random.Next(2) == 0) Conclude(mediationCase, late, random); // concluded after the period
                }
                else if (mediationCase.Outcome is CaseOutcome.Succeeded && random.Next(2) == 0)
                {
                    var concludedOn = ChinaTime.DateOf(mediationCase.ConcludedAt!.Value);
                    mediationCase.AgreementIssued(Guid.NewGuid());
                    mediationCase.MarkAgreementSigned(mediationCase.ConcludedAt!.Value.AddHours(2), late);
                    mediationCase.RecordJudicialApplication("泰山区人民法院", concludedOn.AddDays(3), late);
                    var refused = random.Next(2) == 0;
                    mediationCase.RecordCourtDecision(refused ? CourtDecision.Refused : CourtDecision.Confirmed, concludedOn.AddDays(20), null);
                    if (refused)
                    {
                        mediationCase.ReopenAfterRefusal(late);
                        if (random.Next(2) == 0) Conclude(mediationCase, late.AddDays(5), random);
                    }
                }
                else if (mediationCase.Outcome is CaseOutcome.OralAgreement && random.Next(3) > 0)
                {
                    var visit = FollowUpVisit.ScheduleFor(mediationCase)[0];
                    db.Add(visit);
                    visit.Record(mediationCase, new VisitRecord(late, VisitMethod.Phone, [],
                        mediationCase.Parties.Select(p => new VisitRecord.Party(p.Id, (PartySatisfaction)random.Next(0, 3), null)).ToList(), null, "回访员"),
                        "回访员", late);
                }
                await db.SaveChangesAsync();
            }
        }

        using (var scope = app.Services.CreateScope())
        {
            var recount = scope.ServiceProvider.GetRequiredService<RecountService>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            IReadOnlyList<(Mediation.Statistics.RecordKind, Guid)> differences;
            while ((differences = await recount.DifferencesAsync(CancellationToken.None)).Count > 0 && DateTime.UtcNow < deadline)
                await Task.Delay(250);
            differences.ShouldBeEmpty("the change events kept every fact");
            (await recount.CountDifferencesAsync(CancellationToken.None)).ShouldBeEmpty("and the monthly and daily counts, in the same transactions");
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            (await db.Set<DailyCount>().Where(d => d.Entry == CountedOn.Received).SumAsync(d => d.Records))
                .ShouldBe(await db.Set<RecordFact>().LongCountAsync(), "every fact is received on one day");
        }

        var client = await ClientAsync(null, "demo.statistician");
        var daimiao = committeeRef.OrgUnitId;
        List<MediationCase> all;
        List<FollowUpVisit> visits;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            all = await db.Set<MediationCase>().IgnoreQueryFilters().AsNoTracking().Where(c => c.OrgUnitId == daimiao).ToListAsync();
            visits = await db.Set<FollowUpVisit>().IgnoreQueryFilters().AsNoTracking().Where(v => v.OrgUnitId == daimiao).ToListAsync();
        }
        foreach (var (from, to) in new[] { (new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
                     (new DateOnly(2023, 7, 1), new DateOnly(2024, 6, 30)), (new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)),
                     // Custom ranges with partial months: whole months from the monthly counts, the partial edge months from the daily ones.
                     (new DateOnly(2023, 3, 15), new DateOnly(2024, 2, 10)), (new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 15)),
                     (new DateOnly(2023, 2, 20), new DateOnly(2024, 12, 31)), (new DateOnly(2023, 11, 20), new DateOnly(2023, 12, 5)),
                     (new DateOnly(2024, 5, 3), new DateOnly(2024, 5, 27)) })
        {
            var report = await (await client.GetAsync($"/api/statistics/figures?orgUnitId={daimiao}&period=Custom&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"))
                .ReadAsync<FiguresDto>();
            var kept = report.Figures.ToDictionary(f => f.Key, f => (f.Numerator, f.Denominator));
            var plain = PlainRecount(all, visits, from, to);
            foreach (var (key, expected) in plain) kept[key].ShouldBe(expected, $"{key} {from}–{to}");
            var days = all.Where(c => c.Status is CaseStatus.Concluded && ChinaTime.DateOf(c.ConcludedAt!.Value) >= from && ChinaTime.DateOf(c.ConcludedAt!.Value) <= to)
                .Select(c => ChinaTime.DateOf(c.ConcludedAt!.Value).DayNumber - ChinaTime.DateOf(c.RegisteredAt).DayNumber).ToList();
            report.Figures.Single(f => f.Key == "averageHandlingDays").Value
                .ShouldBe(days.Count == 0 ? null : Math.Round((decimal)days.Sum() / days.Count, 2, MidpointRounding.AwayFromZero));
        }

        // A fact changed behind the counter's back (here by a bulk UPDATE) is a difference the check finds and the recount repairs.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var reopened = all.First(c => c.Status is CaseStatus.Concluded).Id;
            await db.Set<RecordFact>().Where(f => f.RecordId == reopened)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ConcludedOn, (DateOnly?)null).SetProperty(f => f.HandlingDays, (int?)null));
            (await scope.ServiceProvider.GetRequiredService<RecountService>().CountDifferencesAsync(CancellationToken.None)).ShouldNotBeEmpty();
            // A fact lost, and facts of records that do not exist: before the first record's id, among them and after the last.
            await db.Set<RecordFact>().Where(f => f.RecordId == caseIds[7]).ExecuteDeleteAsync();
            var template = await db.Set<RecordFact>().AsNoTracking().FirstAsync(f => f.RecordId == caseIds[8]);
            Guid[] strays = [Guid.Empty, Guid.CreateVersion7(), Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")];
            foreach (var stray in strays)
            {
                var fact = new RecordFact { Kind = Mediation.Statistics.RecordKind.Case, RecordId = stray };
                fact.CopyFrom(template);
                db.Add(fact);
            }
            await db.SaveChangesAsync();
            var found = await scope.ServiceProvider.GetRequiredService<RecountService>().DifferencesAsync(CancellationToken.None);
            foreach (var id in strays.Append(caseIds[7])) found.ShouldContain((Mediation.Statistics.RecordKind.Case, id));
        }
        // Pages of 7 records: the facts of each page's id range are replaced, the strays between and after the pages dropped.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RecountService>().RecountAsync(7, CancellationToken.None);
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RecountService>().DifferencesAsync(CancellationToken.None)).ShouldBeEmpty();
            (await scope.ServiceProvider.GetRequiredService<RecountService>().CountDifferencesAsync(CancellationToken.None)).ShouldBeEmpty();
        }
        // A second recount over equal facts writes nothing and changes nothing.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<RecountService>().RecountAsync(CancellationToken.None);
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<RecountService>().DifferencesAsync(CancellationToken.None)).ShouldBeEmpty();
            (await scope.ServiceProvider.GetRequiredService<RecountService>().CountDifferencesAsync(CancellationToken.None)).ShouldBeEmpty();
        }
    }

    /// <summary>
    /// A case concluded while a recount has read it and not yet written its fact: the recount's older reading must not be the one left
    /// standing. The change is made between the page's read and its write (the recount's test hook); it then either finishes, its
    /// event refreshed — and without the facts' lock the recount's write would overwrite that — or waits for the recount's transaction.
    /// </summary>
    [Fact]
    public async Task A_recount_does_not_leave_its_older_reading_over_a_change_made_while_it_ran()
    {
        var app = await AppAsync();
        var (committeeRef, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registeredAt = new DateTimeOffset(2025, 6, 2, 9, 0, 0, ChinaTime.Offset).ToUniversalTime();
        Guid caseId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var committee = await db.Set<MediationCommittee>().IgnoreQueryFilters().SingleAsync(c => c.Id == committeeRef.Id);
            var parties = PartyNames.Select(p => CaseParty.Person(p + "并发", IdDocumentKind.Passport, null, "未带证件", null, "岱东社区", true)).ToList();
            var mediationCase = MediationCase.Register(Guid.CreateVersion7(), committee, new CaseNumber(2025, 7100), DisputeType.Neighbourhood, "并发的纠纷",
                null, null, CaseSource.WalkIn, null, parties, [mediatorId], RiskGrade.Blue, null, "测试", registeredAt);
            db.Add(mediationCase);
            await db.SaveChangesAsync();
            caseId = mediationCase.Id;
        }
        (await WaitUntilAsync(async () => await FactOfAsync(app, caseId) is not null)).ShouldBeTrue("the registration's event wrote the fact");

        Task? change = null;
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<RecountService>().RecountAsync(RecountService.PageSize, CancellationToken.None, async kind =>
            {
                if (kind is not Mediation.Statistics.RecordKind.Case || change is not null) return;
                change = Task.Run(async () =>
                {
                    using var changeScope = app.Services.CreateScope();
                    var db = changeScope.ServiceProvider.GetRequiredService<MediationDbContext>();
                    var mediationCase = await db.Set<MediationCase>().IgnoreQueryFilters().SingleAsync(c => c.Id == caseId);
                    Conclude(mediationCase, registeredAt.AddDays(3), new Random(7));
                    await db.SaveChangesAsync();
                });
                // Either the change and its refresh went through (the recount must then not overwrite the fact), or a writer waits for the
                // recount's transaction for good (ten polls in a row, a second; a passing wait of a background writer lasts milliseconds).
                var waitingPolls = 0;
                var settled = await WaitUntilAsync(async () =>
                {
                    if (change.IsCompleted && await FactOfAsync(app, caseId) is { ConcludedOn: not null }) return true;
                    waitingPolls = await AWriterWaitsAsync(app) ? waitingPolls + 1 : 0;
                    return waitingPolls >= 10;
                }, pollMilliseconds: 100);
                settled.ShouldBeTrue("the change neither finished nor waited for the recount");
            });
        }
        await change.ShouldNotBeNull();

        using (var scope = app.Services.CreateScope())
        {
            var recount = scope.ServiceProvider.GetRequiredService<RecountService>();
            (await WaitUntilAsync(async () => (await recount.DifferencesAsync(CancellationToken.None)).Count == 0))
                .ShouldBeTrue("every fact equals its record once the events are delivered");
            (await recount.CountDifferencesAsync(CancellationToken.None)).ShouldBeEmpty("and the counts equal the facts");
        }
        (await FactOfAsync(app, caseId)).ShouldNotBeNull().ConcludedOn.ShouldBe(ChinaTime.DateOf(registeredAt.AddDays(3)));
    }

    private static async Task<RecordFact?> FactOfAsync(MediationAppFactory app, Guid caseId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<RecordFact>().AsNoTracking()
            .SingleOrDefaultAsync(f => f.Kind == Mediation.Statistics.RecordKind.Case && f.RecordId == caseId);
    }

    /// <summary>A writer waits now: at SQLite's write gate, or for a PostgreSQL advisory lock (the facts' lock).</summary>
    private static async Task<bool> AWriterWaitsAsync(MediationAppFactory app)
    {
        if (app.Services.GetService<SqliteWriteGate>() is { } gate) return gate.Waiting > 0;
        await using var connection = new Npgsql.NpgsqlConnection(app.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'", connection);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Polls a condition until it holds (true) or a minute passed (false): a wait for background work, not a measure of time.</summary>
    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, int pollMilliseconds = 250)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(pollMilliseconds);
        }
        return await condition();
    }

    private static void Conclude(MediationCase mediationCase, DateTimeOffset at, Random random)
    {
        var outcome = (CaseOutcome)random.Next(0, 4);
        mediationCase.Conclude(new CaseConclusion(outcome, "事实", "争议", "责任", [new AgreementTermInput("赔偿", 100, null)], null, "口头协议",
            "调解不成", false, null), "张调解", at);
    }

    /// <summary>The definitions read straight off the cases, as a statistician would count them by hand.</summary>
    private static Dictionary<string, (long, long?)> PlainRecount(List<MediationCase> cases, List<FollowUpVisit> visits, DateOnly from, DateOnly to)
    {
        bool In(DateOnly? d) => d >= from && d <= to;
        DateOnly Received(MediationCase c) => ChinaTime.DateOf(c.RegisteredAt);
        DateOnly? Concluded(MediationCase c) => c.Status is CaseStatus.Concluded ? ChinaTime.DateOf(c.ConcludedAt!.Value) : null;
        var concluded = cases.Where(c => In(Concluded(c))).ToList();
        var received = cases.Where(c => In(Received(c))).ToList();
        var latest = visits.Where(v => v.Status is FollowUpVisitStatus.Recorded && v.Satisfactions.Count > 0)
            .GroupBy(v => v.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.VisitedAt).Last());
        var rated = concluded.Where(c => latest.ContainsKey(c.Id)).ToList();
        return new()
        {
            ["received"] = (received.Count, null),
            ["concluded"] = (concluded.Count, null),
            ["handledRate"] = (received.Count(c => Concluded(c) <= to), received.Count),
            ["successRate"] = (concluded.Count(c => c.Outcome is CaseOutcome.Succeeded or CaseOutcome.OralAgreement), concluded.Count),
            ["closureRate"] = (concluded.Count, cases.Count(c => Received(c) <= to && (Concluded(c) is null || Concluded(c) >= from))),
            ["averageHandlingDays"] = (concluded.Count, concluded.Count),
            ["satisfactionRate"] = (rated.Count(c => latest[c.Id].Satisfactions.All(s => s.Satisfaction is not PartySatisfaction.Dissatisfied)), rated.Count),
            ["becameCriminal"] = (cases.Count(c => In(c.BecameCriminalOn)), null),
            ["judicialApplied"] = (cases.Count(c => In(c.JudicialAppliedOn)), null),
            ["judicialConfirmed"] = (cases.Count(c => c.CourtDecision is CourtDecision.Confirmed && In(c.CourtDecidedOn)), null),
        };
    }
}

public sealed class StatisticsRecount_Tests_on_Sqlite(SqliteApp app) : StatisticsRecount_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class StatisticsRecount_Tests_on_PostgreSql(PostgresCluster cluster) : StatisticsRecount_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
