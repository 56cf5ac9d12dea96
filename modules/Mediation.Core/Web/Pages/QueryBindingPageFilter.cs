using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Localization;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// A page's query or route value that does not bind answers 400 with a problem naming the parameter, as the API does: an enum that is
/// no member ("?status=7", "?risk=Blue,Red"), a value of the wrong format ("/Cases/Sessions?today=maybe"), a single value given twice
/// ("?today=true&amp;today=false"). Before this the page dropped the value and showed the unfiltered list. A posted form keeps its own
/// answer: the binder's error is shown beside the field (<see cref="FormPageModel"/>).
/// </summary>
public sealed class QueryBindingPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next();
            return;
        }
        var enumErrors = context.ModelState
            .Where(e => e.Value is not null && e.Value.Errors.Any(x => x.ErrorMessage == StrictEnumModelBinder.NotAMember))
            .Select(e => new FieldError(FieldName(e.Key), CoreErrorCodes.Validation.NotAMember, new Dictionary<string, object?>()))
            .ToList();
        if (enumErrors.Count > 0)
        {
            context.Result = new ProblemResult(CoreErrorCodes.ValidationFailed, null, enumErrors);
            return;
        }
        if (Repeated(context, request) is { } repeated)
        {
            context.Result = Malformed("Core:Malformed:RepeatedParameter", repeated);
            return;
        }
        // On a GET nothing but the query and the route is bound: an error on a value that was sent is one the binder could not read
        // (a value left out is the handler's to default).
        if (context.HandlerInstance is not IShowsBindingProblems
            && context.ModelState.FirstOrDefault(e => e.Value is { Errors.Count: > 0 } && (request.Query.ContainsKey(e.Key) || context.RouteData.Values.ContainsKey(e.Key)))
                is { Key: { } key })
        {
            context.Result = Malformed("Core:Malformed:Parameter", FieldName(key));
            return;
        }
        await next();
    }

    /// <summary>"Form.Parties[0].Kind" → "form.parties[0].kind", the field naming of the API.</summary>
    internal static string FieldName(string modelStateKey) =>
        string.Join('.', modelStateKey.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    // The binder takes the first of two values for a single one: "?today=true&today=false" would show today's list without a word.
    private static string? Repeated(PageHandlerExecutingContext context, HttpRequest request)
    {
        var single = (context.HandlerMethod?.Parameters.Select(p => (p.Name, p.ParameterType)) ?? [])
            .Concat(context.ActionDescriptor.BoundProperties.Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)))
            .Where(p => p.ParameterType == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(p.ParameterType));
        return single.Select(p => p.Item1).FirstOrDefault(name => request.Query.TryGetValue(name, out var values) && values.Count > 1) is { } found
            ? FieldName(found)
            : null;
    }

    private static ProblemResult Malformed(string reason, string field) =>
        new(CoreErrorCodes.MalformedRequest, new Dictionary<string, object?> { ["reason"] = new LocalizableText(reason, new Dictionary<string, object?> { ["field"] = field }) },
            [new FieldError(field, CoreErrorCodes.Validation.WrongFormat, new Dictionary<string, object?>())]);

}

/// <summary>A page's 400 as the API writes it: a problem with its stable code and localized message.</summary>
internal sealed class ProblemResult(string code, IReadOnlyDictionary<string, object?>? parameters, IReadOnlyList<FieldError> errors) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>()
            .WriteAsync(context.HttpContext, StatusCodes.Status400BadRequest, code, parameters, errors);
}

/// <summary>A page that shows a query value it could not read beside its own filter form (a list) rather than as a problem.</summary>
public interface IShowsBindingProblems;
