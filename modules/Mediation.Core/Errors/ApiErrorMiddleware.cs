using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Core.Errors;

/// <summary>
/// Turns every failure of an API request into problem details. Unexpected exceptions are logged
/// with their stack and answered with a bare code and correlation id: no internals leave the server.
/// </summary>
public sealed class ApiErrorMiddleware(RequestDelegate next, ProblemWriter problems, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsApi(context.Request))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            context.Response.Clear();
            await WriteAsync(context, ex);
        }

        if (!context.Response.HasStarted && context.Response.ContentLength is null && string.IsNullOrEmpty(context.Response.ContentType))
            await WriteForBareStatusAsync(context);
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private Task WriteAsync(HttpContext context, Exception exception)
    {
        switch (exception)
        {
            case InputValidationException invalid:
                return problems.WriteAsync(context, invalid.HttpStatus, invalid.Code, invalid.Parameters, invalid.Errors);
            case TooManyRequestsException tooMany:
                context.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return problems.WriteAsync(context, tooMany.HttpStatus, tooMany.Code, tooMany.Parameters);
            case BusinessException business:
                logger.LogInformation("Request refused with {ErrorCode}", business.Code);
                return problems.WriteAsync(context, business.HttpStatus, business.Code, business.Parameters);
            case DbUpdateConcurrencyException:
                return problems.WriteAsync(context, StatusCodes.Status409Conflict, CoreErrorCodes.ConcurrencyConflict);
            case BadHttpRequestException { InnerException: InputJsonException invalidValue } badRequest:
                return problems.WriteAsync(context, StatusCodes.Status400BadRequest, CoreErrorCodes.ValidationFailed, null,
                    [new FieldError(FieldOf(invalidValue.Path), invalidValue.Code, invalidValue.Parameters)]);
            case BadHttpRequestException badRequest:
                logger.LogInformation("Malformed request: {Reason}", badRequest.Message);
                return problems.WriteAsync(context, badRequest.StatusCode,
                    badRequest.StatusCode switch
                    {
                        StatusCodes.Status415UnsupportedMediaType => CoreErrorCodes.UnsupportedMediaType,
                        StatusCodes.Status413PayloadTooLarge => CoreErrorCodes.PayloadTooLarge,
                        _ => CoreErrorCodes.MalformedRequest,
                    },
                    new Dictionary<string, object?> { ["reason"] = DescribeBadRequest(badRequest) });
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
                return problems.WriteAsync(context, StatusCodes.Status500InternalServerError, CoreErrorCodes.InternalError);
        }
    }

    private Task WriteForBareStatusAsync(HttpContext context)
    {
        var code = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => context.GetEndpoint() is null ? CoreErrorCodes.RouteNotFound : CoreErrorCodes.EntityNotFound,
            StatusCodes.Status405MethodNotAllowed => CoreErrorCodes.MethodNotAllowed,
            StatusCodes.Status401Unauthorized => CoreErrorCodes.Unauthorized,
            StatusCodes.Status403Forbidden => CoreErrorCodes.Forbidden,
            StatusCodes.Status415UnsupportedMediaType => CoreErrorCodes.UnsupportedMediaType,
            StatusCodes.Status400BadRequest => CoreErrorCodes.MalformedRequest,
            StatusCodes.Status413PayloadTooLarge => CoreErrorCodes.PayloadTooLarge,
            _ => null,
        };
        return code is null ? Task.CompletedTask : problems.WriteAsync(context, context.Response.StatusCode, code);
    }

    /// <summary>"$.parties[0].kind" → "parties[0].kind", the field naming the validators use.</summary>
    internal static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    // The JSON reader's message names the position ("LineNumber: 0 | BytePositionInLine: 12"), which
    // helps the client fix its body; it never contains server internals.
    private static string DescribeBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? json.Message : exception.Message;
}
