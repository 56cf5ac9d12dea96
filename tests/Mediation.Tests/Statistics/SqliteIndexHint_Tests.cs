using Mediation.Core.Data;
using Mediation.Statistics;
using Mediation.Statistics.Data;
using Mediation.Statistics.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Statistics;

/// <summary>
/// The open records due this month are read on SQLite INDEXED BY the facts' (Kind, DueOn, …) index (SQLite guessed the ConcludedOn
/// index, every open record of all years): the tag names an index SQLite has, its plan searches that index by DueOn, the rows are the
/// untagged statement's, and an untagged statement is left alone.
/// </summary>
public sealed class SqliteIndexHint_Tests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_tagged_statement_reads_the_facts_through_the_named_index_on_sqlite()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var index = db.Model.FindEntityType(typeof(RecordFact))!.GetIndexes()
            .Single(i => i.Properties[0].Name == nameof(RecordFact.Kind) && i.Properties[1].Name == nameof(RecordFact.DueOn));
        var (month, from, to) = (new DateOnly(2026, 11, 1), new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31));
        IQueryable<KeyValuePair<string, long>> Open() => db.Set<RecordFact>().AsNoTracking()
            .Where(f => f.Kind == RecordKind.Case && f.ConcludedOn == null && f.DueOn >= EF.Constant(month)
                && f.ReceivedOn >= EF.Constant(from) && f.ReceivedOn <= EF.Constant(to))
            .GroupBy(f => f.UnitKey.Substring(0, 32)).Select(g => new KeyValuePair<string, long>(g.Key, g.LongCount()));

        var tagged = Open().TagWith(SqliteIndexHint.Tag(index));
        (await tagged.ToListAsync()).OrderBy(r => r.Key).ShouldBe((await Open().ToListAsync()).OrderBy(r => r.Key));

        var hinted = SqliteIndexHint.Hinted(tagged.ToQueryString());
        hinted.ShouldContain($"INDEXED BY \"{index.GetDatabaseName()}\"");
        SqliteIndexHint.Hinted(Open().ToQueryString()).ShouldNotContain("INDEXED BY");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + hinted;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        plan.ShouldContain(line => line.Contains($"INDEX {index.GetDatabaseName()} (Kind=? AND DueOn>?)"), string.Join(" | ", plan));
    }
}
