using Mediation.Core.Auditing;
using Mediation.Core.Web;
using Mediation.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Mediation.Web.Http;

/// <summary>
/// A JSON API body is small (the longest field, a template, is 200,000 characters): anything over 1 MB is refused with a
/// 413 problem before authentication or model binding reads it. Uploads (multipart, PDF) keep the server's limit.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public const long MaxJsonBytes = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api")) return next(context);
        if (request.HasJsonContentType())
        {
            if (request.ContentLength > MaxJsonBytes)
                throw new BadHttpRequestException($"The body is larger than {MaxJsonBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxJsonBytes;
        }
        else if (request.ContentLength > context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            throw new BadHttpRequestException("The body is larger than the server accepts.", StatusCodes.Status413PayloadTooLarge);
        }
        return next(context);
    }
}
