using System.Data.Common;
using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Polling;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// Inside one host every caller of <see cref="AuditChain.SealAsync"/> — the background sealer, a test, the backup — holds the
/// same "audit-sealer" lease, so the lease alone did not keep two of them apart. One read the pending rows, the other sealed
/// and committed them, the first then read the new last sequence and sealed the same rows again after it: a gap in the
/// sequence, and VerifyAsync reported a broken chain (MalformedInput_Tests on PostgreSQL, once in a full run).
/// </summary>
public abstract class AuditChainSealing_Tests
{
    protected abstract Task<MediationAppFactory> AppAsync();

    /// <summary>A host of its own with <paramref name="services"/> added and <paramref name="settings"/> set; the caller disposes it.</summary>
    protected abstract Task<MediationAppFactory> IsolatedAppAsync(Action<IServiceCollection> services, IReadOnlyDictionary<string, string?> settings);

    /// <summary>How many rows the database passes over (reads and filters out) to answer <paramref name="query"/>, by its plan.</summary>
    protected abstract Task<long> RowsPassedOverAsync(MediationDbContext db, DbCommand query);

    [Fact]
    public async Task Concurrent_seals_in_one_host_keep_the_chain_contiguous()
    {
        var app = await AppAsync();
        var chain = app.Services.GetRequiredService<AuditChain>();
        for (var round = 0; round < 3; round++)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
                var then = DateTimeOffset.UtcNow.AddMinutes(-1);
                for (var i = 0; i < 1500; i++)
                    db.Add(new AuditEntry { OccurredAt = then, Category = AuditCategory.Data, Action = AuditActions.Updated, EntityType = "SealRace", EntityId = $"{round}-{i}" });
                await db.SaveChangesAsync();
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (await chain.SealAsync(CancellationToken.None) > 0) { }
            })));
        }

        var report = await chain.VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeTrue($"broken at sequence {report.BrokenAtSequence}");
        await using var check = app.Services.CreateAsyncScope();
        var rows = check.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>();
        (await rows.CountAsync(a => a.EntityType == "SealRace" && a.Sequence == null)).ShouldBe(0);
        var sealedRows = await rows.LongCountAsync(a => a.Sequence != null);
        (await rows.MaxAsync(a => a.Sequence)).ShouldBe(sealedRows, "one sequence number per sealed row, none skipped");
    }

    /// <summary>Issue 17: one call seals every settled row, batch after batch, instead of one batch of 500 per interval.</summary>
    [Fact]
    public async Task Sealing_goes_on_while_batches_come_back_full()
    {
        var app = await AppAsync();
        var chain = app.Services.GetRequiredService<AuditChain>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
            var then = DateTimeOffset.UtcNow.AddMinutes(-1);
            for (var i = 0; i < AuditChain.BatchSize * 2 + 200; i++)
                db.Add(new AuditEntry { OccurredAt = then, Category = AuditCategory.Data, Action = AuditActions.Updated, EntityType = "SealBackToBack", EntityId = $"{i}" });
            await db.SaveChangesAsync();
        }

        await chain.SealPendingAsync(CancellationToken.None);

        await using var check = app.Services.CreateAsyncScope();
        var rows = check.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>();
        (await rows.CountAsync(a => a.EntityType == "SealBackToBack" && a.Sequence == null)).ShouldBe(0, "three batches in one call");
        (await chain.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    /// <summary>
    /// Issue 17: the sealer reads the pending rows without passing over the sealed ones. Ordered by the key, PostgreSQL walked the
    /// primary key from the first row ever written (140 ms a call at 80,000 rows, two thirds of a core under intake), because it
    /// assumed the pending rows were spread evenly among the sealed; they are the newest. Asserted by the plan, not by a clock.
    /// </summary>
    [Fact]
    public async Task Reading_the_pending_rows_passes_over_none_of_the_sealed_ones()
    {
        var app = await AppAsync();
        var chain = app.Services.GetRequiredService<AuditChain>();
        var then = DateTimeOffset.UtcNow.AddMinutes(-1);
        await InsertAsync(app, 20_000, "SealedEarlier", then);
        await chain.SealPendingAsync(CancellationToken.None);
        // A backlog of a few seconds of intake (five rows per registration), newer than everything sealed.
        await InsertAsync(app, 2_500, "PendingNow", then);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var query = AuditChain.PendingRows(db, DateTimeOffset.UtcNow).CreateDbCommand();
        (await RowsPassedOverAsync(db, query)).ShouldBeLessThan(1_000, query.CommandText);
    }

    /// <summary>
    /// Issue 17: a batch's chain fields go to the database in one UPDATE, not one per row (EF sent 500 single-row UPDATEs, 1.5 s of
    /// PostgreSQL's time per 15 s of intake); the chain it writes still verifies — sequence, previous hash and hash of every row.
    /// </summary>
    [Fact]
    public async Task A_batch_is_sealed_with_one_update_and_the_chain_still_verifies()
    {
        var statements = new AuditUpdateCounter();
        var waits = new FirstPassWaits();
        // The background sealer waits an hour after its first pass, so the rows below are this test's call's to seal once that pass
        // is over. Waiting for it matters: a pass still sealing the seed's full batches took one of this test's (a full run, session 29).
        await using var app = await IsolatedAppAsync(s => s.AddSingleton<IDbCommandInterceptor>(statements).AddSingleton<IPollWaits>(waits),
            new Dictionary<string, string?> { ["Audit:SealInterval"] = "01:00:00" });
        var chain = app.Services.GetRequiredService<AuditChain>();
        await waits.FirstPassOver.WaitAsync(TimeSpan.FromSeconds(60));
        await InsertAsync(app, AuditChain.BatchSize * 2 + 150, "SealedInOneUpdate", DateTimeOffset.UtcNow.AddMinutes(-1));

        var sealedRows = await statements.CountAsync(() => chain.SealPendingAsync(CancellationToken.None));

        // Every row of the test, and any of the host's own that had settled by then (seed, sign-in), in full batches and a last one.
        sealedRows.ShouldBeGreaterThanOrEqualTo(AuditChain.BatchSize * 2 + 150);
        statements.AuditUpdates.ShouldBe((sealedRows + AuditChain.BatchSize - 1) / AuditChain.BatchSize, "one UPDATE a batch");
        var report = await chain.VerifyAsync(CancellationToken.None);
        report.Intact.ShouldBeTrue($"broken at sequence {report.BrokenAtSequence}");
        // Not report.Pending: the host's own rows written within the settling second before the call (seed, sign-in) may still wait
        // for the next seal; this test's rows are a minute old and must all be sealed.
        await using var check = app.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == "SealedInOneUpdate").OrderBy(a => a.Sequence).ToListAsync();
        rows.Count.ShouldBe(AuditChain.BatchSize * 2 + 150);
        rows.ShouldAllBe(r => r.Sequence != null, "every row of the test sealed");
        rows.Select(r => r.EntityId).ShouldBe(rows.OrderBy(r => r.Id).Select(r => r.EntityId), "sealed in the order they were written");
        // The host's own rows written meanwhile (seed, jobs) may fall between the test's rows in the chain: the whole chain's
        // contiguity is VerifyAsync's above; here each row's fields, and the link wherever two of the test's rows are neighbours.
        rows[0].Hash.ShouldBe(rows[0].ComputeHash());
        for (var i = 1; i < rows.Count; i++)
        {
            rows[i].Sequence!.Value.ShouldBeGreaterThan(rows[i - 1].Sequence!.Value);
            if (rows[i].Sequence == rows[i - 1].Sequence + 1) rows[i].PreviousHash.ShouldBe(rows[i - 1].Hash);
            rows[i].Hash.ShouldBe(rows[i].ComputeHash());
        }
    }

    /// <summary>Counts the statements that update audit rows in one piece of work, not those of the host's background services.</summary>
    private sealed class AuditUpdateCounter : CommandTextInterceptor
    {
        private readonly AsyncLocal<bool> _counting = new();
        private int _updates;
        public int AuditUpdates => _updates;

        public async Task<T> CountAsync<T>(Func<Task<T>> work)
        {
            _counting.Value = true;
            try { return await work(); }
            finally { _counting.Value = false; }
        }

        // EF's batch on PostgreSQL is one command of many statements: each UPDATE of the table counts (core_AuditEntries on SQLite).
        protected override void Seen(DbCommand command)
        {
            if (!_counting.Value || !command.CommandText.Contains("AuditEntries\"", StringComparison.Ordinal)) return;
            var updates = command.CommandText.Split("UPDATE ", StringSplitOptions.None).Length - 1;
            Interlocked.Add(ref _updates, updates);
        }
    }

    private static async Task InsertAsync(MediationAppFactory app, int count, string entityType, DateTimeOffset occurredAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<BulkInserter>().InsertAsync(Enumerable.Range(0, count).Select(i => new AuditEntry
        {
            OccurredAt = occurredAt, Category = AuditCategory.Data, Action = AuditActions.Updated, EntityType = entityType, EntityId = $"{i}",
        }).ToList(), CancellationToken.None);
        await transaction.CommitAsync();
    }
}

public sealed class AuditChainSealing_Tests_on_Sqlite(SqliteApp app) : AuditChainSealing_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);

    protected override Task<MediationAppFactory> IsolatedAppAsync(Action<IServiceCollection> services, IReadOnlyDictionary<string, string?> settings) =>
        Task.FromResult(new MediationAppFactory(DatabaseProvider.Sqlite, settings: settings, services: services));

    /// <summary>SQLite's plan either searches the index on Sequence for the NULL (pending) rows ("Sequence=?") or scans the table.</summary>
    protected override async Task<long> RowsPassedOverAsync(MediationDbContext db, DbCommand query)
    {
        var plan = await PlanAsync(db, query, "EXPLAIN QUERY PLAN ", reader => reader.GetString(3));
        if (plan.Contains("USING INDEX", StringComparison.Ordinal) && plan.Contains("(Sequence=?)", StringComparison.Ordinal)) return 0;
        return await db.Set<AuditEntry>().LongCountAsync(a => a.Sequence != null);
    }

    /// <summary>
    /// SQLite's plan of the seal finds each row of the batch by its key. Left to itself the planner took the index on Sequence for the
    /// "still pending" check and scanned the batch's whole JSON array once for every pending row.
    /// </summary>
    [Fact]
    public async Task The_seal_finds_each_row_by_its_key()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = AuditSeals.For(db)!.Sql;
        var seals = command.CreateParameter();
        (seals.ParameterName, seals.Value) = ("@seals", "[]");
        command.Parameters.Add(seals);

        var plan = await PlanAsync(db, command, "EXPLAIN QUERY PLAN ", reader => reader.GetString(3));

        plan.ShouldContain("INTEGER PRIMARY KEY", customMessage: plan);
        plan.ShouldNotContain("(Sequence=?)", customMessage: plan);
    }

    internal static async Task<string> PlanAsync(MediationDbContext db, DbCommand query, string explain, Func<DbDataReader, string> line)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = explain + query.CommandText;
        foreach (DbParameter parameter in query.Parameters)
        {
            var copy = command.CreateParameter();
            (copy.ParameterName, copy.Value, copy.DbType) = (parameter.ParameterName, parameter.Value, parameter.DbType);
            command.Parameters.Add(copy);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(line(reader));
        return string.Join("\n", lines);
    }
}

[Collection(PostgresCollection.Third)]
public sealed class AuditChainSealing_Tests_on_PostgreSql(PostgresCluster cluster) : AuditChainSealing_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());

    protected override async Task<MediationAppFactory> IsolatedAppAsync(Action<IServiceCollection> services, IReadOnlyDictionary<string, string?> settings) =>
        new(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(), settings, services);

    /// <summary>Every row a plan's nodes read and filtered out, by EXPLAIN ANALYZE on statistics as autovacuum would leave them.</summary>
    protected override async Task<long> RowsPassedOverAsync(MediationDbContext db, DbCommand query)
    {
        await db.Database.ExecuteSqlRawAsync("ANALYZE core.\"AuditEntries\"");
        var json = await AuditChainSealing_Tests_on_Sqlite.PlanAsync(db, query, "EXPLAIN (ANALYZE, FORMAT JSON) ", reader => reader.GetString(0));
        long Removed(JsonElement node) =>
            (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0)
            + (node.TryGetProperty("Plans", out var children) ? children.EnumerateArray().Sum(Removed) : 0);
        return Removed(JsonDocument.Parse(json).RootElement[0].GetProperty("Plan"));
    }
}

/// <summary>The runtime's waits, and a task that completes when a poller first waits an hour or more: the sealer's first pass is over.</summary>
internal sealed class FirstPassWaits : IPollWaits
{
    private readonly TaskCompletionSource _firstPassOver = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstPassOver => _firstPassOver.Task;

    public Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        if (delay >= TimeSpan.FromHours(1)) _firstPassOver.TrySetResult();
        return Task.Delay(delay, ct);
    }

    public Task<bool> WaitAsync(WakeSignal signal, TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}
