using Mediation.Core.Domain;
using Mediation.Core.Errors;
using Mediation.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;

namespace Mediation.Core.Web.Pages;

/// <summary>
/// A page's query or route enum that is no member ("?status=7", "?risk=Blue,Red") answers 400 with a problem naming the
/// parameter, as the API does; before this the page dropped the value and showed the unfiltered list. A posted form keeps
/// its own answer: the binder's error is shown beside the field (<see cref="FormPageModel"/>).
/// </summary>
public sealed class StrictEnumPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }
        var errors = context.ModelState
            .Where(e => e.Value is not null && e.Value.Errors.Any(x => x.ErrorMessage == StrictEnumModelBinder.NotAMember))
            .Select(e => new FieldError(FieldName(e.Key), CoreErrorCodes.Validation.NotAMember, new Dictionary<string, object?>()))
            .ToList();
        if (errors.Count == 0)
        {
            await next();
            return;
        }
        context.Result = new ProblemResult(errors);
    }

    /// <summary>"Form.Parties[0].Kind" → "form.parties[0].kind", the field naming of the API.</summary>
    internal static string FieldName(string modelStateKey) =>
        string.Join('.', modelStateKey.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    private sealed class ProblemResult(IReadOnlyList<FieldError> errors) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) =>
            context.HttpContext.RequestServices.GetRequiredService<ProblemWriter>()
                .WriteAsync(context.HttpContext, StatusCodes.Status400BadRequest, CoreErrorCodes.ValidationFailed, null, errors);
    }
}
