using Mediation.Host.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Mediation.Tests.Core;

/// <summary>
/// A writer kept waiting at the SQLite write gate says so in the log and names who held it: the request (or a background writer),
/// whether in a transaction, and its last statement. No timing is asserted: the threshold is zero or an hour.
/// </summary>
public sealed class SqliteWriteGate_Tests
{
    [Fact]
    public async Task A_writer_kept_waiting_names_the_request_and_statement_that_held_the_gate()
    {
        var log = new CapturingLogger();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(2), log) { SlowAfter = TimeSpan.Zero };
        var holder = new SqliteWriteGateInterceptor(gate, "NORMAL", Request("POST", "/ServiceDesk/Portal/File"));
        using var insert = new SqliteCommand("INSERT INTO \"servicedesk_Requests\" (\"Id\") VALUES (@p0)\nRETURNING \"Id\";");
        ((IDbCommandInterceptor)holder).NonQueryExecuting(insert, null!, default);

        var waiter = gate.EnterAsync("the test's writer", CancellationToken.None);
        await WaitForQueuedWriterAsync(gate);
        ((IDbCommandInterceptor)holder).NonQueryExecuted(insert, null!, 1);
        (await waiter).ShouldBeTrue();
        gate.Exit();

        log.Warnings.Count.ShouldBe(2, string.Join("\n", log.Warnings));
        log.Warnings[0].ShouldContain("held");
        log.Warnings[1].ShouldContain("the test's writer waited");
        foreach (var warning in log.Warnings)
            warning.ShouldContain("POST /ServiceDesk/Portal/File, one statement, last statement: INSERT INTO \"servicedesk_Requests\" (\"Id\") VALUES (@p0)");
    }

    [Fact]
    public async Task A_writer_without_a_request_is_named_a_background_writer_and_its_transaction_told()
    {
        var log = new CapturingLogger();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(2), log) { SlowAfter = TimeSpan.Zero };
        var holder = new SqliteWriteGateInterceptor(gate, "NORMAL");
        holder.TransactionStarting(null!, null!, default);

        var waiter = gate.EnterAsync(null, CancellationToken.None);
        await WaitForQueuedWriterAsync(gate);
        holder.TransactionCommitted(null!, null!);
        (await waiter).ShouldBeTrue();
        gate.Exit();

        log.Warnings.ShouldAllBe(w => w.Contains("a background writer, in a transaction, no statement yet"));
        log.Warnings.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_wait_under_the_threshold_is_not_logged()
    {
        var log = new CapturingLogger();
        using var gate = new SqliteWriteGate(TimeSpan.FromMinutes(2), log) { SlowAfter = TimeSpan.FromHours(1) };
        (await gate.EnterAsync("first", CancellationToken.None)).ShouldBeTrue();
        var waiter = gate.EnterAsync("second", CancellationToken.None);
        await WaitForQueuedWriterAsync(gate);
        gate.Exit();
        (await waiter).ShouldBeTrue();
        gate.Exit();

        log.Warnings.ShouldBeEmpty();
        gate.Entries.ShouldBe(2);
    }

    [Fact]
    public async Task A_writer_that_gives_up_names_the_holder()
    {
        var log = new CapturingLogger();
        using var gate = new SqliteWriteGate(TimeSpan.Zero, log);
        (await gate.EnterAsync("the holder", CancellationToken.None)).ShouldBeTrue();

        gate.Enter("the second writer").ShouldBeFalse();
        (await gate.EnterAsync("the third writer", CancellationToken.None)).ShouldBeFalse();
        gate.Exit();

        log.Warnings.Count.ShouldBe(2);
        log.Warnings.ShouldAllBe(w => w.Contains("gave up") && w.Contains("held by the holder"));
        log.Warnings[0].ShouldContain("the second writer");
        log.Warnings[1].ShouldContain("the third writer");
    }

    private static DefaultHttpContext Request(string method, string path) => new() { Request = { Method = method, Path = path } };

    // The writer shows up in the gate's queue; there is no timing in the assertion, only an upper bound on how long to look.
    private static async Task WaitForQueuedWriterAsync(SqliteWriteGate gate)
    {
        for (var i = 0; i < 1200 && gate.Waiting == 0; i++) await Task.Delay(50);
        gate.Waiting.ShouldBeGreaterThan(0);
    }

    private sealed class CapturingLogger : ILogger<SqliteWriteGate>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning) lock (Warnings) Warnings.Add(formatter(state, exception));
        }
    }
}
