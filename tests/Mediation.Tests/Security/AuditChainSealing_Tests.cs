using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
}

public sealed class AuditChainSealing_Tests_on_Sqlite(SqliteApp app) : AuditChainSealing_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Third)]
public sealed class AuditChainSealing_Tests_on_PostgreSql(PostgresCluster cluster) : AuditChainSealing_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
