using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Mediation.Core.Web;

public interface ICorrelationIdAccessor
{
    string? CorrelationId { get; }
}

internal sealed class HttpCorrelationIdAccessor(IHttpContextAccessor http) : ICorrelationIdAccessor
{
    public string? CorrelationId => http.HttpContext?.Items[CorrelationIdMiddleware.ItemKey] as string;
}

/// <summary>
/// Gives each request one id that appears in every log line (as a scope), in the response header
/// and in problem details, so a user's error report leads straight to the server log.
/// A caller-supplied id is kept only if it is short and plain, so logs cannot be forged through it.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    public const string ItemKey = "Mediation.CorrelationId";

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        var id = supplied.Length is > 0 and <= 64 && PlainId().IsMatch(supplied) ? supplied : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.Headers[HeaderName] = id;
        using (logger.BeginScope("CorrelationId:{CorrelationId}", id))
            await next(context);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex PlainId();
}
