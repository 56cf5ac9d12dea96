using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Microsoft.AspNetCore.Connections;

namespace Mediation.Host;

/// <summary>
/// Kestrel refuses some requests before any middleware runs — a NUL (%00) in the path, a malformed request line or
/// header, a header block too large — and answers them with an empty 4xx and "Connection: close". This connection
/// middleware gives those answers the same RFC 9457 problem body as every other error (code
/// <see cref="CoreErrorCodes.RequestRejected"/>). It recognises Kestrel's own answer by what the application's never
/// lacks: every response of the pipeline carries X-Content-Type-Options and a body or a non-4xx status.
/// Over TLS terminated in this host it sees cipher text and changes nothing; behind a proxy it sees the requests.
/// </summary>
internal sealed class ServerRejectionProblems(ConnectionDelegate next, ProblemWriter messages)
{
    private const int MaxHeadBytes = 4096;
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task OnConnectionAsync(ConnectionContext connection)
    {
        var transport = connection.Transport;
        var toClient = new Pipe(new PipeOptions(useSynchronizationContext: false));
        var pump = PumpAsync(toClient.Reader, transport.Output);
        connection.Transport = new Duplex(transport.Input, toClient.Writer);
        try
        {
            await next(connection);
        }
        finally
        {
            await toClient.Writer.CompleteAsync();
            await pump;
            connection.Transport = transport;
        }
    }

    private async Task PumpAsync(PipeReader from, PipeWriter to)
    {
        try
        {
            while (true)
            {
                var result = await from.ReadAsync();
                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    if (Rewrite(buffer) is { } problem) to.Write(problem);
                    else foreach (var segment in buffer) to.Write(segment.Span);
                }
                from.AdvanceTo(buffer.End);
                if ((await to.FlushAsync()).IsCompleted || result.IsCompleted || result.IsCanceled) break;
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ConnectionResetException or OperationCanceledException)
        {
            // The client went away or the connection was aborted; there is nobody left to answer.
        }
        finally
        {
            await from.CompleteAsync();
        }
    }

    /// <summary>Kestrel's own empty 4xx with "Connection: close", rewritten with a problem body; null for anything else.</summary>
    internal byte[]? Rewrite(ReadOnlySequence<byte> buffer)
    {
        // Every write of every response passes here: anything but a 4xx head goes through without a copy (issue 17: copying and
        // decoding each response was 1.3% of the intake host's allocations).
        if (buffer.Length > MaxHeadBytes || !StartsAsClientError(buffer)) return null;
        var text = Encoding.ASCII.GetString(buffer.ToArray());
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headEnd < 0 || headEnd + 4 != text.Length) return null;
        var head = text[..headEnd];
        if (!head.Contains("\r\nContent-Length: 0", StringComparison.OrdinalIgnoreCase)
            || !head.Contains("\r\nConnection: close", StringComparison.OrdinalIgnoreCase)
            || head.Contains("\r\nX-Content-Type-Options:", StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            return null;

        var code = status == 413 ? CoreErrorCodes.PayloadTooLarge : CoreErrorCodes.RequestRejected;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = "urn:mediation:error:" + code,
            ["title"] = messages.Localize(code, null, Chinese),
            ["status"] = status,
            ["code"] = code,
        }, Json);
        var lines = head.Split("\r\n").Where(l => !l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var rewritten = string.Join("\r\n", lines) + "\r\nContent-Type: " + ProblemWriter.ContentType + "; charset=utf-8"
            + "\r\nX-Content-Type-Options: nosniff\r\nContent-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(rewritten), .. body];
    }

    private static bool StartsAsClientError(ReadOnlySequence<byte> buffer)
    {
        Span<byte> start = stackalloc byte[10];
        if (buffer.Length < start.Length) return false;
        buffer.Slice(0, start.Length).CopyTo(start);
        return start.SequenceEqual("HTTP/1.1 4"u8) || start.SequenceEqual("HTTP/1.0 4"u8);
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
