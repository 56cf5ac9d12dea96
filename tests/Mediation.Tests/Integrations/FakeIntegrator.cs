using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediation.Integrations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Mediation.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Mediation.Tests.Integrations;

/// <summary>
/// The integrating system's side, as a real HTTP server on a free loopback port (Kestrel): it checks every callback's signature and
/// timestamp as the README tells integrators to, answers 500 for the first <see cref="FailNext"/> calls, and keeps what it accepted.
/// </summary>
internal sealed class FakeIntegrator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeIntegrator(WebApplication app) => _app = app;

    public string Secret { get; set; } = "";

    /// <summary>How many of the next calls answer 500 before one is accepted.</summary>
    public int FailNext { get; set; }

    /// <summary>Every call, as (delivery id, status answered).</summary>
    public ConcurrentQueue<(string? DeliveryId, int Status)> Calls { get; } = new();

    /// <summary>The callbacks accepted (signature good, 2xx answered), in arrival order.</summary>
    public ConcurrentQueue<WorkOrderCallbackBody> Accepted { get; } = new();

    public Uri CallbackUrl { get; private set; } = null!;

    public static async Task<FakeIntegrator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var integrator = new FakeIntegrator(app);
        app.MapPost("/12345/callbacks", integrator.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        integrator.CallbackUrl = new Uri(address + "/12345/callbacks");
        return integrator;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        var delivery = request.Headers[IntegrationsModuleInfo.DeliveryHeader].ToString();
        var signed = Verify(Secret, request.Headers["X-Mediation-Timestamp"].ToString(), body, request.Headers["X-Mediation-Signature"].ToString());
        var status = !signed ? 401 : FailNext > 0 ? 500 : 204;
        if (status == 500) FailNext--;
        Calls.Enqueue((delivery, status));
        if (status == 204)
            Accepted.Enqueue(JsonSerializer.Deserialize<WorkOrderCallbackBody>(body, HttpJson.Options)!);
        return Results.StatusCode(status);
    }

    /// <summary>The README's check, written apart from the server's code so that a wrong signature there fails here.</summary>
    private static bool Verify(string secret, string timestamp, string body, string signature)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
