using System.Globalization;
using System.Net;
using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// A form posted without its antiforgery token (a page open since before a restart, a form copied elsewhere) was an empty 400.
/// It now says what happened and what to do — reload the form — as a short page for a browser and as a problem
/// (<see cref="CoreErrorCodes.FormTokenMissing"/>) for anything else.
/// </summary>
public sealed class AntiforgeryFailureFilter : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult) context.Result = new Refusal();
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }

    private sealed class Refusal : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var http = context.HttpContext;
            var problems = http.RequestServices.GetRequiredService<ProblemWriter>();
            if (!http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
            {
                await problems.WriteAsync(http, StatusCodes.Status400BadRequest, CoreErrorCodes.FormTokenMissing);
                return;
            }
            var culture = CultureInfo.CurrentUICulture;
            var message = WebUtility.HtmlEncode(problems.Localize(CoreErrorCodes.FormTokenMissing, null, culture));
            var back = WebUtility.HtmlEncode(http.Request.PathBase + http.Request.Path + http.Request.QueryString);
            var reload = WebUtility.HtmlEncode(problems.Localize("Core:FormTokenMissing:Reload", null, culture));
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"{culture.Name}\"><head><meta charset=\"utf-8\"><title>{message}</title></head>" +
                $"<body><main><h1>{message}</h1><p><a href=\"{back}\">{reload}</a></p><p><code>{CoreErrorCodes.FormTokenMissing}</code></p></main></body></html>");
        }
    }
}
