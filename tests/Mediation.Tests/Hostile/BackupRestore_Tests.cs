using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Mediation.Cases;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Documents.Application;
using Mediation.Core.Modularity;
using Mediation.Core.Web;
using Mediation.Petitions;
using Mediation.Tests.Api;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R7: etc/backup.sh takes an online backup of a running host, restores it into a fresh database, and the host started
/// on the restore finds every row, every document byte for byte, an intact audit chain and personal data it can still decrypt.
/// </summary>
public abstract class BackupRestore_Tests
{
    protected static readonly IReadOnlyDictionary<string, string?> WithDemoRecords = new Dictionary<string, string?> { [DemoActor.RecordsSetting] = "true" };

    protected abstract Task<(MediationAppFactory Source, Dictionary<string, string> Env)> SourceAsync();

    /// <summary>Where the restore goes (an empty database), and the host that will be started on it.</summary>
    protected abstract Task<(Dictionary<string, string> Env, Func<MediationAppFactory> Start)> TargetAsync();

    [Fact]
    public async Task A_backup_taken_while_the_host_runs_restores_every_row_document_and_the_audit_chain()
    {
        var (source, sourceEnv) = await SourceAsync();
        await using var sourceHost = source;
        var mediator = await source.ClientAsAsync("demo.mediator");
        var concluded = (await (await mediator.GetAsync($"/api/cases?status={CaseStatus.Concluded}")).ReadAsync<PagedList<CaseSummaryDto>>()).Items[0];
        var agreement = await (await mediator.PostAsync($"/api/cases/{concluded.Id}/agreement", null)).ReadAsync<AgreementIssuedDto>();
        var pdf = await (await mediator.GetAsync($"/api/documents/{agreement.DocumentId}")).Content.ReadAsByteArrayAsync();
        var officer = await source.ClientAsAsync("demo.petitionofficer");
        var petition = (await (await officer.GetAsync("/api/petitions")).ReadAsync<PagedList<PetitionSummaryDto>>()).Items[0];
        var revealed = await RevealAsync(officer, petition.Id);

        // Quiet the background writers (outbox, audit sealer) so the counts taken around the backup describe it.
        var backup = Path.Combine(source.ContentDirectory, "backup");
        Dictionary<string, long> before, after;
        var attempt = 0;
        do
        {
            await SealAsync(source);
            before = await RowCountsAsync(source);
            if (Directory.Exists(backup)) Directory.Delete(backup, recursive: true);
            await RunAsync(sourceEnv, "backup", backup);
            after = await RowCountsAsync(source);
        } while (!before.SequenceEqual(after) && ++attempt < 5);
        before.ShouldBe(after, "the host kept writing while the backup was taken");
        var sourceChain = await ChainAsync(source);
        sourceChain.Intact.ShouldBeTrue();

        var (targetEnv, start) = await TargetAsync();
        await RunAsync(targetEnv, "restore", backup);
        await using var restored = start();
        restored.StartServer();

        var counts = await RowCountsAsync(restored);
        counts.Where(c => !before.TryGetValue(c.Key, out var n) || n != c.Value).ShouldBeEmpty("every table holds the rows it held at the backup");
        before.Keys.Except(counts.Keys).ShouldBeEmpty();
        var chain = await ChainAsync(restored);
        (chain.Intact, chain.Checked).ShouldBe((true, sourceChain.Checked));

        var restoredMediator = await restored.ClientAsAsync("demo.mediator");
        var bytes = await (await restoredMediator.GetAsync($"/api/documents/{agreement.DocumentId}")).Content.ReadAsByteArrayAsync();
        Convert.ToHexString(SHA256.HashData(bytes)).ShouldBe(Convert.ToHexString(SHA256.HashData(pdf)), "the archived agreement is byte-identical");
        (await RevealAsync(await restored.ClientAsAsync("demo.petitionofficer"), petition.Id)).ShouldBe(revealed, "the encrypted 身份证号 and phones decrypt with the same keys");
    }

    private static async Task<string> RevealAsync(HttpClient client, Guid petitionId)
    {
        var response = await client.PostAsync($"/api/petitions/{petitionId}/petitioners/reveal", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("370902");
        return text;
    }

    private static async Task SealAsync(MediationAppFactory app)
    {
        var chain = app.Services.GetRequiredService<AuditChain>();
        await Task.Delay(500);
        while (await chain.SealAsync(CancellationToken.None) > 0) { }
    }

    private static async Task<AuditChainReport> ChainAsync(MediationAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChain>().VerifyAsync(CancellationToken.None);
    }

    /// <summary>Rows per table of the model (owned types share their owner's table), read with plain COUNT(*).</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(MediationAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => (Schema: t.GetSchema(), Table: t.GetTableName()!)).Distinct().ToList();
        var counts = new Dictionary<string, long>();
        foreach (var (schema, table) in tables.OrderBy(t => t.Schema).ThenBy(t => t.Table))
        {
            // The names come from the model, delimited by the provider: nothing of a user's reaches this SQL.
            var query = "SELECT COUNT(*) AS \"Value\" FROM " + sql.DelimitIdentifier(table, schema);
            counts[$"{schema}.{table}"] = (await db.Database.SqlQueryRaw<long>(query).ToListAsync()).Single();
        }
        return counts;
    }

    private static async Task RunAsync(Dictionary<string, string> env, string action, string directory)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(KernelAssembliesRoot(), "etc", "backup.sh"), action, directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in env) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"etc/backup.sh {action}: {await output}{await error}");
    }

    private static string KernelAssembliesRoot() => Architecture.KernelAssemblies.RepositoryRoot().FullName;
}

public sealed class BackupRestore_Tests_on_Sqlite : BackupRestore_Tests
{
    private readonly string _target = Path.Combine(Path.GetTempPath(), "mediation-tests", "restore-" + Guid.NewGuid().ToString("N")[..8], "mediation.db");

    private static Dictionary<string, string> Env(string file) => new()
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Default"] = $"Data Source={file}",
    };

    protected override Task<(MediationAppFactory Source, Dictionary<string, string> Env)> SourceAsync()
    {
        var source = new MediationAppFactory(DatabaseProvider.Sqlite, settings: WithDemoRecords);
        source.StartServer();
        return Task.FromResult((source, Env(Path.Combine(source.ContentDirectory, "mediation.db"))));
    }

    protected override Task<(Dictionary<string, string> Env, Func<MediationAppFactory> Start)> TargetAsync() =>
        Task.FromResult<(Dictionary<string, string>, Func<MediationAppFactory>)>((Env(_target),
            () => new MediationAppFactory(DatabaseProvider.Sqlite, $"Data Source={_target};Default Timeout=120", WithDemoRecords)));
}

[Collection(PostgresCollection.Second)]
public sealed class BackupRestore_Tests_on_PostgreSql(PostgresCluster cluster) : BackupRestore_Tests
{
    private static Dictionary<string, string> Env(string connection) => new()
    {
        ["Database__Provider"] = "PostgreSql",
        ["ConnectionStrings__Default"] = connection,
    };

    protected override async Task<(MediationAppFactory Source, Dictionary<string, string> Env)> SourceAsync()
    {
        var connection = await cluster.CreateDatabaseAsync();
        var source = new MediationAppFactory(DatabaseProvider.PostgreSql, connection, WithDemoRecords);
        source.StartServer();
        return (source, Env(connection));
    }

    protected override async Task<(Dictionary<string, string> Env, Func<MediationAppFactory> Start)> TargetAsync()
    {
        var connection = await cluster.CreateDatabaseAsync();
        return (Env(connection), () => new MediationAppFactory(DatabaseProvider.PostgreSql, connection, WithDemoRecords));
    }
}
