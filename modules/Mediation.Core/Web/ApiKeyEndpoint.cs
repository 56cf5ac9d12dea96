using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mediation.Core.Web;

/// <summary>
/// An endpoint another system calls with its API key in <see cref="Header"/> instead of a user session: open to the authorization
/// middleware and checked by the endpoint itself, so the API document still gives it its 401 and 403 problems.
/// </summary>
public sealed record ApiKeyEndpointMetadata(string Header);

public static class ApiKeyEndpoints
{
    public static TBuilder AuthenticatedByApiKey<TBuilder>(this TBuilder builder, string header) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(new ApiKeyEndpointMetadata(header));
}
