using System.Text.Json;
using Mediation.Core.Auditing;
using Mediation.Core.Messaging;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Hostile;

/// <summary>
/// Issue 18 R5: hostile requests sent one at a time to a host quiesced for <see cref="RowCensus"/>, each judged alike — never a 5xx,
/// a refusal an RFC 9457 body with a code, and a refusal writes nothing: the row count of every table is the same after it as before.
/// After an accepted request the test delivers its outbox messages, so their handlers' writes are done before the next census.
/// </summary>
internal sealed class HostileRequests(MediationAppFactory app)
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private RowCensus? _before;

    public List<string> Failures { get; } = [];

    public SortedDictionary<int, int> Statuses { get; } = [];

    /// <summary>The census tables compared (at least one census taken).</summary>
    public int TablesCounted { get; private set; }

    /// <summary>Time spent counting rows and delivering outbox messages, to show what the check costs against the whole run.</summary>
    public System.Diagnostics.Stopwatch CheckTime { get; } = new();

    public string CheckLine => $"rows of {TablesCounted} tables counted around each request ({CheckTime.Elapsed.TotalSeconds:0.0} s counting and delivering)";

    /// <summary>A signed-in client of the user (an integrating system's key for <see cref="MalformedInput_Tests.ApiKeyCaller"/>, anonymous for null), made once.</summary>
    public async Task<HttpClient> ClientAsync(string? user)
    {
        if (user is null) return app.CreateClient();
        if (_clients.TryGetValue(user, out var client)) return client;
        // Signing in or registering the system writes: the next request is judged against a census taken after it.
        _before = null;
        return _clients[user] = user is MalformedInput_Tests.ApiKeyCaller ? await MalformedInput_Tests.IntegratorAsync(app) : await app.ClientAsAsync(user);
    }

    /// <summary>
    /// Sends with a correlation id and records a failure for a 5xx, a refusal without a problem body and code, or a refusal that changed a
    /// row count. For a 2xx, <paramref name="accepted"/> gets the response and the census before the request and after its messages were handled.
    /// </summary>
    public async Task<int> SendAsync(HttpClient client, HttpRequestMessage request, string cell,
        Func<HttpResponseMessage, RowCensus, RowCensus, Task>? accepted = null)
    {
        var before = _before ?? await QuietCensusAsync();
        request.Headers.Add("X-Correlation-Id", "r5-" + Guid.NewGuid().ToString("N")[..12]);
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
        if (status >= 400)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) Failures.Add($"{cell} → {status}: {body}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") Failures.Add($"{cell} → {status} without a problem body");
            else if (!JsonDocument.Parse(body).RootElement.TryGetProperty("code", out _)) Failures.Add($"{cell} → {status} without a code");
            CheckTime.Start();
            var after = await RowCensus.TakeAsync(app);
            CheckTime.Stop();
            if (before.ChangesTo(after) is { Count: > 0 } changes) Failures.Add($"{cell} → {status} and wrote: {string.Join(", ", changes)}");
            _before = after;
        }
        else
        {
            var after = await QuietCensusAsync();
            if (accepted is not null && status < 300) await accepted(response, before, after);
        }
        return status;
    }

    public string StatusLine => string.Join(", ", Statuses.Select(s => $"{s.Key}×{s.Value}"));

    /// <summary>Seals what is pending and verifies the whole audit chain.</summary>
    public async Task ChainIntactAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
        while (await chain.SealAsync(CancellationToken.None) > 0) { }
        (await chain.VerifyAsync(CancellationToken.None)).Intact.ShouldBeTrue();
    }

    /// <summary>Delivers every pending outbox message (the host's dispatcher is off) and counts the rows.</summary>
    private async Task<RowCensus> QuietCensusAsync()
    {
        CheckTime.Start();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchPendingAsync(CancellationToken.None) > 0) { }
        _before = await RowCensus.TakeAsync(app);
        CheckTime.Stop();
        TablesCounted = _before.Tables;
        return _before;
    }
}
