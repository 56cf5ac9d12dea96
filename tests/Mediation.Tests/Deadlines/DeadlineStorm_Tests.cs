using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Deadlines.Domain;
using Mediation.Core.Notifications.Domain;
using Mediation.Tests.Infrastructure;
using Mediation.Web.Deadlines;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using static Mediation.Tests.Deadlines.Calendars;

namespace Mediation.Tests.Deadlines;

/// <summary>
/// A deadline storm on each provider's bulk path (PostgreSQL's binary COPY, SQLite's prepared single-row INSERT): every due step
/// recorded once in a few transactions, its notices written after the sweep from the recorded steps, every unit told once, every
/// notice audited, a second sweep adds nothing, a retried or a second notice job tells no one twice; and the rows the bulk path
/// writes are the rows SaveChanges writes, column for column, audit rows included.
/// </summary>
public abstract class DeadlineStorm_Tests : IAsyncLifetime
{
    private readonly List<MediationAppFactory> _apps = [];

    protected abstract Task<MediationAppFactory> CreateAppAsync(FakeTimeProvider time, Action<IServiceCollection>? services = null);

    private async Task<MediationAppFactory> AppAsync(FakeTimeProvider time, Action<IServiceCollection>? services = null)
    {
        var app = await CreateAppAsync(time, services);
        _apps.Add(app);
        app.StartServer();
        return app;
    }

    [Fact]
    public async Task A_deadline_storm_is_recorded_in_a_few_transactions_each_escalation_and_each_unit_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var counter = new TransactionCounter();
        // The host adds every IDbCommandInterceptor to its contexts; EF calls one for each interception interface it implements.
        var app = await AppAsync(time, s => s.AddSingleton<IDbCommandInterceptor>(counter));
        var unitId = await app.UnitIdAsync("370902001001");
        var town = await app.UnitIdAsync("370902001");
        // More clocks than one batch holds, so the storm takes two.
        const int clocks = StepInserter.BatchSize + 100;
        var clockIds = await app.InScopeAsync(async sp =>
        {
            var deadlines = sp.GetRequiredService<Mediation.Core.Deadlines.IDeadlineClocks>();
            var ids = new List<Guid>();
            for (var i = 0; i < clocks; i++)
                ids.Add((await deadlines.StartAsync(new Mediation.Core.Deadlines.Application.StartClockInput("storm", Guid.NewGuid(), unitId,
                    "petition.acceptance-notice", China(2026, 3, 2), "测试"), CancellationToken.None)).Id);
            return ids.ToHashSet();
        });
        var before = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().CountAsync());
        time.SetUtcNow(China(2026, 3, 19, 9).ToUniversalTime()); // two days after the 15 days ran out: 催办 is due for each clock

        // The sweep records the steps only; their notices are owed until the notice job writes them.
        var performed = await counter.CountAsync(() => RecordStepsAsync(app));
        (await StormNoticesAsync(app, clockIds)).ShouldBeEmpty();
        var steps = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().AsNoTracking().ToListAsync());
        (steps.Count - before).ShouldBe(performed);
        var stormSteps = steps.Where(s => clockIds.Contains(s.ClockId)).ToList();
        stormSteps.Count.ShouldBe(clocks, "one 催办 per storm clock");
        stormSteps.ShouldAllBe(s => s.Kind == DeadlineStepKind.Urge && s.SupervisorOrgUnitId == town && s.NotifiedAt == null);
        // Before, each step was its own transaction with two queries for the notified units' codes: 600 transactions, 1,800 queries.
        var batches = (performed + StepInserter.BatchSize - 1) / StepInserter.BatchSize;
        counter.Transactions.ShouldBeLessThanOrEqualTo(batches);
        counter.Commands.ShouldBeLessThan(60);
        var (sweepTransactions, sweepCommands) = (counter.Transactions, counter.Commands);

        // The notices follow, a transaction per batch of steps too.
        (await counter.CountAsync(() => NoticeJobAsync(app))).ShouldBe(performed);
        (counter.Transactions - sweepTransactions).ShouldBeLessThanOrEqualTo(batches);
        (counter.Commands - sweepCommands).ShouldBeLessThan(60);
        (await app.SweepAsync()).ShouldBe(0, "a second sweep finds every step recorded");
        (await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().CountAsync())).ShouldBe(steps.Count);

        await ShouldBeToldOnceAsync(app, clockIds, unitId, town);
    }

    [Fact]
    public async Task Steps_recorded_before_a_crash_are_told_once_however_often_the_notice_job_runs()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var app = await AppAsync(time);
        var (unitId, town, clockIds) = await StormAsync(app, time, 12);

        // The sweep committed its steps and the host stopped before their notices: nothing is told yet, nothing is lost.
        (await RecordStepsAsync(app)).ShouldBeGreaterThanOrEqualTo(clockIds.Count);
        (await StormNoticesAsync(app, clockIds)).ShouldBeEmpty();

        // The next run writes them; a retried run (Hangfire's retry, the next minute's run) finds none owed.
        (await NoticeJobAsync(app)).ShouldBeGreaterThanOrEqualTo(clockIds.Count);
        (await NoticeJobAsync(app)).ShouldBe(0);
        await ShouldBeToldOnceAsync(app, clockIds, unitId, town);
    }

    [Fact]
    public async Task A_notice_job_whose_steps_another_runner_told_meanwhile_tells_no_one_again()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var interleaving = new Interleaving();
        var app = await AppAsync(time, s => s.AddSingleton<IDbCommandInterceptor>(interleaving));
        var (unitId, town, clockIds) = await StormAsync(app, time, 12);
        await RecordStepsAsync(app);

        // The first runner reads the owed steps; before it claims them, a second runner (another host, a retry) writes them all.
        var second = 0;
        interleaving.AfterOwedStepsRead = async () => second = await NoticeJobAsync(app);
        var first = await NoticeJobAsync(app);

        second.ShouldBeGreaterThanOrEqualTo(clockIds.Count);
        first.ShouldBe(0);
        interleaving.ClaimsTried.ShouldBeGreaterThan(1, "the first runner tried to claim the steps after the second had told them");
        await ShouldBeToldOnceAsync(app, clockIds, unitId, town);
    }

    [Fact]
    public async Task A_notice_job_reads_the_owed_steps_a_page_at_a_time_and_tells_each_unit_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var interleaving = new Interleaving();
        var app = await AppAsync(time, s => s.AddSingleton<IDbCommandInterceptor>(interleaving));
        var (unitId, town, clockIds) = await StormAsync(app, time, 12);
        var recorded = await RecordStepsAsync(app);
        recorded.ShouldBeGreaterThanOrEqualTo(clockIds.Count);

        // Pages of five: a host that owes hundreds of thousands of steps holds a page of them at a time, never all.
        const int page = 5;
        var written = await app.InScopeAsync(sp =>
        {
            var job = sp.GetRequiredService<DeadlineNoticeJob>();
            job.StepsPerRead = page;
            return job.RunAsync(CancellationToken.None);
        });

        written.ShouldBe(recorded);
        // Full pages, then the partial (or empty) one that ends the run.
        interleaving.OwedReads.ShouldBe(recorded / page + 1);
        await ShouldBeToldOnceAsync(app, clockIds, unitId, town);
        (await NoticeJobAsync(app)).ShouldBe(0);
    }

    [Fact]
    public async Task Two_notice_jobs_at_once_tell_each_unit_once()
    {
        var time = new FakeTimeProvider(China(2026, 3, 2, 10).ToUniversalTime());
        var app = await AppAsync(time);
        var (unitId, town, clockIds) = await StormAsync(app, time, 12);
        await RecordStepsAsync(app);

        var runs = await Task.WhenAll(Task.Run(() => NoticeJobAsync(app)), Task.Run(() => NoticeJobAsync(app)));

        runs.Sum().ShouldBeGreaterThanOrEqualTo(clockIds.Count);
        await ShouldBeToldOnceAsync(app, clockIds, unitId, town);
    }

    private static Task<int> RecordStepsAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DeadlineSweepJob>().RecordStepsAsync(CancellationToken.None));

    private static Task<int> NoticeJobAsync(MediationAppFactory app) =>
        app.InScopeAsync(sp => sp.GetRequiredService<DeadlineNoticeJob>().RunAsync(CancellationToken.None));

    /// <summary>Clocks of a village committee whose 15 days ran out two days ago: each owes a 催办 to it and to 岱庙街道 above it.</summary>
    private static async Task<(Guid Unit, Guid Town, HashSet<Guid> Clocks)> StormAsync(MediationAppFactory app, FakeTimeProvider time, int clocks)
    {
        var unitId = await app.UnitIdAsync("370902001001");
        var town = await app.UnitIdAsync("370902001");
        var clockIds = await app.InScopeAsync(async sp =>
        {
            var deadlines = sp.GetRequiredService<Mediation.Core.Deadlines.IDeadlineClocks>();
            var ids = new HashSet<Guid>();
            for (var i = 0; i < clocks; i++)
                ids.Add((await deadlines.StartAsync(new Mediation.Core.Deadlines.Application.StartClockInput("storm", Guid.NewGuid(), unitId,
                    "petition.acceptance-notice", China(2026, 3, 2), "测试"), CancellationToken.None)).Id);
            return ids;
        });
        time.SetUtcNow(China(2026, 3, 19, 9).ToUniversalTime());
        return (unitId, town, clockIds);
    }

    private static Task<List<Notice>> StormNoticesAsync(MediationAppFactory app, HashSet<Guid> clockIds) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<MediationDbContext>().Set<Notice>().IgnoreQueryFilters().AsNoTracking()
                .Where(n => n.Template == "deadline-escalation").ToListAsync())
            .Where(n => clockIds.Contains(Guid.ParseExact(n.SourceKey![..32], "N"))).ToList());

    /// <summary>Each 催办 told once to the owning unit and once to 岱庙街道 that urges it, in the inbox, with the same text, audited once.</summary>
    private static async Task ShouldBeToldOnceAsync(MediationAppFactory app, HashSet<Guid> clockIds, Guid unitId, Guid town)
    {
        var stormNotices = await StormNoticesAsync(app, clockIds);
        foreach (var clock in stormNotices.GroupBy(n => n.SourceKey))
        {
            clock.Where(n => n.Channel == NoticeChannel.InApp).Select(n => n.OrgUnitId).ShouldBe([unitId, town], ignoreOrder: true);
            clock.GroupBy(n => (n.OrgUnitId, n.Channel)).ShouldAllBe(g => g.Count() == 1);
            clock.Select(n => n.Body).Distinct().ShouldHaveSingleItem();
        }
        stormNotices.Select(n => n.SourceKey).Distinct().Count().ShouldBe(clockIds.Count);

        // The notices are written past the change tracker; each still has its audit row, once.
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(Notice) && a.Action == AuditActions.Created).Select(a => a.EntityId!).ToListAsync());
        var auditedIds = audited.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        stormNotices.ShouldAllBe(n => auditedIds.GetValueOrDefault(n.Id.ToString()) == 1);
        (await app.InScopeAsync(sp => sp.GetRequiredService<MediationDbContext>().Set<DeadlineStep>().AsNoTracking()
                .Where(s => clockIds.Contains(s.ClockId)).ToListAsync()))
            .ShouldAllBe(s => s.NotifiedAt != null);
    }

    [Fact]
    public async Task Notices_and_audit_rows_written_by_the_bulk_path_equal_those_SaveChanges_writes()
    {
        var now = China(2026, 3, 2, 10).ToUniversalTime();
        var app = await AppAsync(new FakeTimeProvider(now));
        var unitId = await app.UnitIdAsync("370902001001");
        // Nulls between values, so a reused SQLite statement must clear what the row before bound.
        Notice[] Samples() =>
        [
            new(Guid.CreateVersion7(), NoticeChannel.Email, unitId, "daidong@example.cn", "deadline-escalation", "【催办】信访事项的受理告知期限已届满",
                "泰安市泰山区岱庙街道办事处：\n你单位办理的事项，受理告知期限已于2026年3月17日届满。", "clock:escalation:Urge:1", now, "/Petitions/1"),
            new(Guid.CreateVersion7(), NoticeChannel.InApp, unitId, null, "deadline-reminder", "【期限提醒】", "正文", null, now.AddSeconds(1)),
            new(Guid.CreateVersion7(), NoticeChannel.Sms, unitId, "13800138000", "deadline-escalation", "【督办】", new string('长', 5000), "k", now, null),
            // The first sample's body again (the same string, as an escalation's notices share one), after another: its digest must
            // be this body's. And what the serializer escapes, a fraction of a second (whole milliseconds: SQLite's binary date-times keep
            // tenths of a millisecond, PostgreSQL microseconds) and the delivery columns set.
            new(Guid.CreateVersion7(), NoticeChannel.Email, unitId, "<a href=\"x\">&'+", "deadline-escalation",
                "【通报】\"引号\" <尖括号> & 'apostrophe' \\ 反斜杠 \u0001 😀", "泰安市泰山区岱庙街道办事处：\n你单位办理的事项，受理告知期限已于2026年3月17日届满。",
                "clock:escalation:Circulate:1", now.AddTicks(1_230_000), "/Petitions/2?a=1&b=<2>")
            {
                SentAt = now.AddMinutes(1), ClaimedUntil = now.AddSeconds(30), Attempts = 3, LastError = "SMTP 550 \"拒收\"\t(mailbox full)",
            },
        ];
        var tracked = Samples();
        var bulk = Samples();

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            db.AddRange(tracked);
            return await db.SaveChangesAsync();
        });
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            var rows = sp.GetRequiredService<RowInserter>();
            // One writer for all the rows, as the sweep audits a storm: each row must be what SaveChanges writes, whatever came before.
            using var auditRows = new CreatedAuditRows(sp.GetRequiredService<AuditContext>(), db.Model.FindEntityType(typeof(Notice))!);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await rows.InsertAsync(bulk, CancellationToken.None);
            await rows.InsertAsync(bulk.Select(auditRows.Entry).ToList(), CancellationToken.None);
            await transaction.CommitAsync();
            return 0;
        });

        var (storedNotices, storedAudit, properties) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MediationDbContext>();
            var ids = tracked.Concat(bulk).Select(n => n.Id).ToList();
            var idTexts = ids.Select(id => id.ToString()).ToList();
            var notices = await db.Set<Notice>().IgnoreQueryFilters().AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id);
            var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.EntityType == nameof(Notice) && idTexts.Contains(a.EntityId!))
                .ToDictionaryAsync(a => a.EntityId!);
            return (notices, audit, db.Model.FindEntityType(typeof(Notice))!.GetProperties().ToList());
        });
        storedNotices.Count.ShouldBe(2 * tracked.Length);
        storedAudit.Count.ShouldBe(2 * tracked.Length);
        for (var i = 0; i < tracked.Length; i++)
        {
            var (expected, actual) = (storedNotices[tracked[i].Id], storedNotices[bulk[i].Id]);
            foreach (var property in properties.Where(p => p.Name != nameof(Notice.Id)))
                property.GetGetter().GetClrValue(actual).ShouldBe(property.GetGetter().GetClrValue(expected), $"{property.Name} of sample {i}");
            var (expectedAudit, actualAudit) = (storedAudit[tracked[i].Id.ToString()], storedAudit[bulk[i].Id.ToString()]);
            actualAudit.Details.ShouldBe(expectedAudit.Details!.Replace(tracked[i].Id.ToString(), bulk[i].Id.ToString(), StringComparison.Ordinal));
            actualAudit.Action.ShouldBe(expectedAudit.Action);
            actualAudit.Category.ShouldBe(expectedAudit.Category);
            actualAudit.UserId.ShouldBe(expectedAudit.UserId);
            actualAudit.UserName.ShouldBe(expectedAudit.UserName);
            actualAudit.IpAddress.ShouldBe(expectedAudit.IpAddress);
            actualAudit.CorrelationId.ShouldBe(expectedAudit.CorrelationId);

            // The body is named by its SHA-256 at any length (not copied, escaped, into every audit row): the notice keeps the words,
            // the audit proves which words were written to whom and when.
            var details = System.Text.Json.JsonDocument.Parse(actualAudit.Details!).RootElement;
            details.GetProperty(nameof(Notice.Body)).GetProperty("sha256").GetString()
                .ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(actual.Body))));
            details.GetProperty(nameof(Notice.Body)).GetProperty("length").GetInt32().ShouldBe(actual.Body.Length);
            details.GetProperty(nameof(Notice.OrgUnitId)).GetGuid().ShouldBe(actual.OrgUnitId);
            details.GetProperty(nameof(Notice.Subject)).GetString().ShouldBe(actual.Subject);
            details.GetProperty(nameof(Notice.CreatedAt)).GetDateTimeOffset().ShouldBe(actual.CreatedAt);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xUnit 2 never calls a test class's IAsyncDisposable.DisposeAsync().
    public async Task DisposeAsync()
    {
        foreach (var app in _apps) await app.DisposeAsync();
    }

    /// <summary>
    /// Runs <see cref="AfterOwedStepsRead"/> once, right after a notice job has read the steps that owe notices and before it claims
    /// them (the job reads outside its transaction), and counts the claims tried and the reads of owed steps: the interleaving two
    /// runners may meet, made certain.
    /// </summary>
    private sealed class Interleaving : DbCommandInterceptor
    {
        private int _claims, _owedReads;
        public Func<Task>? AfterOwedStepsRead { get; set; }
        public int ClaimsTried => _claims;
        public int OwedReads => _owedReads;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (IsOwedStepsRead(command)) Interlocked.Increment(ref _owedReads);
            if (IsOwedStepsRead(command) && AfterOwedStepsRead is { } interleaved)
            {
                AfterOwedStepsRead = null;
                await interleaved();
            }
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE", StringComparison.Ordinal) && command.CommandText.Contains("\"NotifiedAt\"", StringComparison.Ordinal))
                Interlocked.Increment(ref _claims);
            return ValueTask.FromResult(result);
        }

        private static bool IsOwedStepsRead(DbCommand command) =>
            command.CommandText.StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("\"NotifiedAt\" IS NULL", StringComparison.Ordinal)
            && command.CommandText.Contains("JOIN", StringComparison.Ordinal);
    }

    /// <summary>Counts the transactions and EF commands of one piece of work, not those of the host's background services.</summary>
    private sealed class TransactionCounter : DbTransactionInterceptor, IDbCommandInterceptor
    {
        private readonly AsyncLocal<bool> _counting = new();
        private int _transactions, _commands;
        public int Transactions => _transactions;
        public int Commands => _commands;
        private bool Counting => _counting.Value;

        public async Task<T> CountAsync<T>(Func<Task<T>> work)
        {
            _counting.Value = true;
            try { return await work(); }
            finally { _counting.Value = false; }
        }

        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
            CancellationToken cancellationToken = default)
        {
            if (Counting) Interlocked.Increment(ref _transactions);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Counting) Interlocked.Increment(ref _commands);
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (Counting) Interlocked.Increment(ref _commands);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class DeadlineStorm_Tests_on_Sqlite : DeadlineStorm_Tests
{
    protected override Task<MediationAppFactory> CreateAppAsync(FakeTimeProvider time, Action<IServiceCollection>? services = null) =>
        Task.FromResult(new MediationAppFactory(DatabaseProvider.Sqlite, services: s =>
        {
            DeadlineApps.WithTime(time)(s);
            services?.Invoke(s);
        }));
}

[Collection(PostgresCollection.Name)]
public sealed class DeadlineStorm_Tests_on_PostgreSql(PostgresCluster cluster) : DeadlineStorm_Tests
{
    protected override async Task<MediationAppFactory> CreateAppAsync(FakeTimeProvider time, Action<IServiceCollection>? services = null) =>
        new(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(), services: s =>
        {
            DeadlineApps.WithTime(time)(s);
            services?.Invoke(s);
        });
}
