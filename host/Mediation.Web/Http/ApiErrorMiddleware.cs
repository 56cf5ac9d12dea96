using Mediation.Core.Auditing;
using Mediation.Core.Errors;
using System.Text.Json;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Mediation.Web.Http;

/// <summary>
/// Turns every failure of an API request into problem details. Unexpected exceptions are logged
/// with their stack and answered with a bare code and correlation id: no internals leave the server.
/// </summary>
public sealed partial class ApiErrorMiddleware(RequestDelegate next, ProblemWriter problems, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiRequests.IsApi(context.Request))
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
                logger.LogInformation("Malformed request: {Reason}", badRequest.InnerException?.Message ?? badRequest.Message);
                var (reason, field) = MalformedReason(badRequest);
                if (field is not null && StrictEnumParameters.IsEnumParameter(context.GetEndpoint(), field))
                    return problems.WriteAsync(context, StatusCodes.Status400BadRequest, CoreErrorCodes.ValidationFailed, null,
                        [new FieldError(field, CoreErrorCodes.Validation.NotAMember, new Dictionary<string, object?>())]);
                return problems.WriteAsync(context, badRequest.StatusCode,
                    badRequest.StatusCode switch
                    {
                        StatusCodes.Status415UnsupportedMediaType => CoreErrorCodes.UnsupportedMediaType,
                        StatusCodes.Status413PayloadTooLarge => CoreErrorCodes.PayloadTooLarge,
                        _ => CoreErrorCodes.MalformedRequest,
                    },
                    new Dictionary<string, object?> { ["reason"] = reason },
                    field is null ? null : [new FieldError(field, CoreErrorCodes.Validation.WrongFormat, new Dictionary<string, object?>())]);
            // "application/json; charset=klingon": the framework's JSON reader throws a bare InvalidOperationException (no
            // BadHttpRequestException) for a charset it cannot decode; the body was never read, so it is the media type refused.
            case InvalidOperationException when HasUnknownCharset(context.Request):
                logger.LogInformation("Malformed request: unknown charset in {ContentType}", context.Request.ContentType);
                return problems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, CoreErrorCodes.UnsupportedMediaType,
                    new Dictionary<string, object?> { ["reason"] = new LocalizableText(Unreadable) });
            // A NUL (U+0000) in a string reaches PostgreSQL, which refuses it in text (22021); the statement failed, so nothing was
            // written. A typed JSON string is not refused while reading: a converter for string would leave every string in the
            // OpenAPI document untyped. SQLite stores the NUL.
            case var _ when IsUnstorableText(exception):
                logger.LogInformation("Malformed request: text the database cannot store");
                return problems.WriteAsync(context, StatusCodes.Status400BadRequest, CoreErrorCodes.MalformedRequest,
                    new Dictionary<string, object?> { ["reason"] = new LocalizableText(Unreadable) });
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
                return problems.WriteAsync(context, StatusCodes.Status500InternalServerError, CoreErrorCodes.InternalError);
        }
    }

    private static bool HasUnknownCharset(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Value is not { } charset) return false;
        try
        {
            System.Text.Encoding.GetEncoding(charset.Trim('"'));
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static bool IsUnstorableText(Exception exception) =>
        exception is System.Data.Common.DbException { SqlState: "22021" } || exception.InnerException is { } inner && IsUnstorableText(inner);

    private Task WriteForBareStatusAsync(HttpContext context)
    {
        if (context.Response.StatusCode is StatusCodes.Status400BadRequest && UnreportedBindingFailure.Find(context) is { } bindingFailure)
            return WriteAsync(context, bindingFailure);
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
        return code is null ? Task.CompletedTask : problems.WriteAsync(context, context.Response.StatusCode, code,
            new Dictionary<string, object?> { ["reason"] = new LocalizableText(Unreadable) });
    }

    /// <summary>"$.parties[0].kind" → "parties[0].kind", the field naming the validators use.</summary>
    internal static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private const string Unreadable = "Core:Malformed:Unreadable";

    // The framework's messages name .NET types and parameters ("…could not be converted to Mediation.Cases.…Input");
    // the client is told in plain words where its request is wrong — the position, the JSON field or the parameter.
    internal static (LocalizableText Reason, string? Field) MalformedReason(BadHttpRequestException exception)
    {
        switch (exception.InnerException)
        {
            case JsonException { InnerException: JsonException } syntax:
                return (new LocalizableText("Core:Malformed:NotJson", new Dictionary<string, object?>
                {
                    ["line"] = (syntax.LineNumber ?? 0) + 1,
                    ["position"] = (syntax.BytePositionInLine ?? 0) + 1,
                }), null);
            case JsonException { Path: { } path } when path != "$":
                var field = FieldOf(path);
                return (new LocalizableText("Core:Malformed:FieldValue", new Dictionary<string, object?> { ["field"] = field }), field);
            case JsonException:
                return (new LocalizableText("Core:Malformed:BodyShape"), null);
            case not null:
                return (new LocalizableText(Unreadable), null);
        }
        if (exception.Message.Contains(" body", StringComparison.Ordinal)) return (new LocalizableText("Core:Malformed:NoBody"), null);
        var parameter = ParameterName().Match(exception.Message);
        if (!parameter.Success) return (new LocalizableText(Unreadable), null);
        var name = parameter.Groups["name"].Value;
        var reason = exception.Message.Contains(UnreportedBindingFailure.GivenMoreThanOnce, StringComparison.Ordinal)
            ? "Core:Malformed:RepeatedParameter"
            : "Core:Malformed:Parameter";
        return (new LocalizableText(reason, new Dictionary<string, object?> { ["field"] = name }), name);
    }

    // "Failed to bind parameter \"DateOnly start\" from \"x\"." / "Required parameter \"string policy\" was not provided from query string."
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();
}
