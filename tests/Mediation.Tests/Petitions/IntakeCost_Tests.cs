using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Mediation.Petitions;
using Mediation.Core.Auditing;
using Mediation.Core.Data;
using Mediation.Core.Messaging;
using Mediation.Host.Data;
using Mediation.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit.Abstractions;

namespace Mediation.Tests.Petitions;

/// <summary>
/// Issue 17: what intake costs, asserted by its causes and not by a stopwatch — the SQL commands one registration runs, and
/// SQLite writers queueing at the process's write gate instead of sleeping on SQLITE_BUSY.
/// </summary>
public abstract class IntakeCost_Tests(ITestOutputHelper output)
{
    internal const string CountHeader = "X-Test-Count-Commands";

    // 28 before issue 17 on SQLite (3 to sign the caller in, the calendar table six times, the new clocks and petition read back);
    // 19 with the calendar read once per request, 18 since it is kept per process, 14 since a registration is one SaveChanges
    // without the clock's existence checks and the caller's permissions come from the process while the roles' stamps stand,
    // 13 since the caller's own unit comes with the claims (the years' stamps, read by each request until then, are read once per batch
    // since; a lone registration is a batch of one).
    protected abstract int MaxCommandsPerRegistration { get; }

    protected abstract Task<MediationAppFactory> AppAsync();

    // Small enough that the test below registers more matching items than the check may score.
    private static readonly KeyValuePair<string, string> DuplicateCheckCap = new("Petitions:DuplicateCheck:MaxCandidates", "5");

    internal static readonly IReadOnlyDictionary<string, string?> QuietBackground = new Dictionary<string, string?>
    {
        ["Outbox:DispatcherEnabled"] = "false",
        ["Audit:SealInterval"] = "01:00:00",
        [DuplicateCheckCap.Key] = DuplicateCheckCap.Value,
        ["Outbox:MergedPerTransaction"] = "3",
    };

    internal static void CountCommands(IServiceCollection services)
    {
        services.AddSingleton<ContextBuildLog>();
        services.AddSingleton<IDbCommandInterceptor, SqlCommandLog>();
        services.AddSingleton<SaveLog>();
        services.AddSingleton<ISaveChangesInterceptor>(sp => sp.GetRequiredService<SaveLog>());
    }

    internal static void CountCommandsAndFeeds(IServiceCollection services)
    {
        CountCommands(services);
        services.AddIntegrationEventHandler<PetitionsChangedEto, RecordingFeedHandler>();
    }

    internal static RegisterPetitionInput Letter(int n) => new(PetitionChannel.Visit, null, null,
        [new PetitionerInput("王某" + n, "11010519491231002X", "13800138000", "岱东社区 3 号")],
        PetitionTextSimilarity_Tests.Noise + n, "依法查处", "岱东社区", null, null, null, null);

    [Fact]
    public async Task One_registration_runs_a_bounded_number_of_SQL_commands()
    {
        var app = await AppAsync();
        var client = await app.ClientAsAsync("demo.petitionofficer");
        (await client.PostJsonAsync("/api/petitions", Letter(0))).StatusCode.ShouldBe(HttpStatusCode.Created); // warm caches, token
        var log = app.Services.GetServices<IDbCommandInterceptor>().OfType<SqlCommandLog>().Single();

        var builds = app.Services.GetRequiredService<ContextBuildLog>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/petitions") { Content = JsonContent.Create(Letter(1), options: HttpJson.Options) };
        request.Headers.Add(CountHeader, "registration");
        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var commands = log.Of("registration");
        output.WriteLine($"{commands.Count} commands:\n{string.Join("\n", commands)}");
        commands.Count.ShouldBeLessThanOrEqualTo(MaxCommandsPerRegistration, string.Join("\n", commands));
        // The process keeps the calendar while every year's stamp is unchanged: only the few year rows are read.
        commands.Count(c => c.Contains("CalendarDays", StringComparison.Ordinal)).ShouldBe(0, "the calendar is current in the process");
        commands.Count(c => c.Contains("CalendarYears", StringComparison.Ordinal)).ShouldBe(1, "the years' stamps are read once per batch, by the batch");
        // The audit rows are written after the save in its transaction, past EF's commands (one prepared INSERT on SQLite).
        var petitionId = (await response.ReadAsync<PetitionDto>()).Id;
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<AuditEntry>()
                .CountAsync(a => a.EntityType == "Petition" && a.EntityId == petitionId.ToString())).ShouldBe(1, "the registration is still audited");
        commands.ShouldContain(c => c.Contains("DeadlineClocks", StringComparison.Ordinal) && c.StartsWith("INSERT", StringComparison.Ordinal));
        commands.ShouldContain(c => c.Contains("OutboxMessages", StringComparison.Ordinal), "the change feed is still published");
        app.Services.GetRequiredService<SaveLog>().Of("registration").ShouldBe(1, "petition, clock, audit rows and outbox message are one SaveChanges");
        // The request reads nothing through its own context (the batch, a context of its own, writes): asking whether the request's
        // context holds a transaction must not build its services.
        builds.Of("registration").ShouldBe(1, "only the batch's context is built");
        commands.ShouldNotContain(c => c.Contains("DeadlineClocks", StringComparison.Ordinal) && c.StartsWith("SELECT", StringComparison.Ordinal),
            "a petition not yet written has no clock to look for");
        commands.ShouldNotContain(c => c.Contains("RolePermissions", StringComparison.Ordinal), "the roles' stamps are unchanged: permissions come from the process");
        commands.ShouldNotContain(c => c.StartsWith("SELECT", StringComparison.Ordinal) && c.Contains("OrgUnits", StringComparison.Ordinal)
            && !c.Contains("Users", StringComparison.Ordinal), "the caller's own unit comes with the claims, not from a look-up of its own");
        // The transaction (SQLite's write gate; on PostgreSQL the number's lock on its unit's counter, taken first in it) holds
        // nothing but the writes: every read, the calendar's included, comes before it begins.
        var timeline = log.Of("registration", withBegin: true).ToList();
        var begin = timeline.IndexOf(SqlCommandLog.Begin);
        begin.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", timeline));
        timeline.Skip(begin + 1).ShouldAllBe(c => c.StartsWith("INSERT", StringComparison.Ordinal), string.Join("\n", timeline));
    }

    /// <summary>
    /// Issue 12: the duplicate check reads one row per candidate with only the fields scoring needs. Loading whole petitions
    /// joined every petitioner, event, notice and opinion of up to 2,000 items into one result.
    /// </summary>
    [Fact]
    public async Task The_duplicate_check_reads_only_what_it_scores_and_as_many_commands_for_eight_candidates_as_for_two()
    {
        var app = await AppAsync();
        var client = await app.ClientAsAsync("demo.petitionofficer");
        var log = app.Services.GetServices<IDbCommandInterceptor>().OfType<SqlCommandLog>().Single();
        var draft = new DuplicateQueryInput(null, [new PetitionerInput("王某", "11010519491231002X", null, null)], PetitionTextSimilarity_Tests.Noise,
            "依法查处", "岱东社区");

        foreach (var n in Enumerable.Range(200, 2))
            (await client.PostJsonAsync("/api/petitions", Letter(n))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var few = await CheckAsync("duplicates-few");
        foreach (var n in Enumerable.Range(202, 6))
            (await client.PostJsonAsync("/api/petitions", Letter(n))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var many = await CheckAsync("duplicates-many");

        output.WriteLine($"{few.Commands.Count} and {many.Commands.Count} commands:\n{string.Join("\n", many.Commands)}");
        many.Commands.Count.ShouldBe(few.Commands.Count, "the candidates are read in one command however many there are");
        many.Commands.ShouldContain(c => c.Contains("Petitions", StringComparison.Ordinal));
        foreach (var table in new[] { "PetitionEvents", "PetitionNotices", "PetitionOpinions" })
            many.Commands.ShouldNotContain(c => c.Contains(table, StringComparison.Ordinal), $"scoring needs nothing from {table}");
        few.Found.Count.ShouldBeGreaterThanOrEqualTo(2);
        many.Found.Count.ShouldBe(int.Parse(DuplicateCheckCap.Value), "eight items match, the setting lets five be scored");
        many.Found.ShouldAllBe(d => d.SamePetitioner);

        async Task<(IReadOnlyList<string> Commands, IReadOnlyList<DuplicateCandidateDto> Found)> CheckAsync(string tag)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/petitions/duplicates") { Content = JsonContent.Create(draft, options: HttpJson.Options) };
            request.Headers.Add(CountHeader, tag);
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            // Not the caller's account: the process keeps its copy 2 s (Identity:ClaimsCacheDuration), so a slow run reads it again in one
            // check and not the other (the full run of 2026-12-03 17:00 UTC counted 2 and 3 on PostgreSQL).
            return ([.. log.Of(tag).Where(c => !c.Contains("Users", StringComparison.Ordinal))],
                (await response.Content.ReadFromJsonAsync<List<DuplicateCandidateDto>>(HttpJson.Options))!);
        }
    }

    /// <summary>
    /// Issue 17: the change feed's messages of one dispatch round reach each handler as one event — one statistics refresh for
    /// a round of registrations, not one each — and every message is still marked processed with an inbox row per handler.
    /// </summary>
    [Fact]
    public async Task A_rounds_change_messages_reach_each_handler_once_merged_and_each_is_processed()
    {
        var app = await AppAsync();
        var (dispatcher, ids) = await RegisterLettersAsync(app, 300, 3);

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var calls = RecordingFeedHandler.Calls.Where(c => c.Ids.Intersect(ids).Any()).ToList();
        calls.ShouldHaveSingleItem().Ids.ShouldBe(ids, ignoreOrder: true);
        var messages = await FeedMessagesAsync(app, ids);
        messages.Count.ShouldBe(3);
        messages.ShouldAllBe(m => m.ProcessedAt != null && m.LockedUntil == null);
        (await InboxRowsAsync(app, messages, typeof(RecordingFeedHandler))).ShouldBe(3, "one inbox row per message, as one at a time wrote");
        (await InboxRowsAsync(app, messages, typeof(Mediation.Statistics.Application.RecordsChangedHandler))).ShouldBe(3);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<Mediation.Statistics.Domain.RecordFact>()
            .CountAsync(f => ids.Contains(f.RecordId))).ShouldBe(3, "the statistics facts of every registration were refreshed");
    }

    /// <summary>
    /// Issue 17: a round's merged feed reaches a handler in parts of <c>Outbox:MergedPerTransaction</c> messages (3 here), each in a
    /// transaction of its own: one refresh of a whole round held SQLite's write gate for 40 ms and more while registrations waited.
    /// </summary>
    [Fact]
    public async Task A_rounds_change_messages_reach_each_handler_in_parts_each_committed_with_its_inbox_rows()
    {
        var app = await AppAsync();
        var (dispatcher, ids) = await RegisterLettersAsync(app, 320, 7);

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var calls = RecordingFeedHandler.Calls.Where(c => c.Ids.Intersect(ids).Any()).ToList();
        calls.Select(c => c.Ids.Count).ShouldBe([3, 3, 1]);
        calls.SelectMany(c => c.Ids).ShouldBe(ids, ignoreOrder: true);
        var messages = await FeedMessagesAsync(app, ids);
        messages.ShouldAllBe(m => m.ProcessedAt != null && m.LockedUntil == null);
        (await InboxRowsAsync(app, messages, typeof(RecordingFeedHandler))).ShouldBe(7);
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<Mediation.Statistics.Domain.RecordFact>()
            .CountAsync(f => ids.Contains(f.RecordId))).ShouldBe(7, "the statistics facts of every registration were refreshed");
    }

    /// <summary>
    /// Issue 17: the desk's follow-up and the work orders follow few petitions. A round whose petitions no desk request awaits and no
    /// work order follows is not delivered to their handlers — no transaction (on SQLite no write gate) and no inbox row for them —
    /// while the statistics get every message. (That a followed petition still reaches them: ServiceDeskPetitionHandOff_Tests, WorkOrders_Tests.)
    /// </summary>
    [Fact]
    public async Task A_round_no_desk_request_or_work_order_follows_is_not_delivered_to_their_handlers()
    {
        var app = await AppAsync();
        var (dispatcher, ids) = await RegisterLettersAsync(app, 340, 4);

        await dispatcher.DispatchPendingAsync(CancellationToken.None);

        var messages = await FeedMessagesAsync(app, ids);
        messages.Count.ShouldBe(4);
        messages.ShouldAllBe(m => m.ProcessedAt != null && m.LockedUntil == null);
        (await InboxRowsAsync(app, messages, typeof(Mediation.Statistics.Application.RecordsChangedHandler))).ShouldBe(4);
        (await InboxRowsAsync(app, messages, typeof(Mediation.ServiceDesk.Application.PetitionFollowHandler))).ShouldBe(0);
        (await InboxRowsAsync(app, messages, typeof(Mediation.Integrations.Application.PetitionWorkOrdersHandler))).ShouldBe(0);
    }

    /// <summary>
    /// Issue 17: the statistics refresh of new records writes their facts as the recount does (a prepared INSERT on SQLite, COPY on
    /// PostgreSQL), not through the change tracker: a refresh of a round's registrations held SQLite's write gate while EF built and
    /// ran an INSERT per fact.
    /// </summary>
    [Fact]
    public async Task A_refresh_writes_new_facts_without_the_change_tracker()
    {
        var app = await AppAsync();
        var (dispatcher, ids) = await RegisterLettersAsync(app, 350, 2);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediation.Statistics.Application.FactKeeper>()
                .RefreshAsync(Mediation.Statistics.RecordKind.Petition, ids, CancellationToken.None);
            scope.ServiceProvider.GetRequiredService<MediationDbContext>().ChangeTracker.Entries<Mediation.Statistics.Domain.RecordFact>()
                .ShouldBeEmpty("new facts are not tracked: they were not written through the change tracker");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var facts = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<Mediation.Statistics.Domain.RecordFact>()
                .AsNoTracking().Where(f => ids.Contains(f.RecordId)).ToListAsync();
            facts.Count.ShouldBe(2);
            facts.ShouldAllBe(f => f.Kind == Mediation.Statistics.RecordKind.Petition && f.Number.Contains("信〔") && f.UnitKey.Length > 0);
        }
        while (await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0) { } // the feed's own delivery finds them equal
    }

    [Fact]
    public async Task When_a_merged_delivery_fails_each_message_is_delivered_alone()
    {
        var app = await AppAsync();
        var (dispatcher, ids) = await RegisterLettersAsync(app, 310, 3);

        RecordingFeedHandler.FailMerged.TryAdd(ids[1], true);
        (await dispatcher.DispatchPendingAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(3);

        var calls = RecordingFeedHandler.Calls.Where(c => c.Ids.Intersect(ids).Any()).ToList();
        calls.Count(c => c.Ids.Count == 1).ShouldBe(3, "after the merged delivery failed, one delivery per message");
        (await FeedMessagesAsync(app, ids)).ShouldAllBe(m => m.ProcessedAt != null && m.Attempts == 0);
        (await InboxRowsAsync(app, await FeedMessagesAsync(app, ids), typeof(Mediation.Statistics.Application.RecordsChangedHandler))).ShouldBe(3);
    }

    /// <summary>
    /// Letters <paramref name="first"/> … registered over the API once the dispatcher has delivered what earlier tests of the class
    /// left, so that the next round is theirs alone.
    /// </summary>
    private static async Task<(OutboxDispatcher Dispatcher, List<Guid> Ids)> RegisterLettersAsync(MediationAppFactory app, int first, int count)
    {
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0) { }
        var client = await app.ClientAsAsync("demo.petitionofficer");
        var ids = new List<Guid>();
        foreach (var n in Enumerable.Range(first, count))
            ids.Add((await (await client.PostJsonAsync("/api/petitions", Letter(n))).ReadAsync<PetitionDto>()).Id);
        return (dispatcher, ids);
    }

    private static async Task<List<Mediation.Core.Messaging.OutboxMessage>> FeedMessagesAsync(MediationAppFactory app, List<Guid> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.EventName == PetitionsChangedEto.EventName).ToListAsync())
            .Where(m => ids.Any(id => m.Payload.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static async Task<int> InboxRowsAsync(MediationAppFactory app, List<Mediation.Core.Messaging.OutboxMessage> messages, Type handler)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        var messageIds = messages.Select(m => m.Id).ToList();
        return await db.InboxMessages.CountAsync(i => messageIds.Contains(i.MessageId) && i.HandlerName == handler.FullName);
    }

    /// <summary>Records what each delivery of the petitions' change feed named; fails a merged one holding an id in <see cref="FailMerged"/>.</summary>
    internal sealed class RecordingFeedHandler : IIntegrationEventHandler<PetitionsChangedEto>
    {
        public static readonly ConcurrentQueue<(IReadOnlyList<Guid> Ids, Guid MessageId)> Calls = new();
        public static readonly ConcurrentDictionary<Guid, bool> FailMerged = new();

        public Task HandleAsync(PetitionsChangedEto integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
        {
            if (integrationEvent.PetitionIds.Count > 1 && integrationEvent.PetitionIds.Any(FailMerged.ContainsKey))
                throw new InvalidOperationException("simulated failure of a merged delivery");
            Calls.Enqueue((integrationEvent.PetitionIds, context.MessageId));
            return Task.CompletedTask;
        }
    }

    /// <summary>SaveChanges calls whose request carried <see cref="CountHeader"/>, by its value.</summary>
    internal sealed class SaveLog(IHttpContextAccessor http) : SaveChangesInterceptor
    {
        private readonly ConcurrentDictionary<string, int> _byTag = new();

        public int Of(string tag) => _byTag.GetValueOrDefault(tag);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return result;
        }

        private void Count()
        {
            if (http.HttpContext?.Request.Headers[CountHeader].ToString() is { Length: > 0 } tag) _byTag.AddOrUpdate(tag, 1, (_, n) => n + 1);
        }
    }

    /// <summary>
    /// Contexts whose services EF built (its ContextInitialized event, which it sends to the diagnostic listener whatever the log level)
    /// in a request carrying <see cref="CountHeader"/>, by its value.
    /// </summary>
    internal sealed class ContextBuildLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IHttpContextAccessor _http;
        private readonly ConcurrentDictionary<string, int> _byTag = new();
        private readonly List<IDisposable> _subscriptions = [];

        public ContextBuildLog(IHttpContextAccessor http)
        {
            _http = http;
            lock (_subscriptions) _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Of(string tag) => _byTag.GetValueOrDefault(tag);

        void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
        {
            // Only this event: with every event enabled EF would build event data for each command of every test in the process.
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == CoreEventId.ContextInitialized.Name));
        }

        void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == CoreEventId.ContextInitialized.Name && _http.HttpContext?.Request.Headers[CountHeader].ToString() is { Length: > 0 } tag)
                _byTag.AddOrUpdate(tag, 1, (_, n) => n + 1);
        }

        void IObserver<DiagnosticListener>.OnCompleted() { }

        void IObserver<DiagnosticListener>.OnError(Exception error) { }

        void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }

        void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var subscription in _subscriptions) subscription.Dispose();
        }
    }

    /// <summary>Commands whose request carried <see cref="CountHeader"/>, by its value (background work has no request).</summary>
    internal sealed class SqlCommandLog(IHttpContextAccessor http) : CommandTextInterceptor, IDbTransactionInterceptor
    {
        /// <summary>Logged where a transaction begins (not a command of its own: SQLite's BEGIN, Npgsql's with the first command).</summary>
        internal const string Begin = "-- transaction begins";

        private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byTag = new();

        /// <summary>The commands; with <paramref name="withBegin"/> also <see cref="Begin"/> where a transaction began.</summary>
        public IReadOnlyList<string> Of(string tag, bool withBegin = false) =>
            _byTag.TryGetValue(tag, out var q) ? q.Where(c => withBegin || c != Begin).ToList() : [];

        protected override void Seen(DbCommand command) => Log(command.CommandText.TrimStart());

        private void Log(string text)
        {
            if (http.HttpContext?.Request.Headers[CountHeader].ToString() is { Length: > 0 } tag)
                _byTag.GetOrAdd(tag, _ => new ConcurrentQueue<string>()).Enqueue(text);
        }

        DbTransaction IDbTransactionInterceptor.TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            Log(Begin);
            return result;
        }

        ValueTask<DbTransaction> IDbTransactionInterceptor.TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken)
        {
            Log(Begin);
            return ValueTask.FromResult(result);
        }
    }
}

public sealed class IntakeCostApp() : SqliteApp(new MediationAppFactory(DatabaseProvider.Sqlite, settings: IntakeCost_Tests.QuietBackground,
    services: IntakeCost_Tests.CountCommandsAndFeeds));

public sealed class IntakeCost_Tests_on_Sqlite(IntakeCostApp app, ITestOutputHelper output) : IntakeCost_Tests(output), IClassFixture<IntakeCostApp>
{
    protected override int MaxCommandsPerRegistration => 13;

    protected override Task<MediationAppFactory> AppAsync() => Task.FromResult(app.Factory);

    private SqliteWriteGate Gate => app.Factory.Services.GetRequiredService<SqliteWriteGate>();

    [Fact]
    public async Task A_registration_waits_at_the_write_gate_while_another_writer_holds_it()
    {
        var client = await app.Factory.ClientAsAsync("demo.petitionofficer");
        (await Gate.EnterAsync(CancellationToken.None)).ShouldBeTrue();
        Task<HttpResponseMessage> registration;
        try
        {
            registration = client.PostJsonAsync("/api/petitions", Letter(2));
            await WaitForQueuedWriterAsync();
            registration.IsCompleted.ShouldBeFalse("the registration cannot write while the gate is held");
        }
        finally
        {
            Gate.Exit();
        }
        (await registration).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_audit_sealer_takes_the_same_gate()
    {
        (await (await app.Factory.ClientAsAsync("demo.petitionofficer")).PostJsonAsync("/api/petitions", Letter(3))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var chain = app.Factory.Services.GetRequiredService<AuditChain>();
        (await Gate.EnterAsync(CancellationToken.None)).ShouldBeTrue();
        Task<int> sealing;
        try
        {
            sealing = chain.SealAsync(CancellationToken.None);
            await WaitForQueuedWriterAsync();
            sealing.IsCompleted.ShouldBeFalse();
        }
        finally
        {
            Gate.Exit();
        }
        await sealing;
    }

    /// <summary>The group commit writes registrations that meet in one transaction: however they batch, every batch entered the gate.</summary>
    [Fact]
    public async Task Concurrent_registrations_write_through_the_gate()
    {
        var client = await app.Factory.ClientAsAsync("demo.petitionofficer");
        var log = app.Factory.Services.GetServices<IDbCommandInterceptor>().OfType<SqlCommandLog>().Single();
        var before = Gate.Entries;
        var responses = await Task.WhenAll(Enumerable.Range(10, 16).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/petitions") { Content = JsonContent.Create(Letter(i), options: HttpJson.Options) };
            request.Headers.Add(CountHeader, "concurrent");
            return await client.SendAsync(request);
        }));
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var transactions = log.Of("concurrent", withBegin: true).Count(c => c == SqlCommandLog.Begin);
        transactions.ShouldBeInRange(1, 16);
        (Gate.Entries - before).ShouldBeGreaterThanOrEqualTo(transactions, "each registering transaction entered the gate");
    }

    [Fact]
    public async Task Connections_run_with_synchronous_NORMAL_in_WAL_mode()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediationDbContext>();
        await db.Database.OpenConnectionAsync();
        (await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single().ShouldBe(1L); // 1 = NORMAL, 2 = FULL
        (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).Single().ShouldBe("wal");
        // The setting is given once per native connection (issue 17): the pool's connection, closed and opened again, keeps it.
        for (var i = 0; i < 3; i++)
        {
            await db.Database.CloseConnectionAsync();
            await db.Database.OpenConnectionAsync();
            (await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync()).Single().ShouldBe(1L);
        }
    }

    [Theory]
    [InlineData("INSERT INTO \"petitions_Petitions\" …", true)]
    [InlineData("  UPDATE \"core_Leases\" SET …", true)]
    [InlineData("-- tag\nDELETE FROM x", true)]
    [InlineData("SELECT 1", false)]
    [InlineData("PRAGMA synchronous", false)]
    public void Writes_are_told_from_reads(string sql, bool write) => SqliteWriteGateInterceptor.IsWrite(sql).ShouldBe(write);

    // The writer shows up in the gate's queue; there is no timing in the assertion, only an upper bound on how long to look.
    private async Task WaitForQueuedWriterAsync()
    {
        for (var i = 0; i < 1200 && Gate.Waiting == 0; i++) await Task.Delay(50);
        Gate.Waiting.ShouldBeGreaterThan(0);
    }
}

[Collection(PostgresCollection.Second)]
public sealed class IntakeCost_Tests_on_PostgreSql(PostgresCluster cluster, ITestOutputHelper output) : IntakeCost_Tests(output)
{
    // PostgreSQL batches a SaveChanges' inserts into one command (10 before the calendar was kept per process, 9 before a
    // registration was one SaveChanges): the caller's account and roles, the unit, the calendar's stamps, the writes (the number's
    // upsert runs past EF and is not counted, on either provider); 3 since the caller's own unit comes with the claims.
    protected override int MaxCommandsPerRegistration => 3;

    protected override Task<MediationAppFactory> AppAsync() => cluster.AppForAsync(GetType(), CountCommandsAndFeeds, QuietBackground);
}
