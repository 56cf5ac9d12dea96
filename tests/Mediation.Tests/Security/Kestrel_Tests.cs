using System.Net;
using System.Net.Sockets;
using System.Text;
using Mediation.Core.Data;
using Mediation.Core.Domain;
using Mediation.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Mediation.Tests.Security;

/// <summary>
/// The host on a real loopback port, behind a "proxy" at 127.0.0.1: what Kestrel itself refuses must still answer with a
/// problem body, and the client address the proxy forwards is the one audited.
/// </summary>
public sealed class KestrelApp : SqliteApp
{
    public KestrelApp() : base(new MediationAppFactory(DatabaseProvider.Sqlite,
        settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" })) => Factory.UseKestrel(0);

    public Uri BaseAddress => Factory.ClientOptions.BaseAddress;
}

public sealed class Kestrel_Tests(KestrelApp app) : IClassFixture<KestrelApp>
{
    private async Task<string> RawAsync(string requestHead, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requestHead));
        if (body is not null)
        {
            try { await stream.WriteAsync(body); }
            catch (IOException) { /* the server may answer and close before the whole body is sent */ }
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = new StringBuilder();
        var buffer = new char[8192];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer.AsMemory(), timeout.Token)) > 0)
            {
                response.Append(buffer, 0, read);
                if (response.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && Complete(response.ToString())) break;
            }
        }
        catch (IOException) { /* connection closed after the response */ }
        return response.ToString();
    }

    private static bool Complete(string response)
    {
        var headEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = response[..headEnd];
        var length = head.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null
            ? !head.Contains("chunked", StringComparison.OrdinalIgnoreCase) || response.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : Encoding.UTF8.GetByteCount(response[(headEnd + 4)..]) >= int.Parse(length.Split(':')[1].Trim());
    }

    [Fact]
    public async Task The_audit_records_the_client_address_a_configured_proxy_forwards()
    {
        var correlationId = "fwd-" + Guid.NewGuid().ToString("N")[..12];
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(
                new Mediation.Identity.TokenRequest("demo.mediator", MediationAppFactory.DemoPassword, null), options: HttpJson.Options),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Correlation-Id", correlationId);
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Factory.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MediationDbContext>().Set<Mediation.Core.Auditing.AuditEntry>()
            .Where(a => a.CorrelationId == correlationId).ToListAsync();
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(a => a.IpAddress == "203.0.113.7");
    }

    [Fact]
    public async Task A_50_MB_body_is_a_413_problem()
    {
        var body = new byte[50 * 1024 * 1024];
        Array.Fill(body, (byte)' ');
        var response = await RawAsync($"POST /api/petitions HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n", body);
        response.ShouldStartWith("HTTP/1.1 413", customMessage: response);
        response.ShouldContain("application/problem+json", customMessage: response);
        response.ShouldContain(CoreErrorCodes.PayloadTooLarge, customMessage: response);
    }

    [Theory]
    [InlineData("/api/cases/%00")]
    [InlineData("/Petitions/%00x")]
    [InlineData("/api/cases/a%00b/agreement")]
    public async Task A_nul_in_the_request_target_is_a_400_problem(string target)
    {
        var response = await RawAsync($"GET {target} HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nConnection: close\r\n\r\n");
        response.ShouldStartWith("HTTP/1.1 400", customMessage: response);
        response.ShouldContain("application/problem+json", customMessage: response);
        response.ShouldContain(CoreErrorCodes.RequestRejected, customMessage: response);
        response.ShouldContain("X-Content-Type-Options: nosniff", customMessage: response);
    }
}
