using System.Globalization;
using Mediation.Core.Domain;
using Mediation.Core.Localization;
using Mediation.Core.Validation;
using Mediation.Core.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Mediation.Core.Errors;

public static class ApiRequests
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}

/// <summary>Writes RFC 9457 problem details with the stable error code and a message in the request's language.</summary>
public sealed class ProblemWriter(TextCatalog texts)
{
    public const string ContentType = "application/problem+json";

    public Task WriteAsync(HttpContext context, int status, string code, IReadOnlyDictionary<string, object?>? parameters = null,
        IReadOnlyList<FieldError>? fieldErrors = null)
    {
        var culture = RequestCulture(context);
        var problem = new ProblemDetails
        {
            Type = "urn:mediation:error:" + code,
            Title = Localize(code, parameters, culture),
            Status = status,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["correlationId"] = context.Items[CorrelationIdMiddleware.ItemKey] as string ?? context.TraceIdentifier;
        if (fieldErrors is { Count: > 0 })
        {
            problem.Extensions["errors"] = fieldErrors
                .GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => new { code = e.Code, message = Localize(e.Code, e.Parameters, culture) }).ToArray());
        }

        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: ContentType);
    }

    public string Localize(string code, IReadOnlyDictionary<string, object?>? parameters, CultureInfo culture)
    {
        var template = texts.Find(code, culture) ?? code;
        return texts.Format(template, parameters ?? new Dictionary<string, object?>(), culture);
    }

    private static CultureInfo RequestCulture(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
}
