using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Notifications.Application;
using Mediation.Core.Notifications.Domain;
using Mediation.Core.OrgUnits.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Mediation.Tests.Api;

/// <summary>
/// The claim-with-lease primitive the outbox dispatcher, the notice dispatcher and the audit sealer share: of concurrent
/// claimers exactly one takes a row, and the lease is judged by the database's clock — this host's clock runs a day ahead.
/// </summary>
public abstract class LeaseClaim_Tests : ProviderTests
{
    public static readonly TimeSpan HostClockAhead = TimeSpan.FromDays(1);

    public static void HostClockADayAhead(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow + HostClockAhead));

    private async Task<T> InScopeAsync<T>(Func<MediationDbContext, IServiceProvider, Task<T>> action)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MediationDbContext>(), scope.ServiceProvider);
    }

    [Fact]
    public async Task Of_eight_concurrent_claimers_exactly_one_takes_each_free_lease()
    {
        for (var round = 0; round < 10; round++)
        {
            var name = "test-" + Guid.NewGuid().ToString("N");
            await InScopeAsync(async (db, _) =>
            {
                db.Add(new Lease { Name = name, Holder = "crashed", LockedUntil = DateTimeOffset.UnixEpoch });
                return await db.SaveChangesAsync();
            });

            var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => InScopeAsync((db, _) =>
                db.TryClaimAsync(db.Set<Lease>().Where(l => l.Name == name), l => l.LockedUntil, TimeSpan.FromMinutes(1), CancellationToken.None,
                    alsoSet: s => s.SetProperty(l => l.Holder, "claimer" + i))))));

            claims.Count(c => c).ShouldBe(1);
            var holder = await InScopeAsync((db, _) => db.Set<Lease>().Where(l => l.Name == name).Select(l => l.Holder).SingleAsync());
            holder.ShouldBe("claimer" + Array.IndexOf(claims, true));
        }
    }

    [Fact]
    public async Task Concurrent_notice_dispatchers_send_each_notice_once()
    {
        var unitId = await InScopeAsync((db, _) => db.Set<OrgUnit>().Where(u => u.Code == "370902").Select(u => u.Id).SingleAsync());
        var ids = await InScopeAsync(async (db, sp) =>
        {
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var notices = Enumerable.Range(0, 20).Select(i => new Notice(Guid.NewGuid(), NoticeChannel.Sms, unitId, "13800000000", "test", "并发" + i, "正文", null, now)).ToList();
            db.AddRange(notices);
            await db.SaveChangesAsync();
            return notices.Select(n => n.Id).ToList();
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => InScopeAsync((_, sp) => sp.GetRequiredService<NoticeDispatcher>().RunAsync(CancellationToken.None)))));

        var sent = await InScopeAsync((db, _) => db.Set<Notice>().AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync());
        sent.ShouldAllBe(n => n.SentAt != null && n.Attempts == 1);
    }

    [Fact]
    public async Task A_host_whose_clock_runs_ahead_does_not_take_a_notice_another_host_still_holds()
    {
        var unitId = await InScopeAsync((db, _) => db.Set<OrgUnit>().Where(u => u.Code == "370902").Select(u => u.Id).SingleAsync());
        var id = await InScopeAsync(async (db, _) =>
        {
            var databaseNow = await db.DatabaseNowAsync(CancellationToken.None);
            var notice = new Notice(Guid.NewGuid(), NoticeChannel.Sms, unitId, "13800000000", "test", "已被认领", "正文", null, databaseNow)
            {
                ClaimedUntil = databaseNow + TimeSpan.FromMinutes(5), // another host is sending it
                Attempts = 1,
            };
            db.Add(notice);
            await db.SaveChangesAsync();
            return notice.Id;
        });

        await InScopeAsync((_, sp) => sp.GetRequiredService<NoticeDispatcher>().RunAsync(CancellationToken.None));

        var notice = await InScopeAsync((db, _) => db.Set<Notice>().AsNoTracking().SingleAsync(n => n.Id == id));
        notice.SentAt.ShouldBeNull();
        notice.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task The_audit_sealer_lease_of_another_host_is_not_taken_by_a_clock_that_runs_ahead()
    {
        var app = await AppAsync();
        await InScopeAsync(async (db, _) =>
        {
            var until = await db.DatabaseNowAsync(CancellationToken.None) + TimeSpan.FromMinutes(5);
            // This host's own sealer runs every 200 ms and may create the row between our UPDATE and INSERT.
            while (await db.Set<Lease>().Where(l => l.Name == "audit-sealer")
                       .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "another host").SetProperty(l => l.LockedUntil, until)) == 0)
            {
                var lease = db.Add(new Lease { Name = "audit-sealer", Holder = "another host", LockedUntil = until });
                try { return await db.SaveChangesAsync(); }
                catch (DbUpdateException) { lease.State = EntityState.Detached; }
            }
            return 1;
        });

        (await app.Services.GetRequiredService<AuditChain>().SealAsync(CancellationToken.None)).ShouldBe(0);
        (await InScopeAsync((db, _) => db.Set<Lease>().Where(l => l.Name == "audit-sealer").Select(l => l.Holder).SingleAsync())).ShouldBe("another host");
    }
}

public sealed class SqliteAppWithClockAhead() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, services: LeaseClaim_Tests.HostClockADayAhead));

public sealed class LeaseClaim_Tests_on_Sqlite(SqliteAppWithClockAhead app) : LeaseClaim_Tests, IClassFixture<SqliteAppWithClockAhead>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class LeaseClaim_Tests_on_PostgreSql(PostgresCluster cluster) : LeaseClaim_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), HostClockADayAhead);
}
