using System.Data.Common;
using Mediation.Core.Data;
using Mediation.Statistics;
using Mediation.Statistics.Application;
using Mediation.Tests.Deadlines;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// Every writer of statistics facts holds its kind's lock from its read to its commit (<see cref="FactLocks"/>), and takes it once a
/// transaction: a refresh's store and a recount page's replace join the transaction whose lock is already held instead of asking
/// PostgreSQL for it again. Only PostgreSQL is run: SQLite takes no lock of its own (its write gate orders writers).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FactLocks_Tests_on_PostgreSql(PostgresCluster cluster)
{
    private readonly LockCounter _locks = new();

    private async Task<MediationAppFactory> AppAsync()
    {
        var app = new MediationAppFactory(DatabaseProvider.PostgreSql, await cluster.CreateDatabaseAsync(),
            services: s => s.AddSingleton<IDbCommandInterceptor>(_locks));
        app.StartServer();
        return app;
    }

    [Fact]
    public async Task A_refresh_takes_its_kinds_lock_once()
    {
        await using var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        var keeper = scope.ServiceProvider.GetRequiredService<FactKeeper>();

        // The refresh's read and its store run in one transaction: one lock, not one for the refresh and another for the store.
        (await _locks.CountAsync(() => keeper.RefreshAsync(RecordKind.Case, [Guid.NewGuid()], CancellationToken.None))).ShouldBe(1);
        // A store of its own (a caller without a transaction) takes it too.
        (await _locks.CountAsync(() => keeper.StoreAsync(RecordKind.Petition, [Guid.NewGuid()], [], CancellationToken.None))).ShouldBe(1);
        // A unit's move takes every kind's, each once.
        var unitId = await app.UnitIdAsync("370902001001");
        (await _locks.CountAsync(() => keeper.RekeySubtreeAsync(unitId, CancellationToken.None))).ShouldBe(FactKeeper.Kinds.Count);
    }

    [Fact]
    public async Task A_recount_takes_its_kinds_lock_once_a_page_and_every_kinds_once_to_reconcile()
    {
        await using var app = await AppAsync();
        using var scope = app.Services.CreateScope();
        var recount = scope.ServiceProvider.GetRequiredService<RecountService>();
        var pages = 0;

        // Pages of ten over the demo data: several pages a kind, each read and replaced in one transaction holding the kind's lock.
        var locks = await _locks.CountAsync(() => recount.RecountAsync(10, CancellationToken.None, _ =>
        {
            pages++;
            return Task.CompletedTask;
        }));

        pages.ShouldBeGreaterThan(FactKeeper.Kinds.Count);
        locks.ShouldBe(pages + FactKeeper.Kinds.Count);
    }

    /// <summary>Counts PostgreSQL's transaction-level advisory lock commands of one piece of work, not the host's background services'.</summary>
    private sealed class LockCounter : DbCommandInterceptor
    {
        private readonly AsyncLocal<bool> _counting = new();
        private int _locks;

        public async Task<int> CountAsync(Func<Task> work)
        {
            var before = _locks;
            _counting.Value = true;
            try { await work(); }
            finally { _counting.Value = false; }
            return _locks - before;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command)
        {
            if (_counting.Value && command.CommandText.Contains("pg_advisory_xact_lock", StringComparison.Ordinal)) Interlocked.Increment(ref _locks);
        }
    }
}
