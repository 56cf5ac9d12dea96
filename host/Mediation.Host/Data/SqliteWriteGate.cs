using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Mediation.Host.Data;

/// <summary>
/// SQLite lets one connection write at a time. Without a queue of its own the process leaves the wait to
/// Microsoft.Data.Sqlite, which answers SQLITE_BUSY by putting the thread-pool thread to sleep for 150 ms and
/// trying again: under load that sleep was 58% of a registration's time (issue 17). Every writer of the host
/// therefore waits here, asynchronously and in arrival order, before it takes SQLite's write lock.
/// </summary>
public sealed class SqliteWriteGate(TimeSpan timeout, ILogger<SqliteWriteGate>? logger = null) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _entries;
    private int _waiting;

    // Who holds the gate and since when (Stopwatch ticks): two stores per entry, read only when a wait turns out slow. A writer
    // that holds the gate across something slow stalls every other writer of the host, so the log has to say who it was.
    private object? _holder;
    private long _heldSince;

    /// <summary>
    /// A writer that waited longer than this, or a holder that kept others waiting longer, is named in a warning: nobody should
    /// wait seconds for one SQLite writer, so such a wait is a holder stuck on something besides the database.
    /// </summary>
    public TimeSpan SlowAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Writers queued at the gate now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How many writes went through the gate (tests prove that writers queue here).</summary>
    public long Entries => Interlocked.Read(ref _entries);

    public Task<bool> EnterAsync(CancellationToken ct) => EnterAsync(null, ct);

    /// <summary>
    /// False after the timeout: the writer then goes on without the gate and SQLite's own busy wait decides, as before
    /// the gate — a writer that waits for itself (a second context of the same request) fails as it always did, it does not hang.
    /// <paramref name="holder"/> names the writer in the log (its <see cref="object.ToString"/>, asked only when a wait was slow).
    /// </summary>
    public async Task<bool> EnterAsync(object? holder, CancellationToken ct)
    {
        Interlocked.Increment(ref _waiting);
        Queued queued = default;
        bool entered;
        try
        {
            var wait = _gate.WaitAsync(timeout, ct);
            if (!wait.IsCompleted) queued = Queue();
            entered = await wait;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return Entered(entered, holder, queued);
    }

    public bool Enter(object? holder = null)
    {
        Interlocked.Increment(ref _waiting);
        Queued queued = default;
        bool entered;
        try
        {
            entered = _gate.Wait(0);
            if (!entered)
            {
                queued = Queue();
                entered = _gate.Wait(timeout);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return Entered(entered, holder, queued);
    }

    public void Exit()
    {
        var (holder, since) = (_holder, _heldSince);
        _holder = null;
        if (logger is not null && Volatile.Read(ref _waiting) > 0 && Stopwatch.GetElapsedTime(since) is var held && held > SlowAfter)
            logger.LogWarning("The SQLite write gate was held {Seconds:F1} s by {Holder}, with {Waiting} writer(s) queued behind it",
                held.TotalSeconds, holder ?? "an unnamed writer", Volatile.Read(ref _waiting));
        _gate.Release();
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>When a writer began to wait, and who held the gate then.</summary>
    private readonly record struct Queued(long At, object? Holder, long HolderSince);

    private Queued Queue() => new(Stopwatch.GetTimestamp(), Volatile.Read(ref _holder), Volatile.Read(ref _heldSince));

    private bool Entered(bool entered, object? holder, Queued queued)
    {
        if (!entered)
        {
            logger?.LogWarning("{Writer} gave up waiting for the SQLite write gate after {Seconds:F0} s and writes without it; "
                + "the gate is held by {Holder}, for {HeldSeconds:F1} s so far", holder ?? "an unnamed writer", timeout.TotalSeconds,
                Volatile.Read(ref _holder) ?? "an unnamed writer", Stopwatch.GetElapsedTime(Volatile.Read(ref _heldSince)).TotalSeconds);
            return false;
        }
        Interlocked.Increment(ref _entries);
        _heldSince = Stopwatch.GetTimestamp();
        _holder = holder;
        if (queued.At != 0 && logger is not null && Stopwatch.GetElapsedTime(queued.At, _heldSince) is var waited && waited > SlowAfter)
            logger.LogWarning("{Writer} waited {Seconds:F1} s for the SQLite write gate; when it queued, the gate had been held "
                + "{HeldSeconds:F1} s by {Holder}", holder ?? "an unnamed writer", waited.TotalSeconds,
                Stopwatch.GetElapsedTime(queued.HolderSince, queued.At).TotalSeconds, queued.Holder ?? "an unnamed writer");
        return true;
    }
}

/// <summary>
/// One per DbContext scope: takes the gate when a transaction begins (EF's BEGIN IMMEDIATE, or SaveChanges' own) or when a
/// write runs outside any transaction (a single-row SaveChanges, ExecuteUpdate), and gives it back at commit, rollback,
/// failure or when the connection closes. Also sets the durability of every native connection (synchronous is per connection), once.
/// </summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate, string synchronous, HttpContext? request = null)
    : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    private bool _held;

    // What names this writer when it keeps others waiting (SqliteWriteGate's warnings): the request whose scope it serves, or none
    // (a background job), and the last statement it ran holding the gate. References to strings that exist anyway, no allocation.
    private readonly string? _method = request?.Request.Method;
    private readonly string? _path = request?.Request.Path.Value;
    private string? _statement;
    private bool _inTransaction;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_held) return result;
        (_inTransaction, _statement) = (true, null);
        _held = await gate.EnterAsync(this, cancellationToken);
        return result;
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (_held) return result;
        (_inTransaction, _statement) = (true, null);
        _held = gate.Enter(this);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release();

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    // A write outside a transaction holds SQLite's lock for its own statement only.
    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterFor(command);
        return result;
    }

    async ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterFor(command);
        return result;
    }

    async ValueTask<InterceptionResult<object>> IDbCommandInterceptor.ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken)
    {
        await EnterForAsync(command, cancellationToken);
        return result;
    }

    InterceptionResult<object> IDbCommandInterceptor.ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterFor(command);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        ReleaseAfter(command);
        return ValueTask.FromResult(result);
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseAfter(command);
        return result;
    }

    ValueTask<object?> IDbCommandInterceptor.ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken)
    {
        ReleaseAfter(command);
        return ValueTask.FromResult(result);
    }

    object? IDbCommandInterceptor.ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        ReleaseAfter(command);
        return result;
    }

    // A reader (INSERT … RETURNING) steps its statement while it is read: the lock is SQLite's until the reader closes.
    InterceptionResult IDbCommandInterceptor.DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ReleaseAfter(command);
        return result;
    }

    ValueTask<InterceptionResult> IDbCommandInterceptor.DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        ReleaseAfter(command);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbCommandInterceptor.DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseAfter(command);
        return result;
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseAfter(command);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        ReleaseAfter(command);
        return Task.CompletedTask;
    }

    void IDbCommandInterceptor.CommandCanceled(DbCommand command, CommandEndEventData eventData) => ReleaseAfter(command);

    Task IDbCommandInterceptor.CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken)
    {
        ReleaseAfter(command);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetDurability(connection);

    Task IDbConnectionInterceptor.ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken)
    {
        SetDurability(connection);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception) rolls back when its connection closes.
    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release();

    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release();
        return Task.CompletedTask;
    }

    public void Dispose() => Release();

    private async ValueTask EnterForAsync(DbCommand command, CancellationToken ct)
    {
        if (_held) _statement = command.CommandText;
        else if (command.Transaction is null && IsWrite(command.CommandText))
        {
            (_inTransaction, _statement) = (false, command.CommandText);
            _held = await gate.EnterAsync(this, ct);
        }
    }

    private void EnterFor(DbCommand command)
    {
        if (_held) _statement = command.CommandText;
        else if (command.Transaction is null && IsWrite(command.CommandText))
        {
            (_inTransaction, _statement) = (false, command.CommandText);
            _held = gate.Enter(this);
        }
    }

    /// <summary>Names this writer in the gate's warnings (asked only then).</summary>
    public override string ToString()
    {
        var statement = _statement is { } sql ? sql.AsSpan().TrimStart() : default;
        if (statement.IndexOfAny('\r', '\n') is var end and >= 0) statement = statement[..end];
        if (statement.Length > 100) statement = statement[..100];
        return $"{(string.IsNullOrEmpty(_path) ? "a background writer" : $"{_method} {_path}")}, {(_inTransaction ? "in a transaction" : "one statement")}, "
            + (statement.IsEmpty ? "no statement yet" : $"last statement: {statement}");
    }

    private void ReleaseAfter(DbCommand command)
    {
        if (command.Transaction is null) Release();
    }

    private void Release()
    {
        if (!_held) return;
        _held = false;
        gate.Exit();
    }

    // The native connections told their durability, with the setting they were told: the setting lasts for the native connection,
    // which Microsoft.Data.Sqlite's pool hands to open after open, so it is set once per native connection instead of a PRAGMA on
    // every open (issue 17: a registration opened three).
    private static readonly ConditionalWeakTable<sqlite3, string> Durable = new();

    private void SetDurability(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle }) return;
        if (Durable.TryGetValue(handle, out var told) && told == synchronous) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=" + synchronous;
        command.ExecuteNonQuery();
        Durable.AddOrUpdate(handle, synchronous);
    }

    internal static bool IsWrite(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        while (text.StartsWith("--", StringComparison.Ordinal))
        {
            var end = text.IndexOf('\n');
            if (end < 0) return false;
            text = text[(end + 1)..].TrimStart();
        }
        foreach (var verb in WriteVerbs)
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER"];
}
