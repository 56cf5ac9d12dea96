using Microsoft.AspNetCore.Builder;

namespace Mediation.Core.Web;

/// <summary>Marks an endpoint whose retries are answered from the store: creates whose repeat would make a second record.</summary>
public sealed class IdempotentEndpointMetadata
{
    public static readonly IdempotentEndpointMetadata Instance = new();

    private IdempotentEndpointMetadata() { }
}

public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Opt in. Never for endpoints whose answer must be produced (and audited) each time or must not
    /// be kept: reveals of personal data, tokens, previews.
    /// </summary>
    public static TBuilder Idempotent<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(IdempotentEndpointMetadata.Instance);
}
