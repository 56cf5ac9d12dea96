using Mediation.Core.Data;
using Mediation.Core.Numbering;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Core;

public sealed class OfficialNumber_Tests
{
    [Theory]
    [InlineData("泰山调", 2026, 1, "泰山调〔2026〕1号")]
    [InlineData("泰山信", 2026, 12, "泰山信〔2026〕12号")]
    [InlineData("泰山信", 2027, 1000, "泰山信〔2027〕1000号")]
    public void The_sequence_is_written_without_padding_as_GB_T_9704_asks(string issuer, int year, int sequence, string expected) =>
        OfficialNumber.Format(issuer, year, sequence).ShouldBe(expected);
}

public abstract class NumberSequence_Tests : ProviderTests
{
    private async Task<int> NextAsync(string kind, Guid issuer, int year, bool commit)
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var next = await scope.ServiceProvider.GetRequiredService<INumberSequence>().NextAsync(kind, issuer, year, CancellationToken.None);
        if (commit) await transaction.CommitAsync();
        return next;
    }

    [Fact]
    public async Task Kinds_issuers_and_years_count_apart_and_a_rollback_gives_the_number_back()
    {
        var issuer = Guid.NewGuid();
        (await NextAsync("test.a", issuer, 2026, commit: true)).ShouldBe(1);
        (await NextAsync("test.a", issuer, 2026, commit: true)).ShouldBe(2);
        (await NextAsync("test.a", issuer, 2026, commit: false)).ShouldBe(3);
        (await NextAsync("test.a", issuer, 2026, commit: true)).ShouldBe(3);
        (await NextAsync("test.b", issuer, 2026, commit: true)).ShouldBe(1);
        (await NextAsync("test.a", Guid.NewGuid(), 2026, commit: true)).ShouldBe(1);
        (await NextAsync("test.a", issuer, 2027, commit: true)).ShouldBe(1);
    }

    [Fact]
    public async Task Fifty_concurrent_first_numbers_of_a_year_are_one_to_fifty()
    {
        var issuer = Guid.NewGuid();
        var issued = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => NextAsync("test.race", issuer, 2026, commit: true))));
        issued.Order().ShouldBe(Enumerable.Range(1, 50));
    }

    [Fact]
    public async Task A_number_outside_a_transaction_is_refused_because_it_could_not_be_given_back()
    {
        await using var scope = (await AppAsync()).Services.CreateAsyncScope();
        await Should.ThrowAsync<InvalidOperationException>(() =>
            scope.ServiceProvider.GetRequiredService<INumberSequence>().NextAsync("test.c", Guid.NewGuid(), 2026, CancellationToken.None));
    }
}

public sealed class NumberSequence_Tests_on_Sqlite(SqliteApp app) : NumberSequence_Tests, IClassFixture<SqliteApp>
{
    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Second)]
public sealed class NumberSequence_Tests_on_PostgreSql(PostgresCluster cluster) : NumberSequence_Tests
{
    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType());
}
