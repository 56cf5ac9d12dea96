using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mediation.Cases;
using Mediation.Cases.Domain;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Documents.Application;
using Mediation.Core.Documents.Domain;
using Mediation.Tests.Documents;
using Mediation.Tests.Infrastructure;
using Mediation.Tests.Petitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Cases;

/// <summary>
/// Issue 17, P4: what issuing the 调解协议书 over HTTP costs, asserted by its causes and not by a stopwatch — the SQL commands
/// and SaveChanges of one <c>POST /api/cases/{id}/agreement</c> — with everything it must still write: the archived PDF and its
/// SHA-256, the case's link to it, and the audit rows of both.
/// </summary>
public abstract class AgreementCost_Tests(ITestOutputHelper output)
{
    protected abstract int MaxCommandsPerAgreement { get; }

    protected abstract Task<MediationAppFactory> AppAsync();

    [Fact]
    public async Task Issuing_an_agreement_runs_a_bounded_number_of_SQL_commands_and_still_archives_and_audits_it()
    {
        var app = await AppAsync();
        var mediator = await app.ClientAsAsync("demo.mediator");
        var warm = await ConcludedCaseAsync(app, mediator);
        (await mediator.PostAsync($"/api/cases/{warm}/agreement", null)).StatusCode.ShouldBe(HttpStatusCode.Created); // caches, token
        var caseId = await ConcludedCaseAsync(app, mediator);
        var log = app.Services.GetServices<IDbCommandInterceptor>().OfType<IntakeCost_Tests.SqlCommandLog>().Single();

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}/agreement");
        request.Headers.Add(IntakeCost_Tests.CountHeader, "agreement-" + caseId);
        var response = await mediator.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var issued = await response.ReadAsync<AgreementIssuedDto>();
        var commands = log.Of("agreement-" + caseId);
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n", commands)}");
        commands.Count.ShouldBeLessThanOrEqualTo(MaxCommandsPerAgreement, string.Join("\n", commands));
        // The case is read as far as the document prints it: not joined with its sessions, statements, participants, risk history or
        // continued terms (the case here has a session on record), which the agreement does not print.
        foreach (var unprinted in new[] { "CaseSessions", "CaseSessionStatements", "CaseSessionParticipants", "CaseRiskAssessments", "CaseTermContinuations" })
            commands.ShouldNotContain(c => c.Contains(unprinted, StringComparison.Ordinal), string.Join("\n", commands));
        app.Services.GetRequiredService<IntakeCost_Tests.SaveLog>().Of("agreement-" + caseId)
            .ShouldBe(1, "the archived document, the case's link to it and their audit rows are one SaveChanges");
        // Every read comes before the write transaction begins: the PDF and the checks do not hold SQLite's one writer.
        var timeline = log.Of("agreement-" + caseId, withBegin: true).ToList();
        var begin = timeline.IndexOf(IntakeCost_Tests.SqlCommandLog.Begin);
        begin.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", timeline));
        timeline.Skip(begin + 1).ShouldAllBe(c => c.StartsWith("INSERT", StringComparison.Ordinal) || c.StartsWith("UPDATE", StringComparison.Ordinal),
            string.Join("\n", timeline));

        // What the request wrote, read back: the PDF with its hash, the case's link, and an audit row for each.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var document = await db.Set<IssuedDocument>().IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == issued.DocumentId);
        document.Sha256.ShouldBe(IssuedDocument.HashOf(document.Content));
        document.SizeBytes.ShouldBe(document.Content.Length);
        document.RecordId.ShouldBe(caseId.ToString());
        PdfText.AllText(document.Content).Replace(" ", "", StringComparison.Ordinal).ShouldContain("人民调解协议书");
        var concluded = await db.Set<MediationCase>().IgnoreQueryFilters().AsNoTracking().SingleAsync(c => c.Id == caseId);
        concluded.AgreementDocumentId.ShouldBe(issued.DocumentId);
        var audited = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityId == caseId.ToString() || a.EntityId == issued.DocumentId.ToString()).Select(a => a.EntityType).ToListAsync();
        audited.ShouldContain(nameof(MediationCase));
        audited.ShouldContain(nameof(IssuedDocument));
        // The case's own change is the link alone, and its history gains the next event, as when the case was read whole.
        var events = concluded.Events.OrderBy(e => e.Sequence).ToList();
        events.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, events.Count));
        events[^1].Kind.ShouldBe(CaseEventKind.AgreementIssued);
        events[^1].Detail.ShouldBe(issued.Number);
        var caseChange = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(MediationCase) && a.EntityId == caseId.ToString() && a.Action == AuditActions.Updated)
            .OrderByDescending(a => a.Id).Select(a => a.Details).FirstAsync();
        caseChange.ShouldBe(JsonSerializer.Serialize(new Dictionary<string, object?> { ["AgreementDocumentId"] = new { old = (object?)null, @new = (object?)issued.DocumentId } }));
        var eventRows = await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.EntityType == nameof(CaseEvent) && a.Action == AuditActions.Created && a.Details!.Contains(caseId.ToString()))
            .Select(a => a.Details!).ToListAsync();
        eventRows.Count(d => JsonNode.Parse(d)![nameof(CaseEvent.Sequence)]!.GetValue<int>() == events[^1].Sequence)
            .ShouldBe(1, string.Join("\n", eventRows));
    }

    internal static async Task<Guid> ConcludedCaseAsync(MediationAppFactory app, HttpClient mediator)
    {
        var (committee, mediatorId) = await CaseSetup.CommitteeAsync(app);
        var registered = await CaseSetup.RegisterAsync(app, committee.Id, mediatorId);
        var session = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/sessions", new RecordSessionInput(
            DateTimeOffset.UtcNow.AddHours(-2), "岱东社区调解室", ["调解员", "王某某", "李某某"], "双方同意按测绘图划界", [], registered.ConcurrencyStamp));
        session.StatusCode.ShouldBe(HttpStatusCode.OK, await session.Content.ReadAsStringAsync());
        var concluded = await mediator.PostJsonAsync($"/api/cases/{registered.Id}/conclude", new ConcludeCaseInput(CaseOutcome.Succeeded,
            "王某某与李某某系邻居", "排水沟走向", "李某某负主要责任", [new AgreementTermInput("李某某将排水沟恢复原状", null, new DateOnly(2026, 4, 30))],
            null, null, null, false, null, null) with { ConcurrencyStamp = await mediator.CurrentStampAsync($"/api/cases/{registered.Id}/conclude") });
        concluded.StatusCode.ShouldBe(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
        return registered.Id;
    }
}

public sealed class AgreementCostApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: IntakeCost_Tests.QuietBackground,
    services: IntakeCost_Tests.CountCommands));

public sealed class AgreementCost_Tests_on_Sqlite(AgreementCostApp app, ITestOutputHelper output) : AgreementCost_Tests(output), IClassFixture<AgreementCostApp>
{
    // 14 before issue 17's P4 (two SaveChanges in a transaction, the number checked twice, the unit's scope read back): the caller's
    // account and roles, the case, its committee, the number, the template, then the writes — each INSERT a command on SQLite.
    protected override int MaxCommandsPerAgreement => 12;

    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);
}

[Collection(PostgresCollection.Name)]
public sealed class AgreementCost_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : AgreementCost_Tests(output)
{
    // 9 before issue 17's P4; PostgreSQL batches the SaveChanges' writes into one command.
    protected override int MaxCommandsPerAgreement => 6;

    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), IntakeCost_Tests.CountCommands, IntakeCost_Tests.QuietBackground);
}
