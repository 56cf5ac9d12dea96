using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Identity;

/// <summary>
/// The limit an anonymous write endpoint (an enterprise's sign-up) shares with sign-in: as many attempts per client address
/// and window as sign-in allows, counted in the database so that every host behind a balancer draws on one count.
/// </summary>
public static class SignInThrottle
{
    /// <summary>Counts each call of the endpoint against its client address; over the limit it answers 429 with Retry-After.</summary>
    public static TBuilder RequireSignInThrottle<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            await http.RequestServices.GetRequiredService<IAnonymousWriteThrottle>()
                .EnsureAllowedAsync(http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
            return await next(invocation);
        });
}

/// <summary>Implemented by the host's identity: throws a TooManyRequestsException when the address has used its attempts.</summary>
public interface IAnonymousWriteThrottle
{
    Task EnsureAllowedAsync(string? clientAddress, CancellationToken ct);
}
